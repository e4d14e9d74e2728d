// Vega-Lite specs for the notebook's charts, data inline (a report draws only inline data).
// Built here rather than in cells so that cells stay one call long and the specs are tested.
import type { TopLevelSpec } from "vega-lite";
import type { ChartSpec } from "../display/chart";
import { PALETTE } from "../display/theme";
import type { InviteCounts } from "./invites";
import type { MonthCounts } from "./reach";
import type { DailySignups } from "./signups";

const DAY_AXIS = { field: "day", type: "temporal", title: null, axis: { format: "%b %Y" } } as const;

export function newUsersChart(daily: DailySignups): ChartSpec {
  return {
    title: "New users per day",
    data: { values: daily.days.map((day, k) => ({ day, new_users: daily.newUsers[k]! })) },
    mark: { type: "line", tooltip: true, strokeWidth: 1.5 },
    encoding: { x: DAY_AXIS, y: { field: "new_users", type: "quantitative", title: "new users" } },
  } satisfies TopLevelSpec;
}

export function cumulativeUsersChart(daily: DailySignups): ChartSpec {
  return {
    title: "Registered users, cumulative",
    data: { values: daily.days.map((day, k) => ({ day, users: daily.cumulative[k]! })) },
    mark: { type: "area", tooltip: true, line: true, opacity: 0.3 },
    encoding: { x: DAY_AXIS, y: { field: "users", type: "quantitative", title: "users" } },
  } satisfies TopLevelSpec;
}

/**
 * Bars for 0..upTo-1 invitees and one for upTo or more, the original's counting next to the
 * corrected one. The counts span orders of magnitude: a symmetric log scale (a log scale that
 * also takes 0, which bars start from), with ticks at the powers of ten.
 */
export function invitesChart(counts: InviteCounts, upTo = 10): ChartSpec {
  const values: { invited: string; order: number; counting: string; users: number }[] = [];
  for (const [counting, d] of [["original", counts.original], ["corrected", counts.corrected]] as const) {
    for (let k = 0; k <= upTo; k++) {
      const users = k < upTo ? d.histogram[k] ?? 0 : d.histogram.slice(upTo).reduce((a, b) => a + b, 0);
      values.push({ invited: k < upTo ? String(k) : `${upTo}+`, order: k, counting, users });
    }
  }
  const most = Math.max(1, ...values.map((v) => v.users));
  const ticks = [0, ...Array.from({ length: Math.ceil(Math.log10(most)) + 1 }, (_, i) => 10 ** i).filter((t) => t <= most * 1.01)];
  return {
    title: "How many friends each user invited",
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "invited", type: "ordinal", sort: { field: "order" }, title: "friends invited", axis: { labelAngle: 0 } },
      xOffset: { field: "counting", sort: ["original", "corrected"] },
      y: { field: "users", type: "quantitative", scale: { type: "symlog" }, axis: { values: ticks, labelExpr: "format(datum.value, ',')" }, title: "users (log scale)" },
      color: { field: "counting", type: "nominal", sort: ["original", "corrected"], title: "counting", scale: { range: [PALETTE[1]!, PALETTE[0]!] } },
    },
  } satisfies TopLevelSpec;
}

/**
 * New users per day above, and below it when the influential users joined — as the original found
 * them and as they are — on one shared time axis.
 */
export function influentialJoinedChart(daily: DailySignups, original: MonthCounts, corrected: MonthCounts, threshold: number): ChartSpec {
  const months = (counts: MonthCounts) => Object.entries(counts).map(([month, users]) => ({ day: `${month}-01`, users }));
  const bars = (title: string, counts: MonthCounts, color: string) => ({
    title,
    height: 140,
    data: { values: months(counts) },
    mark: { type: "bar" as const, tooltip: true, color },
    encoding: {
      x: { ...DAY_AXIS, timeUnit: "yearmonth" as const },
      y: { field: "users", type: "quantitative" as const, title: "users" },
    },
  });
  return {
    title: `When the most influential users (reach > ${threshold}) joined`,
    vconcat: [
      {
        title: "New users per day",
        height: 160,
        data: { values: daily.days.map((day, k) => ({ day, new_users: daily.newUsers[k]! })) },
        mark: { type: "line", tooltip: true, strokeWidth: 1.5 },
        encoding: { x: DAY_AXIS, y: { field: "new_users", type: "quantitative", title: "new users" } },
      },
      bars("Influential users by sign-up month, as the original's code found them", original, PALETTE[1]!),
      bars("Influential users by sign-up month, corrected", corrected, PALETTE[0]!),
    ],
    resolve: { scale: { x: "shared" } },
  } satisfies TopLevelSpec;
}
