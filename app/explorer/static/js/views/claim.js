// One claim: counts (now, or as of a chosen time), who reported it (copies grouped under the
// origin they copy), and, when the API offers it, how coverage grew over time.

import { apiUrl, getJson, paths } from "../api.js";
import { timelineChart, timelineTable } from "../charts.js";
import { h, replaceChildren } from "../dom.js";
import { formatDate, formatDateTime, humanise, plural, timeElement } from "../format.js";
import { defaultBucket, readTimeline } from "../timeline.js";
import { breadcrumb, claimHref, errorMessage, externalLink, moreButton, outletHref, statTiles } from "./common.js";

// How a copy relates to its origin, in the table ("syndicated copy of Reuters") and in prose.
const RELATION_NOTE = { syndicates: "Syndicated copy of", cites: "Cites" };
const RELATION_PAST = { syndicates: "republished", cites: "cited" };

/**
 * Attributions grouped as the API counts independent origins: by the outlet of the root report
 * each one collapses into. Groups come in order of their first report; inside a group each
 * original report is followed by its copies, by date.
 */
export function groupByOrigin(attributions) {
  const published = (attribution) => new Date(attribution.article.published_at).getTime();
  const root = (attribution) => attribution.independent_origin.article_id;
  const rootSeen = new Map();
  for (const attribution of attributions) {
    rootSeen.set(root(attribution), Math.min(rootSeen.get(root(attribution)) ?? Infinity, published(attribution)));
  }
  const groups = new Map();
  for (const attribution of attributions) {
    const outlet = attribution.independent_origin.outlet;
    if (!groups.has(outlet.id)) groups.set(outlet.id, { outlet, items: [] });
    groups.get(outlet.id).items.push(attribution);
  }
  for (const group of groups.values()) {
    group.items.sort(
      (a, b) =>
        rootSeen.get(root(a)) - rootSeen.get(root(b)) ||
        root(a) - root(b) ||
        Number(Boolean(a.origin)) - Number(Boolean(b.origin)) ||
        published(a) - published(b) ||
        a.id - b.id,
    );
    const attributed = new Set(group.items.filter((item) => !item.origin).map((item) => item.article.id));
    group.copies = group.items.filter((item) => item.origin).length;
    group.unattributedRoots = new Set(group.items.map(root).filter((id) => !attributed.has(id))).size;
    group.reporting = group.items.some((item) => item.stance !== "disputes");
    // Known only by credits ("(AP)", an agency's URL): the outlet's own article is not stored.
    group.credited = group.items.every((item) => item.independent_origin.credited);
    group.firstSeen = Math.min(...group.items.map(published));
  }
  return [...groups.values()].sort((a, b) => a.firstSeen - b.firstSeen || a.outlet.id - b.outlet.id);
}

/**
 * "3 outlets reported this claim, but The Japan Times republished Reuters, so ..."; with `asOf`
 * (an instant) "By <asOf>, 2 outlets had reported this claim, ...".
 */
export function summarySentence(claim, attributions, asOf = null) {
  const { outlets, independent_origins: origins } = claim.corroboration;
  const by = asOf ? formatDateTime(asOf) : null;
  if (!outlets) return by ? `No outlet had reported this claim by ${by}.` : "No outlet has reported this claim yet.";
  const base = by ? `By ${by}, ${plural(outlets, "outlet")} had reported this claim` : `${plural(outlets, "outlet")} reported this claim`;
  const reporting = attributions.filter((item) => item.stance !== "disputes");
  const copies = reporting.filter((item) => item.origin);
  // A report whose origin is known only by its credit ("(AP)"): the wire's article is not stored.
  const credits = reporting.filter((item) => !item.origin && crediting(item));
  if ((!copies.length && !credits.length) || outlets === origins) {
    return `${base}, ${outlets === 1 ? "so far alone" : "each independently"}.`;
  }
  const pairs = [
    ...new Set([
      ...copies.map((item) => `${item.outlet.name} ${RELATION_PAST[item.origin.relation] || item.origin.relation} ${item.origin.article.outlet.name}`),
      ...credits.map((item) => `${item.outlet.name} credited ${item.independent_origin.outlet.name}`),
    ]),
  ];
  const how = pairs.length <= 2 ? pairs.join(" and ") : `${plural(pairs.length, "report")} copied or cited another outlet`;
  return `${base}, but ${how}, so they come down to ${plural(origins, "independent origin")}.`;
}

