// Vega-Lite specs for the report's charts, from the tables the other modules compute. Data goes
// inline; log scales leave out what they cannot place (zeros, nulls), and the subtitle says how many.
import type * as pl from "nodejs-polars";
import type { TopLevelSpec } from "vega-lite";
import type { ChartSpec } from "../display/chart";
import { THRESHOLD } from "./quality";

type Row = Record<string, unknown>;

const rows = (frame: pl.DataFrame): Row[] => frame.toRecords() as Row[];
const positive = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v > 0;
const leftOut = (n: number, what: string): string[] => (n > 0 ? [`${n} ${what} left out (zero or undefined on a log scale)`] : []);

/** The projects in the summary's order (largest first). */
const orderOf = (summary: pl.DataFrame): string[] => summary.getColumn("bucket").toArray() as string[];

/** Daily offset share per project: a box per project over its days, in the order of offsetShareSummary. */
export function dailyOffsetShareChart(dailyShares: pl.DataFrame, summary: pl.DataFrame): ChartSpec {
  const order = orderOf(summary);
  const values = rows(dailyShares).filter((r) => r["offset_share"] !== null);
  return {
    title: { text: "Offset's share of the daily estimate, per project", subtitle: "one box per project over its days; desktop and mobile added up" },
    data: { values },
    mark: { type: "boxplot", extent: 1.5, size: 10 },
    encoding: {
      y: { field: "bucket", type: "nominal", sort: order, title: null },
      x: { field: "offset_share", type: "quantitative", title: "offset / estimate", axis: { format: "%" }, scale: { domain: [0, 1] } },
    },
    height: { step: 16 },
  } satisfies TopLevelSpec;
}

/** Monthly offset share per project (a dot per month) beside the median of its daily shares (a tick). */
export function monthlyOffsetShareChart(monthlyShares: pl.DataFrame, summary: pl.DataFrame): ChartSpec {
  const order = orderOf(summary);
  const monthly = rows(monthlyShares).filter((r) => r["offset_share"] !== null);
  const daily = rows(summary).filter((r) => r["daily_share"] !== null);
  return {
    title: { text: "Offset's share of the monthly estimate, per project", subtitle: "dots: each month; grey tick: the median daily share" },
    layer: [
      {
        data: { values: daily },
        mark: { type: "tick", color: "#888", thickness: 2, size: 12 },
        encoding: {
          y: { field: "bucket", type: "nominal", sort: order, title: null },
          x: { field: "daily_share", type: "quantitative" },
          tooltip: [{ field: "bucket" }, { field: "daily_share", title: "median daily share", format: ".1%" }],
        },
      },
      {
        data: { values: monthly },
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          y: { field: "bucket", type: "nominal", sort: order, title: null },
          x: { field: "offset_share", type: "quantitative", title: "offset / estimate", axis: { format: "%" }, scale: { domain: [0, 1] } },
          color: { field: "month", type: "nominal", title: "month" },
          tooltip: [{ field: "bucket" }, { field: "month" }, { field: "offset_share", title: "share", format: ".1%" }],
        },
      },
    ],
    height: { step: 16 },
  } satisfies TopLevelSpec;
}

/** An axis of a domain-size scatter: a positive column, on a log scale. */
interface LogAxis {
  field: string;
  title: string;
}

/**
 * Domains by size, log–log (a row without a positive value on either axis is left out, and the
 * subtitle says how many), coloured by platform, with the threshold as a vertical rule.
 */
function sizeScatter(frame: pl.DataFrame, chart: { title: string; about: string; x: LogAxis; y: LogAxis; tooltip: object[] }, threshold: number): ChartSpec {
  const all = rows(frame);
  const values = all.filter((r) => positive(r[chart.x.field]) && positive(r[chart.y.field]));
  const log = ({ field, title }: LogAxis) => ({ field, type: "quantitative" as const, scale: { type: "log" as const }, title });
  return {
    title: { text: chart.title, subtitle: [chart.about, ...leftOut(all.length - values.length, "domains")] },
    layer: [
      {
        data: { values },
        mark: { type: "point", filled: true, size: 50, opacity: 0.8 },
        encoding: { x: log(chart.x), y: log(chart.y), color: { field: "platform", type: "nominal" }, tooltip: chart.tooltip },
      },
      { data: { values: [{ x: threshold }] }, mark: { type: "rule", color: "#e15759", strokeDash: [4, 3] }, encoding: { x: { field: "x", type: "quantitative" } } },
    ],
  } satisfies TopLevelSpec;
}

/** The data-quality scatter: median daily uniques against the spread of the variations, log–log, with the threshold. */
export function qualityChart(quality: pl.DataFrame, threshold = THRESHOLD): ChartSpec {
  return sizeScatter(
    quality,
    {
      title: "Small projects vary more",
      about: `each dot a domain; the line: ${threshold} uniques a day`,
      x: { field: "median_daily", title: "median daily unique devices (six weeks)" },
      y: { field: "std_variation", title: "std. deviation of the variation against the reference week" },
      tooltip: [{ field: "domain" }, { field: "median_daily", title: "median daily", format: ",.0f" }, { field: "std_variation", title: "std. deviation", format: ".3f" }],
    },
    threshold,
  );
}

/** Monthly estimate against truth: the relative error of each domain and month by its true size. */
export function truthErrorChart(monthlyTruthError: pl.DataFrame): ChartSpec {
  const values = rows(monthlyTruthError);
  return {
    title: { text: "Estimate against truth, per domain and month", subtitle: "above the line: overcounted; below: undercounted" },
    layer: [
      {
        data: { values },
        mark: { type: "point", filled: true, size: 50, opacity: 0.8 },
        encoding: {
          x: { field: "truth", type: "quantitative", scale: { type: "log" }, title: "true devices in the month" },
          y: { field: "relative_error", type: "quantitative", title: "estimate / truth − 1", axis: { format: "%" } },
          color: { field: "platform", type: "nominal" },
          shape: { field: "month", type: "nominal" },
          tooltip: [{ field: "domain" }, { field: "month" }, { field: "estimate", format: "," }, { field: "truth", format: "," }, { field: "relative_error", title: "relative error", format: ".1%" }],
        },
      },
      { data: { values: [{ y: 0 }] }, mark: { type: "rule", color: "#888" }, encoding: { y: { field: "y", type: "quantitative" } } },
    ],
  } satisfies TopLevelSpec;
}

/** How much a day's estimate wanders around the truth, by the domain's daily size, with the threshold. */
export function dailyErrorChart(dailyErrors: pl.DataFrame, threshold = THRESHOLD): ChartSpec {
  return sizeScatter(
    dailyErrors,
    {
      title: "Daily error against the truth, by size",
      about: `std. deviation of a domain's daily relative errors; the line: ${threshold} a day`,
      x: { field: "median_truth", title: "median true devices a day" },
      y: { field: "spread", title: "std. deviation of the daily relative error" },
      tooltip: [{ field: "domain" }, { field: "median_truth", title: "median truth", format: ",.0f" }, { field: "spread", format: ".3f" }, { field: "median_relative_error", title: "median error", format: ".1%" }],
    },
    threshold,
  );
}
