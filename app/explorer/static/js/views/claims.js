// The claims list: most-corroborated first, filters in the URL fragment, "more" on the cursor.

import { getJson, paths } from "../api.js";
import { rescaleBars } from "../charts.js";
import { append, h, replaceChildren } from "../dom.js";
import { plural } from "../format.js";
import { claimCard, errorMessage, moreButton } from "./common.js";

const PAGE_SIZE = 25;
// `limit` (page size) is not in the form but kept from the URL, like every API parameter here.
const FILTERS = ["q", "outlet", "claimant", "since", "until", "min_outlets", "min_origins", "sort", "limit"];
const SORT_LABELS = {
  relevance: "Best match",
  "-outlets": "Most outlets",
  "-independent_origins": "Most independent origins",
  "-first_reported_at": "Newest first report",
  first_reported_at: "Oldest first report",
  "-last_reported_at": "Latest report",
};

/** The fragment's filters, as the form shows them (dates as YYYY-MM-DD). */
export function readFilters(params) {
  const filters = {};
  for (const name of FILTERS) {
    const value = (params.get(name) || "").trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The API query for those filters: dates become whole UTC days. */
export function apiQuery(filters, capabilities) {
  const query = { ...filters };
  if (!capabilities.search) delete query.q;
  if (query.since) query.since = `${query.since}T00:00:00Z`;
  if (query.until) query.until = `${query.until}T23:59:59.999999Z`;
  if (query.sort && capabilities.sorts.length && !capabilities.sorts.includes(query.sort)) delete query.sort;
  // Relevance ranks a search; without one the API refuses it, so the list falls back to its default.
  if (query.sort === "relevance" && !query.q) delete query.sort;
  return query;
}

/**
 * The sort menu. Its first entry sends no `sort`, so the API's own default applies: most outlets,
 * or best match when searching where the API ranks by relevance.
 */
export function sortChoices(filters, capabilities) {
  const sorts = capabilities.sorts.length ? capabilities.sorts : Object.keys(SORT_LABELS).slice(1);
  const relevance = Boolean(capabilities.search && filters.q && sorts.includes("relevance"));
  const ordinary = sorts.filter((sort) => sort !== "relevance");
  const fallback = ordinary[0];
  return [
    { value: "", label: relevance ? SORT_LABELS.relevance : SORT_LABELS[fallback] || fallback },
    ...ordinary
      .filter((sort) => relevance || sort !== fallback)
      .map((sort) => ({ value: sort, label: SORT_LABELS[sort] || sort })),
  ];
}

function field(label, control, hint) {
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control, hint ? h("span", { class: "field__hint" }, hint) : null);
}

function filterForm(filters, capabilities, outlets) {
  const input = (name, attributes = {}) => h("input", { id: `filter-${name}`, name, value: filters[name] || "", ...attributes });
  const outletSelect = h(
    "select",
    { id: "filter-outlet", name: "outlet" },
    h("option", { value: "" }, "Any outlet"),
    outlets.map((outlet) => h("option", { value: outlet.slug, selected: filters.outlet === outlet.slug }, outlet.name)),
    // An outlet named in the URL but not (or no longer) listed stays selected rather than lost.
    filters.outlet && !outlets.some((outlet) => outlet.slug === filters.outlet)
      ? h("option", { value: filters.outlet, selected: true }, filters.outlet)
      : null,
  );
  const sortSelect = h(
    "select",
    { id: "filter-sort", name: "sort" },
    sortChoices(filters, capabilities).map(({ value, label }) =>
      h("option", { value, selected: (filters.sort || "") === value }, label),
    ),
  );
  const active = FILTERS.some((name) => !["sort", "q", "limit"].includes(name) && filters[name]);
  const search = capabilities.search
    ? h(
        "div",
        { class: "search" },
        h("label", { for: "filter-q", class: "sr-only" }, "Search claims and quotes"),
        input("q", {
          type: "search",
          placeholder: "Search claims and quotes…",
          autocomplete: "off",
          maxlength: capabilities.searchMax,
          "data-search": "",
        }),
        h("button", { type: "submit", class: "button" }, "Search"),
      )
    : null;
  return h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter claims", "data-filters": "" },
    search,
    filters.limit ? h("input", { type: "hidden", name: "limit", value: filters.limit }) : null,
    h(
      "details",
      { class: "filters__more", open: active || window.matchMedia("(min-width: 760px)").matches },
      h("summary", {}, "Filters"),
      h(
        "div",
        { class: "filters__grid" },
        field("Outlet", outletSelect),
        field("Claimant", input("claimant", { type: "text", autocomplete: "off", placeholder: "e.g. Vladimir Putin" }), "exact name, any case"),
        field("Reported from", input("since", { type: "date" })),
        field("Reported until", input("until", { type: "date" })),
        field("Min. outlets", input("min_outlets", { type: "number", min: "0", step: "1", inputmode: "numeric" })),
        field("Min. independent origins", input("min_origins", { type: "number", min: "0", step: "1", inputmode: "numeric" })),
        field("Sort by", sortSelect),
        h(
          "div",
          { class: "filters__actions" },
          h("button", { type: "submit", class: "button" }, "Apply"),
          h("a", { class: "button button--link", href: "#/" }, "Reset"),
        ),
      ),
    ),
  );
}