/** The report is its own root and counts under the outlet it credits (not its own). */
function crediting(attribution) {
  const root = attribution.independent_origin;
  return root.credited && root.article_id === attribution.article.id;
}

function stanceBadge(stance) {
  return h("span", { class: `badge badge--${stance}` }, stance);
}

function attributionRow(attribution) {
  const isCopy = Boolean(attribution.origin);
  const origin = attribution.origin;
  const credited = !isCopy && crediting(attribution);
  const creditNote = credited
    ? h(
        "p",
        { class: "copy-note", "data-credit-note": "" },
        h(
          "span",
          { class: "copy-note__relation" },
          "Credits ",
          h("a", { href: outletHref(attribution.independent_origin.outlet.slug) }, attribution.independent_origin.outlet.name),
        ),
        h("span", { class: "muted" }, ", whose own article is not stored: counted as its report"),
      )
    : null;
  const note = isCopy
    ? h(
        "p",
        { class: "copy-note", "data-copy-note": "" },
        h("span", { class: "copy-note__relation" }, `${RELATION_NOTE[origin.relation] || origin.relation} `, h("a", { href: outletHref(origin.article.outlet.slug) }, origin.article.outlet.name)),
        origin.reason ? [": ", h("span", { class: "copy-note__reason" }, origin.reason)] : null,
        origin.provenance === "detected" ? h("span", { class: "muted" }, " (detected)") : null,
      )
    : null;
  return h(
    "tr",
    {
      class: isCopy ? "attribution attribution--copy" : "attribution",
      dataset: { attributionId: attribution.id, outlet: attribution.outlet.slug, role: isCopy ? "copy" : credited ? "credited" : "origin" },
    },
    h(
      "th",
      { scope: "row", "data-label": "Outlet" },
      isCopy ? h("span", { class: "copy-arrow", "aria-hidden": "true" }, "↳ ") : null,
      h("a", { href: outletHref(attribution.outlet.slug) }, attribution.outlet.name),
    ),
    h(
      "td",
      { "data-label": "Headline" },
      externalLink(attribution.article.url, attribution.article.title),
      note,
      creditNote,
    ),
    h("td", { "data-label": "Published" }, timeElement(attribution.article.published_at)),
    h("td", { "data-label": "Stance" }, stanceBadge(attribution.stance)),
    h("td", { "data-label": "Quote" }, attribution.quote ? h("q", { class: "quote" }, attribution.quote) : h("span", { class: "muted" }, "—")),
    h("td", { "data-label": "Sourcing" }, humanise(attribution.sourcing)),
  );
}

function groupHead(group, label) {
  const details = [plural(group.items.length, "report")];
  if (!group.reporting) details.push(group.items.length === 1 ? "disputes the claim" : "dispute the claim");
  if (group.copies) details.push(plural(group.copies, "copy", "copies"));
  if (group.credited) details.push(`credited: ${group.outlet.name}'s own article is not stored`);
  if (group.unattributedRoots) {
    details.push(
      group.unattributedRoots === 1
        ? "the original report is not attributed to this claim"
        : "the original reports are not attributed to this claim",
    );
  }
  return h(
    "tr",
    { class: "origin-group__head" },
    h(
      "th",
      { colspan: "6", scope: "rowgroup" },
      h("span", { class: group.reporting ? "origin-group__index" : "origin-group__index origin-group__index--uncounted" }, label),
      h("span", { class: "origin-group__name" }, group.credited ? `${group.outlet.name}, credited` : group.outlet.name),
      h("span", { class: "origin-group__details" }, details.join(" · ")),
    ),
  );
}

