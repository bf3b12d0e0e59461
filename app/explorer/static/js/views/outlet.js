// Outlets: the list, and one outlet's page with what it reported and how often it was first.

import { allItems, getJson, paths } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatNumber, humanise, plural, timeElement } from "../format.js";
import { breadcrumb, claimCard, errorMessage, externalLink, outletHref, statTiles } from "./common.js";

// The claims and articles an outlet page reads to compute its figures; past this the page says
// "at least" rather than walking an unbounded list.
const MAX_ITEMS = 2000;
const SHOWN_CLAIMS = 25;
const SHOWN_ARTICLES = 20;

/** How often `slug` reported first among `claims`: {reported, first, share}. */
export function firstReportShare(claims, slug) {
  const first = claims.filter((claim) => claim.corroboration.first_reported && claim.corroboration.first_reported.outlet === slug).length;
  return { reported: claims.length, first, share: claims.length ? first / claims.length : 0 };
}

function percent(share) {
  return `${Math.round(share * 100)}%`;
}

function outletFacts(outlet) {
  const facts = [humanise(outlet.kind)];
  if (outlet.country) facts.push(outlet.country);
  if (outlet.language) facts.push(outlet.language);
  if (outlet.owner_group) facts.push(`owned by ${outlet.owner_group}`);
  return h(
    "p",
    { class: "outlet-facts" },
    facts.join(" · "),
    outlet.domain ? [" · ", externalLink(`https://${outlet.domain}`, outlet.domain)] : null,
  );
}

function articleItem(article) {
  return h(
    "li",
    { class: "article-item" },
    externalLink(article.url, article.title),
    h(
      "p",
      { class: "article-item__meta" },
      timeElement(article.published_at),
      article.origin
        ? [
            " · ",
            h("span", { class: "badge badge--copy" }, article.origin.relation === "syndicates" ? "syndicated copy of" : "cites"),
            " ",
            h("a", { href: outletHref(article.origin.origin.outlet.slug) }, article.origin.origin.outlet.name),
          ]
        : null,
    ),
  );
}

export async function renderOutlet({ main, slug, signal }) {
  let outlet;
  try {
    outlet = await getJson(paths.outlet(slug), {}, { signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    replaceChildren(main, breadcrumb("#/outlets", "All outlets"), errorMessage(error));
    return { title: "Outlet not found", announce: error.message };
  }
  const [claims, articles] = await Promise.all([
    allItems(paths.outletClaims(slug), {}, { maxItems: MAX_ITEMS, signal }),
    allItems(paths.articles, { outlet: slug }, { maxItems: MAX_ITEMS, signal }),
  ]);
  const share = firstReportShare(claims.items, slug);
  const copies = articles.items.filter((article) => article.origin).length;
  const atLeast = (complete) => (complete ? "" : "at least ");
  const scaleMax = Math.max(1, ...claims.items.map((claim) => claim.corroboration.outlets));
  replaceChildren(
    main,
    breadcrumb("#/outlets", "All outlets"),
    h(
      "article",
      { class: "outlet", dataset: { outlet: outlet.slug } },
      h("header", { class: "claim-head" }, h("p", { class: "eyebrow" }, "Outlet"), h("h1", { tabindex: "-1" }, outlet.name), outletFacts(outlet)),
      statTiles([
        { key: "claims", label: "Claims reported", value: `${atLeast(claims.complete) ? "≥ " : ""}${formatNumber(share.reported)}`, accent: "outlets" },
        {
          key: "first",
          label: "First to report",
          value: formatNumber(share.first),
          note: share.reported ? `${percent(share.share)} of its claims` : null,
          accent: "origins",
        },
        { key: "articles", label: "Articles", value: `${atLeast(articles.complete) ? "≥ " : ""}${formatNumber(articles.items.length)}` },
        {
          key: "copies",
          label: "Copies of others",
          value: formatNumber(copies),
          note: articles.items.length ? `${percent(copies / articles.items.length)} of its articles` : null,
        },
      ]),
      claims.complete ? null : h("p", { class: "muted" }, `Figures cover the first ${formatNumber(MAX_ITEMS)} claims and articles.`),
      h(
        "section",
        { class: "panel", "aria-labelledby": "outlet-claims-title" },
        h("div", { class: "panel__head" }, h("h2", { id: "outlet-claims-title" }, "Claims it reported")),
        claims.items.length
          ? h("ol", { class: "claim-list", "data-claim-list": "" }, claims.items.slice(0, SHOWN_CLAIMS).map((claim) => claimCard(claim, scaleMax, { outlet: outlet.slug })))
          : h("p", { class: "muted" }, "No claims yet."),
        claims.items.length > SHOWN_CLAIMS
          ? h("p", {}, h("a", { href: `#/?outlet=${encodeURIComponent(outlet.slug)}` }, `All ${atLeast(claims.complete)}${plural(claims.items.length, "claim")} in the claims list`))
          : null,
      ),
      h(
        "section",
        { class: "panel", "aria-labelledby": "outlet-articles-title" },
        h("div", { class: "panel__head" }, h("h2", { id: "outlet-articles-title" }, "Latest articles")),
        articles.items.length
          ? h("ul", { class: "article-list" }, articles.items.slice(0, SHOWN_ARTICLES).map(articleItem))
          : h("p", { class: "muted" }, "No articles yet."),
      ),
    ),
  );
  return { title: outlet.name, announce: `Outlet: ${outlet.name}` };
}

export async function renderOutlets({ main, outlets }) {
  const list = await outlets();
  replaceChildren(
    main,
    h("section", { class: "intro" }, h("h1", { tabindex: "-1" }, "Outlets"), h("p", { class: "lede" }, "Every publisher whose reports are tracked. Open one to see what it reported and how often it was first.")),
    list.length
      ? h(
          "table",
          { class: "outlets-table" },
          h("caption", { class: "sr-only" }, "Outlets"),
          h("thead", {}, h("tr", {}, ["Outlet", "Kind", "Country", "Domain"].map((label) => h("th", { scope: "col" }, label)))),
          h(
            "tbody",
            {},
            list.map((outlet) =>
              h(
                "tr",
                { dataset: { outlet: outlet.slug } },
                h("th", { scope: "row", "data-label": "Outlet" }, h("a", { href: outletHref(outlet.slug) }, outlet.name)),
                h("td", { "data-label": "Kind" }, humanise(outlet.kind)),
                h("td", { "data-label": "Country" }, outlet.country || "—"),
                h("td", { "data-label": "Domain" }, outlet.domain || "—"),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "No outlets yet."),
  );
  return { title: "Outlets", announce: `${plural(list.length, "outlet")}` };
}
