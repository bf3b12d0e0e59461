// "To review": what the service was unsure about (claim merges, copies, weak credits, claims
// quoted in crawled articles), for a person to accept or reject with the keyboard alone: j / n
// next, k / p previous, a accept, r reject. Deciding needs a write key, kept in this tab's
// sessionStorage only.

import { getJson, paths } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { humanise, timeElement } from "../format.js";
import { keyForm, postWithKey, writeKey } from "../key.js";
import { claimHref, externalLink, outletHref } from "./common.js";

function decide(item, verb) {
  return postWithKey(paths.reviewDecision(item.id, verb));
}

function articleLine(label, article) {
  if (!article) return null;
  return h(
    "p",
    { class: "review-item__article" },
    `${label}: `,
    h("a", { href: outletHref(article.outlet.slug) }, article.outlet.name),
    " — ",
    externalLink(article.url, article.title),
    " (",
    timeElement(article.published_at),
    ")",
  );
}

function claimLine(label, claim) {
  if (!claim) return null;
  return h("p", { class: "review-item__claim" }, `${label}: `, h("a", { href: claimHref(claim.id) }, claim.text));
}

/** One proposal: what it is, the evidence, and its state. */
function itemCard(item) {
  const what = {
    claim_merge: "Merge two claims?",
    copy: "Is this article a copy?",
    credited_origin: item.outlet ? `Does this article come from ${item.outlet.name}?` : "Credited origin?",
    claim_proposal: "Does this article make this claim?",
  }[item.kind];
  const proposed = item.proposed_claim;
  return h(
    "li",
    { class: "review-item", tabindex: "-1", dataset: { reviewId: item.id, kind: item.kind } },
    h("h2", { class: "review-item__title" }, what, " ", h("span", { class: "muted" }, `(${humanise(item.kind)}, score ${item.score.toFixed(2)})`)),
    claimLine("Claim", item.claim),
    proposed
      ? h("p", { class: "review-item__proposed" }, "Proposed: ", proposed.claimant ? `${proposed.claimant}: ` : "", h("q", {}, proposed.text))
      : null,
    claimLine(item.kind === "claim_proposal" ? "Closest claim" : "Into", item.target_claim),
    articleLine("Article", item.article),
    articleLine("Origin", item.origin_article),
    h("p", { class: "review-item__reason" }, item.reason),
    h("p", { class: "review-item__status", dataset: { status: item.status }, "aria-live": "polite" }, humanise(item.status)),
  );
}

export async function render({ main, params, signal }) {
  const query = { claim: params.get("claim"), kind: params.get("kind"), outlet: params.get("outlet"), limit: 50 };
  const page = await getJson(paths.review, query, { signal });
  const items = page.items;
  const cards = items.map(itemCard);
  const keyInput = h("input", {
    id: "review-key",
    type: "password",
    autocomplete: "off",
    value: writeKey(),
    "aria-describedby": "review-help",
  });
  const message = h("p", { class: "review-message", role: "status" });
  let index = 0;

  function select(next) {
    if (!cards.length) return;
    index = Math.max(0, Math.min(cards.length - 1, next));
    // A roving tab stop: Tab reaches the current item, the keys move between items.
    cards.forEach((card, i) => {
      card.classList.toggle("review-item--current", i === index);
      card.setAttribute("tabindex", i === index ? "0" : "-1");
    });
    cards[index].focus();
  }

  async function act(verb) {
    const item = items[index];
    if (!item || item.status !== "pending") return;
    if (!writeKey()) {
      message.textContent = "Enter a write key first.";
      keyInput.focus();
      return;
    }
    try {
      const decided = await decide(item, verb);
      items[index] = decided;
      const status = cards[index].querySelector(".review-item__status");
      status.textContent = `${humanise(decided.status)} by ${decided.decided_by}`;
      status.dataset.status = decided.status;
      message.textContent = `${humanise(decided.status)}: ${item.reason}`;
      select(index + 1);
    } catch (error) {
      message.textContent = error.message;
    }
  }

  const form = keyForm({ id: "review-key", input: keyInput, message, onSaved: () => select(index) });
  const list = h("ol", { class: "review-list", "data-review-list": true, onkeydown: (event) => {
    if (event.target === keyInput || event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = { j: () => select(index + 1), n: () => select(index + 1), k: () => select(index - 1), p: () => select(index - 1), a: () => act("accept"), r: () => act("reject") };
    const run = actions[event.key];
    if (run) {
      event.preventDefault();
      run();
    }
  } }, cards);
  list.addEventListener("focusin", (event) => {
    const card = event.target.closest(".review-item");
    if (card) index = cards.indexOf(card);
  });
  replaceChildren(
    main,
    h("h1", { tabindex: "-1" }, "To review"),
    h("p", { id: "review-help", class: "muted" }, "Decisions the service was not sure enough to take. Keys: j or n next, k or p previous, a accept, r reject. Accepting applies the merge, link or credit at once; a rejection is remembered."),
    form,
    message,
    items.length ? list : h("p", { class: "notice" }, "Nothing waits for review."),
    page.next_cursor ? h("p", { class: "muted" }, "More items wait; decide these first, then reload.") : null,
  );
  if (cards.length) {
    cards[0].classList.add("review-item--current");
    cards[0].setAttribute("tabindex", "0");
  }
  return { title: "To review", announce: `${items.length} items to review` };
}