/** The attributions table; `origins` is the claim's independent_origins count, for "1 of N". */
export function attributionsTable(attributions, origins) {
  const groups = groupByOrigin(attributions);
  const total = Math.max(origins, groups.filter((group) => group.reporting).length);
  let counted = 0;
  return h(
    "table",
    { class: "attributions", "data-attributions": "" },
    h("caption", { class: "sr-only" }, "Articles attributed to this claim, grouped by independent origin"),
    h(
      "thead",
      {},
      h("tr", {}, ["Outlet", "Headline", "Published", "Stance", "Quote", "Sourcing"].map((label) => h("th", { scope: "col" }, label))),
    ),
    groups.map((group) =>
      h(
        "tbody",
        { class: "origin-group", dataset: { originOutlet: group.outlet.slug } },
        groupHead(group, group.reporting ? `Origin ${++counted} of ${total}` : "Not counted"),
        group.items.map((attribution) => attributionRow(attribution)),
      ),
    ),
  );
}

async function timelineSection({ claim, capabilities, asOf, outletName, signal }) {
  const buckets = capabilities.buckets;
  let bucket = defaultBucket(claim.corroboration, buckets);
  const figure = h("div", { class: "chart-frame", "data-timeline-chart": "" });
  const data = h("details", { class: "chart-data" }, h("summary", {}, "Show the numbers"));
  const status = h("p", { class: "muted", role: "status" });
  const select = h(
    "select",
    { id: "timeline-bucket", name: "bucket" },
    buckets.map((value) => h("option", { value, selected: value === bucket }, `per ${value}`)),
  );
  const section = h(
    "section",
    { class: "panel", "aria-labelledby": "timeline-title", "data-timeline": "" },
    h(
      "div",
      { class: "panel__head" },
      h("h2", { id: "timeline-title" }, "Coverage over time"),
      h("div", { class: "field field--inline" }, h("label", { for: "timeline-bucket" }, "Buckets"), select),
    ),
    h(
      "p",
      { class: "legend" },
      h("span", { class: "legend__item legend__item--outlets" }, "Outlets (cumulative)"),
      h("span", { class: "legend__item legend__item--origins" }, "Independent origins (cumulative)"),
    ),
    figure,
    status,
    data,
  );
  let timeline = null;
  const draw = () => {
    if (!timeline || !timeline.points.length) return;
    replaceChildren(figure, timelineChart(timeline, Math.floor(figure.clientWidth) || 640));
  };
  const load = async () => {
    status.textContent = "";
    try {
      timeline = readTimeline(await getJson(paths.timeline(claim.id), { bucket, as_of: asOf }, { signal }));
      if (!timeline.points.length) {
        replaceChildren(figure);
        status.textContent = asOf ? "No reports by then, so no timeline." : "No reports yet, so no timeline.";
      }
      draw();
      replaceChildren(data, h("summary", {}, "Show the numbers"), timelineTable(timeline, outletName));
    } catch (error) {
      if (error.name === "AbortError") return;
      timeline = null;
      replaceChildren(figure);
      status.textContent = `The timeline could not be shown: ${error.message}`;
    }
  };
  select.addEventListener("change", () => {
    bucket = select.value;
    load();
  });
  const resizing = new ResizeObserver(() => draw());
  resizing.observe(figure);
  signal.addEventListener("abort", () => resizing.disconnect());
  await load();
  return section;
}

/** "2025-05-29T12:00" for a datetime-local input, in UTC like everything on the page. */
function inputValue(instant) {
  return new Date(instant).toISOString().slice(0, 16);
}

/** The as_of parameter for an input value: minutes (or seconds) in UTC, "2025-05-29T12:00:00Z". */
export function asOfParameter(value) {
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}

/**
 * Counts at a chosen time: a UTC date-time field that reloads the page with `as_of` in the URL
 * (so the view can be linked and quoted), and a way back to the counts as they are now.
 */
function asOfForm(claimId, requested, echoed) {
  const initial = echoed ? inputValue(echoed) : "";
  const input = h("input", { type: "datetime-local", id: "as-of", name: "as_of", value: initial, step: "60" });
  const form = h(
    "form",
    { class: "as-of", "data-as-of": "", "aria-label": "Counts at a chosen time" },
    h("label", { for: "as-of" }, "Count as of (UTC)"),
    input,
    h("button", { type: "submit", class: "button button--secondary" }, "Recount"),
    requested ? h("a", { class: "button button--link", href: claimHref(claimId), "data-as-of-now": "" }, "Back to now") : null,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value;
    // An untouched field keeps the URL's own as_of (a date there means the end of that day).
    const asOf = !value ? null : value === initial && requested ? requested : asOfParameter(value);
    const target = asOf ? `${claimHref(claimId)}?as_of=${encodeURIComponent(asOf)}` : claimHref(claimId);
    if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
    else location.hash = target;
  });
  return form;
}

