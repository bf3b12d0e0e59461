// Outlets: the list, and one outlet's page with what it reported and how often it was first, and
// the feeds the crawler watches for it (views/feeds.js).
// The figures are the outlet's profile as the API computes it (GET /v1/outlets/{slug}); the page
// itself reads only the first page of its claims and articles, whatever the outlet's size.

import { getJson, paths } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatNumber, humanise, plural, timeElement } from "../format.js";
import { breadcrumb, claimCard, errorMessage, externalLink, outletHref, statTiles } from "./common.js";
import { feedsPanel, loadFeeds } from "./feeds.js";

const SHOWN_CLAIMS = 25;
const SHOWN_ARTICLES = 20;

function percent(share) {
  return `${Math.round(share * 100)}%`;
}

/** The outlet's four figures: claims reported, first reports, articles, copies of others. */
export function profileTiles(profile) {
  const { claims_reported: reported, first_reports: first, articles, copies, copy_share: copyShare } = profile;
  return statTiles([
    { key: "claims", label: "Claims reported", value: formatNumber(reported), accent: "outlets" },
    {
      key: "first",
      label: "First to report",
      value: formatNumber(first),
      note: reported ? `${percent(first / reported)} of its claims` : null,
      accent: "origins",
    },
    { key: "articles", label: "Articles", value: formatNumber(articles) },
    {
      key: "copies",
      label: "Copies of others",
      value: formatNumber(copies),
      note: copyShare === null ? null : `${percent(copyShare)} of its articles`,
    },
  ]);
}

/** "Reuters: 3 (2 syndicated, 1 cited)": the outlets it copies most, as the profile lists them. */
function copiesFrom(sources) {
  const split = (source) =>
    [source.syndicates ? `${formatNumber(source.syndicates)} syndicated` : null, source.cites ? `${formatNumber(source.cites)} cited` : null]
      .filter(Boolean)
      .join(", ");
  return h(
    "section",
    { class: "panel", "aria-labelledby": "outlet-sources-title", "data-copies-from": "" },
    h("div", { class: "panel__head" }, h("h2", { id: "outlet-sources-title" }, "Outlets it copies from")),
    h(
      "ul",
      { class: "source-list" },
      sources.map((source) =>
        h(
          "li",
          { dataset: { outlet: source.outlet.slug } },
          h("a", { href: outletHref(source.outlet.slug) }, source.outlet.name),
          `: ${plural(source.copies, "article")} (${split(source)})`,
        ),
      ),
    ),
  );
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

export async function renderOutlet({ main, slug, signal, capabilities }) {
  let outlet;
  try {
    outlet = await getJson(paths.outlet(slug), {}, { signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    replaceChildren(main, breadcrumb("#/outlets", "All outlets"), errorMessage(error));
    return { title: "Outlet not found", announce: error.message };
  }
  const [claims, articles, feeds] = await Promise.all([
    getJson(paths.outletClaims(slug), { limit: SHOWN_CLAIMS }, { signal }),
    getJson(paths.articles, { outlet: slug, limit: SHOWN_ARTICLES }, { signal }),
    capabilities.feeds ? loadFeeds(slug, signal) : null,
  ]);
  const profile = outlet.profile;
  const scaleMax = Math.max(1, ...claims.items.map((claim) => claim.corroboration.outlets));
  replaceChildren(
    main,
    breadcrumb("#/outlets", "All outlets"),
    h(
      "article",
      { class: "outlet", dataset: { outlet: outlet.slug } },
      h("header", { class: "claim-head" }, h("p", { class: "eyebrow" }, "Outlet"), h("h1", { tabindex: "-1" }, outlet.name), outletFacts(outlet)),
      profileTiles(profile),
      profile.copies_from.length ? copiesFrom(profile.copies_from) : null,
      h(
        "section",
        { class: "panel", "aria-labelledby": "outlet-claims-title" },
        h("div", { class: "panel__head" }, h("h2", { id: "outlet-claims-title" }, "Claims it reported")),
        claims.items.length
          ? h("ol", { class: "claim-list", "data-claim-list": "" }, claims.items.map((claim) => claimCard(claim, scaleMax, { outlet: outlet.slug })))
          : h("p", { class: "muted" }, "No claims yet."),
        claims.next_cursor
          ? h("p", {}, h("a", { href: `#/?outlet=${encodeURIComponent(outlet.slug)}`, "data-all-claims": "" }, `All ${plural(profile.claims_reported, "claim")} in the claims list`))
          : null,
      ),
      h(
        "section",
        { class: "panel", "aria-labelledby": "outlet-articles-title" },
        h("div", { class: "panel__head" }, h("h2", { id: "outlet-articles-title" }, "Latest articles")),
        articles.items.length
          ? h("ul", { class: "article-list" }, articles.items.map(articleItem))
          : h("p", { class: "muted" }, "No articles yet."),
      ),
      feeds ? feedsPanel(outlet.slug, feeds, { canEnable: capabilities.feedEnable }) : null,
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
