// Vega-Lite specs for the Jelly Party report, data inline (chart() needs `data: {values}`).
import type { TopLevelSpec } from "vega-lite";
import type { ChartSpec } from "../display/chart";
import type * as pl from "nodejs-polars";
import type { Histogram } from "../stats/histogram";
import { DURATION_RANGES, type DurationHistograms } from "./duration-histograms";

/** Horizontal bars: joins per host, biggest on top. `top` has host and joins. */
export function topHostsChart(top: pl.DataFrame, title = "Joins by site"): ChartSpec {
  return {
    title,
    data: { values: top.select("host", "joins").toRecords() },
    mark: { type: "bar" },
    encoding: {
      y: { field: "host", type: "nominal", sort: "-x", title: null },
      x: { field: "joins", type: "quantitative", title: "joins" },
      tooltip: [{ field: "host" }, { field: "joins", format: "," }],
    },
    height: { step: 18 },
  } satisfies TopLevelSpec;
}

export interface HistogramPanel {
  title: string;
  histogram: Histogram;
}

/** Histograms stacked one above the other, as the original's 2×1 figures. */
export function histogramChart(title: string, panels: HistogramPanel[]): ChartSpec {
  return {
    title,
    vconcat: panels.map((p) => ({
      title: { text: p.title, fontSize: 12, fontWeight: 500 },
      data: {
        values: p.histogram.counts.map((count, i) => ({ from: p.histogram.edges[i], to: p.histogram.edges[i + 1], count })),
      },
      mark: { type: "bar", binSpacing: 1 },
      encoding: {
        x: { field: "from", type: "quantitative", bin: { binned: true, step: (p.histogram.edges[1] ?? 0) - (p.histogram.edges[0] ?? 0) }, title: "session duration [minutes]" },
        x2: { field: "to" },
        y: { field: "count", type: "quantitative", title: "sessions" },
        tooltip: [
          { field: "from", title: "from [min]" },
          { field: "to", title: "to [min]" },
          { field: "count", title: "sessions", format: "," },
        ],
      },
      height: 160,
    })),
  } satisfies TopLevelSpec;
}

/** One sample's histograms of durationHistograms, a panel per range: `sample` is "netflix" for netflix_0_120, netflix_10_300. */
export function durationRangesChart(title: string, histograms: DurationHistograms, sample: string): ChartSpec {
  return histogramChart(
    title,
    DURATION_RANGES.map(({ from, to }) => {
      const histogram = histograms[`${sample}_${from}_${to}`];
      if (!histogram) throw new Error(`durationRangesChart: no histogram ${sample}_${from}_${to}`);
      return { title: `${from} to ${to} minutes`, histogram };
    }),
  );
}

/** Mean session duration per host with its confidence interval. `intervals` has host, mean_minutes_exact, lo, hi. */
export function intervalChart(intervals: pl.DataFrame, title = "Mean session duration with 95% bootstrap interval"): ChartSpec {
  return {
    title,
    data: { values: intervals.select("host", "mean_minutes_exact", "lo", "hi").toRecords() },
    encoding: { y: { field: "host", type: "nominal", sort: "-x", title: null } },
    layer: [
      {
        mark: { type: "rule" },
        encoding: { x: { field: "lo", type: "quantitative", title: "minutes" }, x2: { field: "hi" } },
      },
      {
        mark: { type: "point", filled: true },
        encoding: {
          x: { field: "mean_minutes_exact", type: "quantitative" },
          tooltip: [
            { field: "host" },
            { field: "mean_minutes_exact", title: "mean [min]", format: ".1f" },
            { field: "lo", title: "from [min]", format: ".1f" },
            { field: "hi", title: "to [min]", format: ".1f" },
          ],
        },
      },
    ],
    height: { step: 18 },
  } satisfies TopLevelSpec;
}

/** Share of sessions under a minute per host. `shares` has host and share. */
export function shortShareChart(shares: pl.DataFrame, title = "Share of sessions shorter than a minute"): ChartSpec {
  return {
    title,
    data: { values: shares.select("host", "share").toRecords() },
    mark: { type: "bar" },
    encoding: {
      y: { field: "host", type: "nominal", sort: "-x", title: null },
      x: { field: "share", type: "quantitative", axis: { format: "%" }, title: "sessions under one minute", scale: { domain: [0, 1] } },
      tooltip: [{ field: "host" }, { field: "share", format: ".1%" }],
    },
    height: { step: 18 },
  } satisfies TopLevelSpec;
}