/** How the counts were made, in the API's own terms, so a quoted number can be reproduced. */
export function methodLine(claimId, method) {
  const collapse = method.collapse.length ? method.collapse.join(",") : "none";
  const basis = method.as_of_basis === "recorded" ? "rows recorded by then" : "articles published by then";
  const params = { collapse, as_of: method.as_of, as_of_basis: method.as_of ? method.as_of_basis : null };
  return h(
    "p",
    { class: "method", "data-method": "" },
    "Method: ",
    h("code", {}, `collapse=${collapse}`),
    " · ",
    method.as_of ? [h("code", {}, `as_of=${method.as_of}`), ` (${basis})`] : "counted now",
    ` · version ${method.version} · `,
    h("a", { href: apiUrl(paths.corroboration(claimId), params).href, "data-explanation": "" }, "explanation (JSON)"),
  );
}

// The events after which the page redraws itself (the claim's counts, reports or reviews moved).
const LIVE_EVENTS = ["claim.corroboration_changed", "claim.disputed", "claim.merged", "review.created"];

/**
 * The claim view, kept up to date while it is open: the page follows the claim's events on the
 * API's Server-Sent Events stream and redraws (counts, reports, timeline) when one arrives; a
 * burst of events costs one redraw. The browser resumes a dropped stream with Last-Event-ID.
 * Counts as of a chosen time do not change, so that view does not follow anything.
 */
export async function render(context) {
  const result = await draw(context);
  if (result.live && context.capabilities.live && typeof EventSource === "function") follow(context);
  return result;
}

function follow(context) {
  const source = new EventSource(apiUrl(paths.eventStream, { claim_id: context.claimId }));
  let timer = null;
  let drawing = Promise.resolve();
  const redraw = () => {
    timer = null;
    drawing = drawing
      .then(() => (context.signal.aborted ? null : draw(context)))
      .then(() => {
        document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
      })
      .catch(() => {}); // the next event tries again; the page keeps what it shows
  };
  const onEvent = () => {
    if (!timer) timer = setTimeout(redraw, 250);
  };
  for (const type of LIVE_EVENTS) source.addEventListener(type, onEvent);
  context.signal.addEventListener("abort", () => {
    clearTimeout(timer);
    source.close();
  });
}

