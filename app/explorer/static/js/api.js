// The explorer's only way to reach data: the public JSON API, relative to the page's address so
// the service can sit behind a path prefix.

/** An API error in the service's one error shape: {"error": {"code", "message", "details"}}. */
export class ApiError extends Error {
  constructor(status, code, message, details = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The URL of an API path with query parameters; arrays repeat the parameter, blanks are dropped. */
export function apiUrl(path, params = {}) {
  const url = new URL(path.replace(/^\//, ""), document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null || item === "") continue;
      url.searchParams.append(name, String(item));
    }
  }
  return url;
}

/** GET a JSON document; throws ApiError for any non-2xx answer (or a network failure). */
export async function getJson(path, params = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "The service could not be reached.");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    throw new ApiError(
      response.status,
      error.code || "http_error",
      error.message || `The service answered HTTP ${response.status}.`,
      error.details || [],
    );
  }
  return body;
}

/**
 * Every item of a cursor-paged list, following `next_cursor`, up to `maxItems`.
 * Returns {items, complete}: `complete` is false when the cap stopped the walk.
 */
export async function allItems(path, params = {}, { maxItems = 2000, signal } = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await getJson(path, { ...params, limit: 200, cursor }, { signal });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < maxItems);
  return { items, complete: !cursor };
}

/** Paths of the API, in one place. */
export const paths = {
  schema: "openapi.json",
  claims: "v1/claims",
  claim: (id) => `v1/claims/${encodeURIComponent(id)}`,
  attributions: (id) => `v1/claims/${encodeURIComponent(id)}/attributions`,
  eventStream: "v1/events/stream",
  timeline: (id) => `v1/claims/${encodeURIComponent(id)}/timeline`,
  corroboration: (id) => `v1/claims/${encodeURIComponent(id)}/corroboration`,
  outlets: "v1/outlets",
  outlet: (slug) => `v1/outlets/${encodeURIComponent(slug)}`,
  outletClaims: (slug) => `v1/outlets/${encodeURIComponent(slug)}/claims`,
  articles: "v1/articles",
  review: "v1/review",
  reviewDecision: (id, verb) => `v1/review/${encodeURIComponent(id)}/${verb}`,
  outletFeeds: (slug) => `v1/outlets/${encodeURIComponent(slug)}/feeds`,
  feedEnable: (slug, id) => `v1/outlets/${encodeURIComponent(slug)}/feeds/${encodeURIComponent(id)}/enable`,
};
