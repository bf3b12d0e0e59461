// What the running service can do, read once from its OpenAPI schema, so the explorer switches
// features on as the API grows (search, timelines, new sort orders) without a new release.

const CLAIMS_LIST = "/v1/claims";
const TIMELINE_PATH = /^\/v1\/claims\/\{[^}]+\}\/timeline$/;
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

/**
 * The explorer's features for an OpenAPI document:
 *   search    `q` exists on GET /v1/claims (full-text search box)
 *   sorts     the values of its `sort` parameter, in the schema's order
 *   timeline  GET /v1/claims/{id}/timeline exists (coverage chart on the claim page)
 *   buckets   the values of the timeline's `bucket` parameter
 */
export function detectCapabilities(schema) {
  const paths = (schema && schema.paths) || {};
  const list = paths[CLAIMS_LIST] && paths[CLAIMS_LIST].get;
  const sort = queryParameter(list, "sort", schema);
  const timelinePath = Object.keys(paths).find(
    (path) => TIMELINE_PATH.test(path) && paths[path].get,
  );
  const bucket = timelinePath ? queryParameter(paths[timelinePath].get, "bucket", schema) : null;
  const buckets = bucket ? enumValues(bucket.schema, schema) : [];
  return {
    search: Boolean(queryParameter(list, "q", schema)),
    sorts: sort ? enumValues(sort.schema, schema) : [],
    timeline: Boolean(timelinePath),
    buckets: buckets.length ? buckets : timelinePath ? DEFAULT_BUCKETS : [],
  };
}

/** When the schema cannot be read the explorer still works, with the foundation's features. */
export const BASELINE = Object.freeze({ search: false, sorts: [], timeline: false, buckets: [] });