/** The fragment for a set of filters: "#/?outlet=reuters&min_outlets=2". */
export function filtersHash(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text) params.append(name, text);
  }
  const query = params.toString();
  return query ? `#/?${query}` : "#/";
}

export async function render({ main, params, capabilities, outlets, signal }) {
  const filters = readFilters(params);
  const query = apiQuery(filters, capabilities);
  // The outlet menu is a convenience: without it the list still works (filter by URL instead).
  const outletList = await outlets().catch((error) => {
    if (error.name === "AbortError") throw error;
    return [];
  });
  const form = filterForm(filters, capabilities, outletList);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const target = filtersHash(form);
    if (location.hash === target || (target === "#/" && !location.hash)) window.dispatchEvent(new HashChangeEvent("hashchange"));
    else location.hash = target;
  });
  const summary = h("p", { class: "result-summary", "data-summary": "" });
  const list = h("ol", { class: "claim-list", "data-claim-list": "" });
  const more = h("div", { class: "more-slot" });
  replaceChildren(
    main,
    h(
      "section",
      { class: "intro" },
      h("h1", { tabindex: "-1" }, "Claims, by corroboration"),
      h(
        "p",
        { class: "lede" },
        "How many outlets reported each claim, and how many ",
        h("strong", {}, "independent origins"),
        " that really is once syndicated copies and rewrites are traced back to the report they came from.",
      ),
    ),
    form,
    summary,
    list,
    more,
  );

  let shown = 0;
  let scaleMax = 1;
  const loadPage = async (cursor) => {
    const page = await getJson(paths.claims, { limit: PAGE_SIZE, ...query, cursor }, { signal });
    const pageMax = Math.max(0, ...page.items.map((claim) => claim.corroboration.outlets));
    if (pageMax > scaleMax) {
      scaleMax = pageMax;
      rescaleBars(list, scaleMax);
    }
    const cards = page.items.map((claim) => claimCard(claim, scaleMax));
    append(list, cards);
    // After "more", keyboard users continue from the first new claim instead of the page top.
    if (cursor && cards.length) cards[0].querySelector("a").focus();
    shown += page.items.length;
    const matching = query.q ? ` matching “${query.q}”` : "";
    summary.textContent = shown
      ? `Showing ${plural(shown, "claim")}${matching}${page.next_cursor ? "; more below" : ""}.`
      : "";
    if (!shown) {
      const none = query.q ? `No claims match “${query.q}”${Object.keys(query).some((name) => !["q", "sort", "limit"].includes(name)) ? " with these filters" : ""}. ` : "No claims match these filters. ";
      replaceChildren(list, h("li", { class: "empty" }, none, h("a", { href: "#/" }, "Show all claims")));
    }
    if (page.next_cursor) {
      const button = moreButton("Show more claims", () => loadPage(page.next_cursor));
      replaceChildren(more, button.element);
      return button;
    }
    replaceChildren(more);
    return null;
  };
  try {
    await loadPage(null);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    replaceChildren(list);
    replaceChildren(more, errorMessage(error));
  }
  const title = filters.q ? `“${filters.q}” – claims` : "Claims by corroboration";
  return { title, announce: summary.textContent || title };
}
