// An outlet's feeds and how the crawler gets on with them (GET /v1/outlets/{slug}/feeds), on the
// outlet's page: state, last read and its answer, articles found, next read, the last error. A
// feed disabled after repeated failures can be enabled again with a write key kept in this tab;
// a key that may not write is told so by the API (403), and the page says it.

import { ApiError, getJson, paths } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatNumber, timeElement } from "../format.js";
import { keyForm, postWithKey, writeKey } from "../key.js";
import { externalLink } from "./common.js";

const SHOWN_FEEDS = 50;
const STATES = {
  active: { label: "Active", badge: "badge--supports" },
  failing: { label: "Failing", badge: "badge--first" },
  disabled: { label: "Disabled", badge: "badge--disputes" },
};

/** The first page of the outlet's feeds. */
export function loadFeeds(slug, signal) {
  return getJson(paths.outletFeeds(slug), { limit: SHOWN_FEEDS }, { signal });
}

function stateOf(feed) {
  if (feed.health.state === "disabled") return "disabled";
  return feed.health.failures > 0 ? "failing" : "active";
}

function lastRead(health) {
  if (!health.last_polled_at) return "Not read yet";
  const status = health.last_status === 304 ? "304, unchanged" : health.last_status ? `HTTP ${health.last_status}` : "no answer";
  return [timeElement(health.last_polled_at), ` (${status})`];
}

function feedRow(feed, action) {
  const health = feed.health;
  const state = stateOf(feed);
  const failures = health.failures ? ` · ${health.failures} failed in a row` : "";
  return h(
    "tr",
    { dataset: { feedId: feed.id, state } },
    h(
      "th",
      { scope: "row", "data-label": "Feed" },
      externalLink(feed.url, feed.url),
      h("span", { class: "muted" }, feed.kind === "sitemap" ? " · sitemap" : " · RSS/Atom", feed.parent_id ? ` from index ${feed.parent_id}` : ""),
    ),
    h("td", { "data-label": "State" }, h("span", { class: `badge ${STATES[state].badge}`, "data-feed-state": state }, STATES[state].label), failures),
    h("td", { "data-label": "Last read" }, lastRead(health)),
    h("td", { "data-label": "Articles" }, formatNumber(health.entries_found)),
    h("td", { "data-label": "Next read" }, health.state === "disabled" ? "Not read while disabled" : timeElement(health.next_poll_at)),
    h("td", { "data-label": "Last error", class: "feed-error" }, health.last_error || "—"),
    h("td", { "data-label": "Action" }, action),
  );
}

/** The "Feeds" panel: the table, and for disabled feeds the way to enable them again. */
export function feedsPanel(slug, page, { canEnable }) {
  const feeds = [...page.items];
  const message = h("p", { class: "feeds-message", role: "status" });
  const body = h("tbody", {});
  const keyInput = h("input", { id: "feeds-key", type: "password", autocomplete: "off", value: writeKey() });

  async function enable(index, button) {
    button.disabled = true;
    try {
      feeds[index] = await postWithKey(paths.feedEnable(slug, feeds[index].id));
      message.textContent = `Enabled: ${feeds[index].url}. The crawler reads it at its next pass.`;
      draw();
    } catch (error) {
      const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
      message.textContent = refused ? `This key may not enable feeds (it needs the write scope): ${error.message}` : error.message;
      button.disabled = false;
    }
  }

  function draw() {
    const rows = feeds.map((feed, index) => {
      let action = "—";
      if (feed.health.state === "disabled" && canEnable && writeKey()) {
        const button = h("button", { type: "button", class: "feed-enable", onclick: () => enable(index, button) }, "Enable again");
        action = button;
      } else if (feed.health.state === "disabled" && canEnable) {
        action = h("span", { class: "muted" }, "Enter a write key to enable it");
      }
      return feedRow(feed, action);
    });
    replaceChildren(body, rows);
  }
  draw();

  const anyDisabled = feeds.some((feed) => feed.health.state === "disabled");
  const keyPanel =
    anyDisabled && canEnable
      ? keyForm({ id: "feeds-key", input: keyInput, message, onSaved: draw })
      : null;
  const columns = ["Feed", "State", "Last read", "Articles", "Next read", "Last error", "Action"];
  return h(
    "section",
    { class: "panel", "aria-labelledby": "outlet-feeds-title", "data-feeds": "" },
    h("div", { class: "panel__head" }, h("h2", { id: "outlet-feeds-title" }, "Feeds")),
    feeds.length
      ? [
          h(
            "table",
            { class: "outlets-table feeds-table" },
            h("caption", { class: "sr-only" }, "The outlet's feeds and their health"),
            h("thead", {}, h("tr", {}, columns.map((label) => h("th", { scope: "col" }, label)))),
            body,
          ),
          keyPanel,
          message,
          page.next_cursor ? h("p", { class: "muted" }, `The first ${SHOWN_FEEDS} feeds are shown.`) : null,
        ]
      : h("p", { class: "muted" }, "No feeds watched."),
  );
}
