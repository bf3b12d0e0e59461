// The explorer's entry point: reads the API's capabilities once, then draws the view the URL
// fragment names (#/, #/claims/1, #/outlets, #/outlets/reuters).

import { allItems, getJson, paths } from "./api.js";
import { BASELINE, detectCapabilities } from "./capabilities.js";
import { h, replaceChildren } from "./dom.js";
import { render as renderClaim } from "./views/claim.js";
import { render as renderClaims } from "./views/claims.js";
import { errorMessage } from "./views/common.js";
import { renderOutlet, renderOutlets } from "./views/outlet.js";
import { render as renderReview } from "./views/review.js";

const SITE = "Corroborate explorer";
const main = document.querySelector("main");
const announcer = document.querySelector("[data-announcer]");

const capabilitiesReady = getJson(paths.schema)
  .then(detectCapabilities)
  .catch(() => BASELINE);

let outletsPromise = null;
/** Every outlet, fetched once per page load (filters and the outlets page share it). */
function outlets() {
  outletsPromise ??= allItems(paths.outlets)
    .then(({ items }) => items.sort((a, b) => a.name.localeCompare(b.name)))
    .catch((error) => {
      outletsPromise = null; // try again on the next view instead of remembering the failure
      throw error;
    });
  return outletsPromise;
}

const ROUTES = [
  [/^\/$/, (context) => renderClaims(context)],
  [/^\/claims\/(\d+)$/, (context, id) => renderClaim({ ...context, claimId: id })],
  [/^\/outlets$/, (context) => renderOutlets(context)],
  [/^\/review$/, (context) => renderReview(context)],
  [/^\/outlets\/([^/]+)$/, (context, slug) => renderOutlet({ ...context, slug: decodeURIComponent(slug) })],
];

/** The route in the fragment: {path, params}; "#/claims/1?x=y" -> {"/claims/1", x=y}. */
export function parseFragment(hash) {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?", 2);
  return { path: path || "/", params: new URLSearchParams(query) };
}

let current = null;
let firstRender = true;

async function route() {
  // Only "#/..." fragments are routes; anything else (e.g. "#main") is an in-page anchor.
  if (location.hash && !location.hash.startsWith("#/")) return;
  current?.abort();
  document.body.dataset.ready = "false";
  const controller = new AbortController();
  current = controller;
  const hash = location.hash;
  const { path, params } = parseFragment(hash);
  const capabilities = await capabilitiesReady;
  const context = { main, params, capabilities, outlets, signal: controller.signal };
  main.setAttribute("aria-busy", "true");
  let result;
  try {
    const match = ROUTES.map(([pattern, view]) => [path.match(pattern), view]).find(([found]) => found);
    result = match
      ? await match[1](context, ...match[0].slice(1))
      : (replaceChildren(main, h("h1", { tabindex: "-1" }, "Page not found"), h("p", {}, h("a", { href: "#/" }, "Back to all claims"))),
        { title: "Page not found", announce: "Page not found" });
  } catch (error) {
    if (error.name === "AbortError" || controller.signal.aborted) return;
    replaceChildren(main, h("h1", { tabindex: "-1" }, "Something went wrong"), errorMessage(error));
    result = { title: "Error", announce: error.message };
  } finally {
    if (current === controller) main.removeAttribute("aria-busy");
  }
  if (controller.signal.aborted) return;
  document.title = result.title === SITE ? SITE : `${result.title} – ${SITE}`;
  for (const link of document.querySelectorAll("nav[aria-label=Main] a")) {
    const section = link.getAttribute("href");
    const active =
      section === "#/outlets" ? path.startsWith("/outlets") : section === "#/review" ? path === "/review" : section === "#/" && (path === "/" || path.startsWith("/claims"));
    if (active) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  // A new view takes keyboard focus to its heading, as a page load would put the reader at
  // the top; the very first view leaves focus alone so Tab starts at "Skip to content".
  if (!firstRender) {
    main.querySelector("h1")?.focus();
    announcer.textContent = result.announce || result.title;
  }
  firstRender = false;
  main.dataset.view = path;
  // Which fragment the drawn view belongs to: after a hash change, "ready" alone may still
  // describe the previous view until the hashchange event has run.
  document.body.dataset.drawn = hash;
  document.body.dataset.ready = "true";
}

document.querySelector("[data-skip]").addEventListener("click", (event) => {
  event.preventDefault();
  (main.querySelector("h1") || main).focus();
});
window.addEventListener("hashchange", route);
route();
