// Charts drawn by hand: the paired corroboration bars of the claims list and the cumulative
// coverage timeline of the claim page (SVG, sized in real pixels so text stays legible).

import { h, s } from "./dom.js";
import { formatDate, formatDateTime, formatNumber, plural } from "./format.js";

/**
 * Outlets and independent origins side by side, both on the same scale (`scaleMax` is the
 * largest outlet count on screen) so a long outlets bar over a short origins bar reads as
 * "many reports, few sources".
 */
export function corroborationBars(corroboration, scaleMax) {
  const max = Math.max(scaleMax, corroboration.outlets, 1);
  const row = (kind, label, value) =>
    h(
      "div",
      { class: `bar bar--${kind}`, cssVars: { "--share": String(value / max) } },
      h("span", { class: "bar__label" }, label),
      h("span", { class: "bar__track" }, h("span", { class: "bar__fill" })),
      h("span", { class: "bar__value", dataset: { count: kind } }, formatNumber(value)),
    );
  return h(
    "div",
    {
      class: "bars",
      role: "img",
      "aria-label": `${plural(corroboration.outlets, "outlet")}, ${plural(
        corroboration.independent_origins,
        "independent origin",
      )}`,
    },
    row("outlets", "Outlets", corroboration.outlets),
    row("origins", "Independent origins", corroboration.independent_origins),
  );
}

/** Re-scales already drawn bars when more items arrive with a larger outlet count. */
export function rescaleBars(container, scaleMax) {
  for (const bar of container.querySelectorAll(".bar")) {
    const value = Number(bar.querySelector(".bar__value").textContent.replace(/\D/g, ""));
    bar.style.setProperty("--share", String(value / Math.max(scaleMax, 1)));
  }
}

const MARGIN = { top: 28, right: 20, bottom: 44, left: 40 };
const HEIGHT = 250;

function integerTicks(max) {
  const step = Math.max(1, Math.ceil(max / 5));
  const ticks = [];
  for (let value = 0; value <= max; value += step) ticks.push(value);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** A time label: the bucket's time (hours) or date, with the date underneath when it changes. */
function tickLabel(date, bucket, previous, attributes) {
  if (bucket !== "hour") return s("text", attributes, formatDate(date));
  const day = date.toISOString().slice(0, 10);
  const newDay = !previous || previous.toISOString().slice(0, 10) !== day;
  return s(
    "text",
    attributes,
    s("tspan", { x: attributes.x }, date.toISOString().slice(11, 16)),
    newDay ? s("tspan", { x: attributes.x, dy: "1.2em", class: "chart__date" }, formatDate(date)) : null,
  );
}

function stepPath(points, key, x, y, end) {
  const first = points[0];
  let path = `M${x(first.start)},${y(0)}V${y(first[key])}`;
  for (const point of points.slice(1)) path += `H${x(point.start)}V${y(point[key])}`;
  return `${path}H${end}`;
}

/**
 * The cumulative coverage chart: outlets and independent origins as step lines (a value holds
 * until the next point), the first report marked. `timeline` comes from readTimeline(); `width`
 * is the drawing width in px.
 */
export function timelineChart(timeline, width) {
  const { points, bucket, firstReported } = timeline;
  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 120);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const start = points[0].start.getTime();
  const end = points[points.length - 1].end.getTime();
  const max = Math.max(1, ...points.map((point) => Math.max(point.outlets, point.origins)));
  const ticks = integerTicks(max);
  const top = ticks[ticks.length - 1];
  const x = (date) => MARGIN.left + ((date.getTime() - start) / (end - start)) * innerWidth;
  const y = (value) => MARGIN.top + innerHeight - (value / top) * innerHeight;
  const right = MARGIN.left + innerWidth;

  const grid = ticks.map((tick) =>
    s(
      "g",
      { class: "chart__tick" },
      s("line", { x1: MARGIN.left, x2: right, y1: y(tick), y2: y(tick) }),
      s("text", { x: MARGIN.left - 8, y: y(tick), dy: "0.32em", "text-anchor": "end" }, tick),
    ),
  );
  // Labels on the points themselves (when a report came in), as many as fit without overlapping.
  const minGap = 84;
  let lastLabelX = -Infinity;
  const labelled = points.filter((point, index) => {
    const at = x(point.start);
    if (index > 0 && at - lastLabelX < minGap) return false;
    lastLabelX = at;
    return true;
  });
  // The first label starts at its point, one near the right edge ends there, others centre.
  const anchor = (index, at) => (index === 0 ? "start" : right - at < minGap / 2 ? "end" : "middle");
  const labels = labelled.map((point, index) =>
    tickLabel(point.start, bucket, index > 0 ? labelled[index - 1].start : null, {
      class: "chart__time",
      x: x(point.start),
      y: MARGIN.top + innerHeight + 18,
      "text-anchor": anchor(index, x(point.start)),
    }),
  );
  const dots = (key, kind) =>
    points.map((point) =>
      s(
        "circle",
        { class: `chart__dot chart__dot--${kind}`, cx: x(point.start), cy: y(point[key]), r: 3.5 },
        s("title", {}, `${formatDateTime(point.start)}: ${point[key]}`),
      ),
    );
  const first = points.find((point) => point.first);
  const marker = first
    ? s(
        "g",
        { class: "chart__first", "data-first-report": first.start.toISOString() },
        s("line", { x1: x(first.start), x2: x(first.start), y1: MARGIN.top - 6, y2: MARGIN.top + innerHeight }),
        s(
          "text",
          { x: x(first.start) + 6, y: MARGIN.top - 10 },
          firstReported && firstReported.outlet_name ? `First report: ${firstReported.outlet_name}` : "First report",
        ),
      )
    : null;
  const last = points[points.length - 1];
  return s(
    "svg",
    {
      class: "chart",
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: "img",
      "aria-label": `Coverage over time per ${bucket}: ${plural(last.outlets, "outlet")} and ${plural(
        last.origins,
        "independent origin",
      )} by ${formatDateTime(last.end)}.`,
    },
    s("g", { class: "chart__grid" }, grid),
    s("line", { class: "chart__axis", x1: MARGIN.left, x2: right, y1: y(0), y2: y(0) }),
    labels,
    marker,
    s("path", { class: "chart__line chart__line--outlets", d: stepPath(points, "outlets", x, y, right) }),
    s("path", { class: "chart__line chart__line--origins", d: stepPath(points, "origins", x, y, right) }),
    dots("outlets", "outlets"),
    dots("origins", "origins"),
  );
}

/**
 * The chart's numbers as a table, for readers who cannot see the chart (or want to quote them);
 * `outletName(slug)` names the outlets that first reported in each bucket.
 */
export function timelineTable(timeline, outletName = (slug) => slug) {
  return h(
    "table",
    { class: "data-table" },
    h("caption", { class: "sr-only" }, `Cumulative coverage per ${timeline.bucket}`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        [`${timeline.bucket} from`, "New outlets", "Outlets", "Independent origins"].map((label) => h("th", { scope: "col" }, label)),
      ),
    ),
    h(
      "tbody",
      {},
      timeline.points.map((point) =>
        h(
          "tr",
          {},
          h("td", {}, formatDateTime(point.start), point.first ? " (first report)" : ""),
          h("td", {}, point.newOutlets.map(outletName).join(", ") || "—"),
          h("td", {}, point.outlets),
          h("td", {}, point.origins),
        ),
      ),
    ),
  );
}
