// Reads the coverage timeline of GET /v1/claims/{id}/timeline?bucket=hour|day|week (see
// docs/corroboration.md) into the points the chart draws:
//
//   {"claim_id": 1, "bucket": "hour", "method": {...}, "first_reported": {...},
//    "points": [{"start": "2025-05-29T09:00:00Z", "end": "2025-05-29T10:00:00Z", "articles": 1,
//                "new_outlets": ["reuters"], "cumulative_articles": 1, "cumulative_outlets": 1,
//                "cumulative_independent_origins": 1, "first_report": true}, ...]}
//
// Only buckets with a new report are listed; the cumulative values carry forward in between.

const BUCKET_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

export class TimelineFormatError extends Error {}

function instant(value, what) {
  const date = typeof value === "string" ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new TimelineFormatError(`a timeline point has no ${what} time`);
  return date;
}

function count(value, what) {
  if (!Number.isInteger(value) || value < 0) throw new TimelineFormatError(`a timeline point has no cumulative ${what} count`);
  return value;
}

/**
 * {bucket, method, firstReported, points: [{start, end, outlets, origins, articles, newOutlets,
 * first}]} in time order. A payload that is not a timeline throws TimelineFormatError: an error
 * message is better than a wrong chart.
 */
export function readTimeline(payload) {
  if (!payload || !Array.isArray(payload.points)) throw new TimelineFormatError("the timeline has no points");
  const points = payload.points
    .map((point) => ({
      start: instant(point.start, "start"),
      end: instant(point.end, "end"),
      outlets: count(point.cumulative_outlets, "outlets"),
      origins: count(point.cumulative_independent_origins, "independent origins"),
      articles: count(point.cumulative_articles, "articles"),
      newOutlets: Array.isArray(point.new_outlets) ? point.new_outlets : [],
      first: point.first_report === true,
    }))
    .sort((a, b) => a.start - b.start);
  return { bucket: payload.bucket, method: payload.method, firstReported: payload.first_reported || null, points };
}

/** The bucket that shows a claim's coverage best: hours for a day's news, weeks for months. */
export function defaultBucket(corroboration, available) {
  const first = corroboration.first_reported && new Date(corroboration.first_reported.at);
  const last = corroboration.last_reported_at && new Date(corroboration.last_reported_at);
  const span = first && last ? last - first : 0;
  const wanted = span <= 3 * BUCKET_MS.day ? "hour" : span <= 120 * BUCKET_MS.day ? "day" : "week";
  return available.includes(wanted) ? wanted : available[0];
}
