// What the running service can do, read once from its OpenAPI schema, so the explorer switches
// features on as the API grows (search, timelines, new sort orders) without a new release.

const CLAIMS_LIST = "/v1/claims";
const CLAIM_PATH = /^\/v1\/claims\/\{[^}]+\}$/;
const EVENT_STREAM = "/v1/events/stream";
const TIMELINE_PATH = /^\/v1\/claims\/\{[^}]+\}\/timeline$/;
const OUTLET_FEEDS = "/v1/outlets/{slug}/feeds";
const FEED_ENABLE = "/v1/outlets/{slug}/feeds/{feed_id}/enable";
const DEFAULT_BUCKETS = ["hour", "day", "week"];

/** Follows local `$ref`s ("#/components/schemas/X") inside the schema document. */
function resolve(node, root) {
  let current = node;
  const seen = new Set();
  while (current && typeof current.$ref === "string" && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce((value, part) => (value ? value[part] : undefined), root);
  }
  return current;
}

/** The string values a parameter schema allows (through $ref, anyOf, oneOf, allOf), or []. */
export function enumValues(node, root) {
  const schema = resolve(node, root);
  if (!schema) return [];
  if (Array.isArray(schema.enum)) return schema.enum.filter((value) => typeof value === "string");
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(schema[key])) {
      const values = schema[key].flatMap((part) => enumValues(part, root));
      if (values.length) return [...new Set(values)];
    }
  }
  return [];
}

function queryParameter(operation, name, root) {
  const parameters = (operation && operation.parameters) || [];
  return parameters
    .map((parameter) => resolve(parameter, root))
    .find((parameter) => parameter && parameter.in === "query" && parameter.name === name);
}

/** The `maxLength` a parameter schema sets (through $ref, anyOf, oneOf), or null. */
function maxLength(node, root) {
  const schema = resolve(node, root);
  if (!schema) return null;
  if (Number.isInteger(schema.maxLength)) return schema.maxLength;
  for (const key of ["anyOf", "oneOf"]) {
    const lengths = (schema[key] || []).map((part) => maxLength(part, root)).filter((value) => value !== null);
    if (lengths.length) return Math.min(...lengths);
  }
  return null;
}

/**
 * The explorer's features for an OpenAPI document:
 *   search     `q` exists on GET /v1/claims (full-text search box)
 *   searchMax  the longest `q` it accepts (the box's maxlength), or null
 *   sorts      the values of its `sort` parameter, in the schema's order
 *   timeline   GET /v1/claims/{id}/timeline exists (coverage chart on the claim page)
 *   buckets    the values of the timeline's `bucket` parameter
 *   asOf       GET /v1/claims/{id} takes `as_of` (counts at a chosen time)
 *   live       GET /v1/events/stream exists (the claim page updates itself as events arrive)
 *   feeds      GET /v1/outlets/{slug}/feeds exists (the outlet page lists its feeds' health)
 *   feedEnable POST .../feeds/{feed_id}/enable exists (a disabled feed can be enabled again)
 */
export function detectCapabilities(schema) {
  const paths = (schema && schema.paths) || {};
  const get = (pattern) => {
    const path = Object.keys(paths).find((candidate) => pattern.test(candidate) && paths[candidate].get);
    return path ? paths[path].get : null;
  };
  const list = paths[CLAIMS_LIST] && paths[CLAIMS_LIST].get;
  const q = queryParameter(list, "q", schema);
  const sort = queryParameter(list, "sort", schema);
  const timeline = get(TIMELINE_PATH);
  const bucket = queryParameter(timeline, "bucket", schema);
  const buckets = bucket ? enumValues(bucket.schema, schema) : [];
  return {
    search: Boolean(q),
    searchMax: q ? maxLength(q.schema, schema) : null,
    sorts: sort ? enumValues(sort.schema, schema) : [],
    timeline: Boolean(timeline),
    buckets: buckets.length ? buckets : timeline ? DEFAULT_BUCKETS : [],
    asOf: Boolean(queryParameter(get(CLAIM_PATH), "as_of", schema)),
    live: Boolean(paths[EVENT_STREAM] && paths[EVENT_STREAM].get),
    feeds: Boolean(paths[OUTLET_FEEDS] && paths[OUTLET_FEEDS].get),
    feedEnable: Boolean(paths[FEED_ENABLE] && paths[FEED_ENABLE].post),
  };
}

/** When the schema cannot be read the explorer still works, with the foundation's features. */
export const BASELINE = Object.freeze({
  search: false,
  searchMax: null,
  sorts: [],
  timeline: false,
  buckets: [],
  asOf: false,
  live: false,
  feeds: false,
  feedEnable: false,
});