async function draw({ main, claimId, params, capabilities, signal }) {
  const requestedAsOf = capabilities.asOf ? (params.get("as_of") || "").trim() || null : null;
  let claim;
  try {
    claim = await getJson(paths.claim(claimId), { as_of: requestedAsOf }, { signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    replaceChildren(
      main,
      breadcrumb("#/", "All claims"),
      errorMessage(error),
      requestedAsOf && error.status !== 404 ? h("p", {}, h("a", { href: claimHref(claimId) }, "Show this claim's counts now")) : null,
    );
    return { title: error.status === 404 ? "Claim not found" : "Error", announce: error.message };
  }
  const c = claim.corroboration;
  const asOf = (c.method && c.method.as_of) || null;
  // As of a time, the page lists what counted then: reports published by that time.
  const asOfMs = asOf ? Date.parse(asOf) : null;
  const counted = (attribution) => asOfMs === null || Date.parse(attribution.article.published_at) <= asOfMs;
  const loaded = [...claim.attributions];
  const attributions = () => loaded.filter(counted);
  const tableSlot = h("div", { class: "table-slot" });
  const summary = h("p", { class: "claim-summary", "data-claim-summary": "" });
  const laterNote = h("p", { class: "muted panel__intro", "data-later-note": "", hidden: true });
  const moreSlot = h("div", { class: "more-slot" });
  const redraw = () => {
    const shown = attributions();
    replaceChildren(tableSlot, attributionsTable(shown, c.independent_origins));
    summary.textContent = summarySentence(claim, shown, asOf);
    laterNote.hidden = shown.length === loaded.length;
    laterNote.textContent = asOf ? `Reports published after ${formatDateTime(asOf)} are not listed: they did not count by then.` : "";
  };
  const addMore = (cursor) => {
    if (!cursor) {
      replaceChildren(moreSlot);
      return;
    }
    const more = moreButton("Show more attributions", async () => {
      const page = await getJson(paths.attributions(claim.id), { cursor, limit: 100 }, { signal });
      loaded.push(...page.items);
      redraw();
      addMore(page.next_cursor);
      // Keyboard users continue from the first report just loaded.
      const next = page.items.find(counted);
      if (next) tableSlot.querySelector(`[data-attribution-id="${next.id}"] a`)?.focus();
    });
    replaceChildren(moreSlot, more.element);
  };

  const header = h(
    "header",
    { class: "claim-head" },
    h("p", { class: "eyebrow" }, `Claim #${claim.id}`),
    h("h1", { tabindex: "-1" }, claim.text),
    h(
      "p",
      { class: "claim-head__claimant" },
      claim.claimant ? ["Claimed by ", h("strong", {}, claim.claimant)] : h("span", { class: "muted" }, "No claimant recorded"),
      claim.claim_date ? [" on ", h("time", { datetime: claim.claim_date }, formatDate(`${claim.claim_date}T00:00:00Z`))] : null,
    ),
  );
  const first = c.first_reported;
  const firstLine = first
    ? h(
        "p",
        { class: "first-report" },
        "First reported by ",
        h("a", { href: outletHref(first.outlet) }, first.outlet_name),
        " on ",
        timeElement(first.at),
        c.last_reported_at && c.last_reported_at !== first.at ? ["; latest report ", timeElement(c.last_reported_at), "."] : ".",
      )
    : null;
  const stats = statTiles([
    { key: "outlets", label: "Outlets", value: c.outlets, accent: "outlets" },
    { key: "independent_origins", label: "Independent origins", value: c.independent_origins, accent: "origins" },
    { key: "articles", label: "Reporting articles", value: c.articles },
    { key: "disputing_outlets", label: "Disputing outlets", value: c.disputing_outlets, accent: c.disputing_outlets ? "disputes" : null },
  ]);
  const method = c.method
    ? h("div", { class: "counts-method" }, methodLine(claim.id, c.method), capabilities.asOf ? asOfForm(claim.id, requestedAsOf, asOf) : null)
    : null;
  const names = new Map(loaded.map((attribution) => [attribution.outlet.slug, attribution.outlet.name]));
  const timeline = capabilities.timeline ? h("div", { class: "timeline-slot" }) : null;
  const pendingSlot = h("div", { class: "review-pending", "data-review-pending": true });
  replaceChildren(
    main,
    breadcrumb("#/", "All claims"),
    h(
      "article",
      { class: "claim", dataset: { claimId: claim.id } },
      header,
      stats,
      method,
      summary,
      firstLine,
      pendingSlot,
      timeline,
      h(
        "section",
        { class: "panel", "aria-labelledby": "attributions-title" },
        h("div", { class: "panel__head" }, h("h2", { id: "attributions-title" }, "Who reported it")),
        h("p", { class: "muted panel__intro" }, "Grouped by independent origin: a copy or rewrite is listed under the report it came from, with the reason it was linked."),
        laterNote,
        tableSlot,
        moreSlot,
      ),
    ),
  );
  redraw();
  addMore(claim.attributions_next_cursor);
  // What waits for a person about this claim (merges, copies, credits): a link to decide it.
  const pending = await getJson(paths.review, { claim: claim.id, limit: 50 }, { signal }).catch(() => null);
  if (pending && pending.items.length) {
    const count = pending.items.length + (pending.next_cursor ? "+" : "");
    replaceChildren(
      pendingSlot,
      h("p", { class: "notice" }, `${count} decision${count === "1" ? "" : "s"} about this claim wait for review: `, h("a", { href: `#/review?claim=${claim.id}` }, "review them")),
    );
  }
  if (timeline) {
    const outletName = (slug) => names.get(slug) || slug;
    replaceChildren(timeline, await timelineSection({ claim, capabilities, asOf, outletName, signal }));
  }
  const title = asOf ? `${claim.text} (as of ${formatDateTime(asOf)})` : claim.text;
  return { title, announce: `Claim: ${summary.textContent}`, live: !asOf };
}
