// Display formats. Times are shown in UTC, as the API serves them, so that a number quoted from
// the page ("first reported at 09:00 UTC") means the same thing to every reader.

import { h } from "./dom.js";

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const TIME = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});
const NUMBER = new Intl.NumberFormat("en-GB");

/** "29 May 2025" */
export function formatDate(value) {
  return DATE.format(new Date(value));
}

/** "29 May 2025, 09:00 UTC" */
export function formatDateTime(value) {
  const date = new Date(value);
  return `${DATE.format(date)}, ${TIME.format(date)} UTC`;
}

/** A <time> element with the machine-readable instant. */
export function timeElement(value, { withTime = true } = {}) {
  return h(
    "time",
    { datetime: value },
    withTime ? formatDateTime(value) : formatDate(value),
  );
}

/** "1 outlet", "3 outlets" */
export function plural(count, singular, pluralForm = `${singular}s`) {
  return `${NUMBER.format(count)} ${count === 1 ? singular : pluralForm}`;
}

export function formatNumber(count) {
  return NUMBER.format(count);
}

/** "wire_agency" -> "wire agency" */
export function humanise(value) {
  return String(value).replaceAll("_", " ");
}
