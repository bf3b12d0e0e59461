// Reads the coverage timeline of GET /v1/claims/{id}/timeline?bucket=hour|day|week into the
// points the chart draws. The response described by the fact-checker issue is, per bucket, the
// cumulative number of outlets and of independent origins, with the first report marked:
//
//   {"bucket": "hour",
//    "buckets": [{"start": "2025-05-29T09:00:00Z", "outlets": 1, "independent_origins": 1,
//                 "first_report": true}, ...],
//    "first_reported": {"at": "...", "outlet": "reuters", "outlet_name": "Reuters", ...}}
//
// Until that endpoint exists its field names are not fixed, so this reader accepts the obvious
// spellings of each field (listed below) and refuses anything else with a clear error rather than
// drawing a wrong chart.

const LIST_KEYS = ["buckets", "points", "items", "series", "timeline"];
const TIME_KEYS = ["start", "bucket_start", "starts_at", "period_start", "at", "time", "date", "bucket"];
const OUTLET_KEYS = ["outlets", "cumulative_outlets", "outlets_cumulative", "outlets_count"];
const ORIGIN_KEYS = [
  "independent_origins",
  "cumulative_independent_origins",
  "independent_origins_cumulative",
  "origins",
  "cumulative_origins",
  "origins_count",
];
const FIRST_KEYS = ["first_report", "is_first_report", "first_reported", "first"];

const BUCKET_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

export class TimelineFormatError extends Error {}

function pick(object, keys) {
  for (const key of keys) {
    if (object && object[key] !== undefined && object[key] !== null) return object[key];
  }
  return undefined;
}

function count(entry, keys, what) {
  const value = pick(entry, keys) ?? pick(entry.cumulative, keys);
  if (!Number.isInteger(value) || value < 0) {
    throw new TimelineFormatError(`a timeline bucket has no cumulative ${what} count`);
  }
  return value;
}

function instant(entry) {
  const value = pick(entry, TIME_KEYS);
  const date = typeof value === "string" ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new TimelineFormatError("a timeline bucket has no start time");
  }
  return date;
}

/**
 * {bucket, bucketMs, points: [{start: Date, outlets, origins, first}], firstReported}
 * with points in time order; throws TimelineFormatError for an unreadable payload.
 */
export function readTimeline(payload, requestedBucket = "day") {
  const entries = Array.isArray(payload) ? payload : pick(payload, LIST_KEYS);
  if (!Array.isArray(entries)) throw new TimelineFormatError("the timeline has no list of buckets");
  const bucket = (payload && typeof payload.bucket === "string" && payload.bucket) || requestedBucket;
  const firstReported = (payload && typeof payload.first_reported === "object" && payload.first_reported) || null;
  const points = entries
    .map((entry) => {
      const marker = pick(entry, FIRST_KEYS);
      return {
        start: instant(entry),
        outlets: count(entry, OUTLET_KEYS, "outlets"),
        origins: count(entry, ORIGIN_KEYS, "independent origins"),
        first: marker === true || (typeof marker === "object" && marker !== null),
      };
    })
    .sort((a, b) => a.start - b.start);
  const bucketMs = BUCKET_MS[bucket] || BUCKET_MS.day;
  // The first report is marked on its bucket; when only the payload says when it was, mark the
  // bucket that contains that instant.
  if (firstReported && firstReported.at && !points.some((point) => point.first)) {
    const at = new Date(firstReported.at).getTime();
    const holder = points.find((point) => at >= point.start.getTime() && at < point.start.getTime() + bucketMs);
    if (holder) holder.first = true;
  }
  return { bucket, bucketMs, points, firstReported };
}

/** The bucket that shows a claim's coverage best: hours for a day's news, weeks for months. */
export function defaultBucket(corroboration, available) {
  const first = corroboration.first_reported && new Date(corroboration.first_reported.at);
  const last = corroboration.last_reported_at && new Date(corroboration.last_reported_at);
  const span = first && last ? last - first : 0;
  const wanted = span <= 3 * BUCKET_MS.day ? "hour" : span <= 120 * BUCKET_MS.day ? "day" : "week";
  return available.includes(wanted) ? wanted : available[0];
}
