// Pieces several views share: claim cards, stat tiles, messages, "more" buttons.

import { ApiError } from "../api.js";
import { corroborationBars } from "../charts.js";
import { h } from "../dom.js";
import { plural, timeElement } from "../format.js";

export const claimHref = (id) => `#/claims/${id}`;
export const outletHref = (slug) => `#/outlets/${encodeURIComponent(slug)}`;

/** A link to an article or site; only web addresses become links, anything else stays text. */
export function externalLink(url, ...children) {
  let safe = false;
  try {
    safe = ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    safe = false;
  }
  if (!safe) return h("span", {}, ...children);
  return h("a", { href: url, rel: "noopener noreferrer external", target: "_blank" }, ...children, h("span", { class: "sr-only" }, " (opens in a new tab)"));
}

/** One claim in a list: its text (the link), claimant, first report, and the paired bars. */
export function claimCard(claim, scaleMax, { outlet = null } = {}) {
  const corroboration = claim.corroboration;
  const first = corroboration.first_reported;
  const wasFirst = outlet && first && first.outlet === outlet;
  return h(
    "li",
    { class: "claim-card", dataset: { claimId: claim.id } },
    h(
      "div",
      { class: "claim-card__body" },
      h("a", { class: "claim-card__text", href: claimHref(claim.id) }, claim.text),
      h(
        "p",
        { class: "claim-card__meta" },
        claim.claimant ? h("span", { class: "claimant" }, claim.claimant) : h("span", { class: "muted" }, "No claimant recorded"),
        first
          ? [
              h("span", { class: "sep", "aria-hidden": "true" }, " · "),
              "First reported by ",
              h("a", { href: outletHref(first.outlet) }, first.outlet_name),
              ", ",
              timeElement(first.at),
            ]
          : [h("span", { class: "sep", "aria-hidden": "true" }, " · "), h("span", { class: "muted" }, "not reported yet")],
        corroboration.disputing_outlets
          ? [" ", h("span", { class: "badge badge--disputes" }, `disputed by ${plural(corroboration.disputing_outlets, "outlet")}`)]
          : null,
        wasFirst ? [" ", h("span", { class: "badge badge--first" }, "first to report")] : null,
      ),
    ),
    corroborationBars(corroboration, scaleMax),
  );
}

/** A row of big numbers: [{label, value, note?, key}]. */
export function statTiles(tiles) {
  return h(
    "dl",
    { class: "stats" },
    tiles.map((tile) =>
      h(
        "div",
        { class: `stat${tile.accent ? ` stat--${tile.accent}` : ""}`, dataset: { stat: tile.key } },
        h("dt", {}, tile.label),
        h("dd", {}, h("span", { class: "stat__value" }, tile.value), tile.note ? h("span", { class: "stat__note" }, tile.note) : null),
      ),
    ),
  );
}

/** The message shown where a view could not load, in words taken from the API's error. */
export function errorMessage(error) {
  const text =
    error instanceof ApiError
      ? error.status === 404
        ? error.message.replace(/^./, (letter) => letter.toUpperCase()) + "."
        : `The service answered: ${error.message} (${error.code}).`
      : "Something went wrong while drawing this page.";
  return h("div", { class: "notice notice--error", role: "alert" }, h("p", {}, text), h("p", {}, h("a", { href: "#/" }, "Back to all claims")));
}

/** A "more" button that runs `load` and shows progress and errors next to itself. */
export function moreButton(label, load) {
  const status = h("span", { class: "more__status", role: "status" });
  const button = h("button", { type: "button", class: "button button--secondary" }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = "Loading…";
    try {
      await load();
      status.textContent = "";
    } catch (error) {
      if (error.name === "AbortError") return;
      status.textContent = error instanceof ApiError ? error.message : "Could not load more.";
    } finally {
      button.disabled = false;
    }
  });
  return { element: h("div", { class: "more" }, button, status), button };
}

export function breadcrumb(href, label) {
  return h("nav", { class: "breadcrumb", "aria-label": "Breadcrumb" }, h("a", { href }, h("span", { "aria-hidden": "true" }, "← "), label));
}
