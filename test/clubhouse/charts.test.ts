import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "vega-lite";
import { cumulativeUsersChart, influentialJoinedChart, invitesChart, newUsersChart } from "../../src/clubhouse/charts";
import type { ChartSpec } from "../../src/display";
import type { InviteCounts } from "../../src/clubhouse/invites";

const daily = { days: ["2020-03-17", "2020-03-18", "2020-03-19"], newUsers: [2, 0, 3], cumulative: [2, 2, 5] };
const counts: InviteCounts = { original: { histogram: [3, 4, 2, 1], entries: 10, mean: 1.1 }, corrected: { histogram: [8, 4, 1, 1], entries: 14, mean: 9 / 14 } };

const values = (spec: ChartSpec) => ((spec as { data?: { values?: unknown[] } }).data?.values ?? []) as Record<string, unknown>[];
// The builders return Vega-Lite's type; its compiler is the check at run time.
const compiles = (spec: ChartSpec) => assert.ok(compile(spec).spec, "Vega-Lite compiles it");

test("sign-ups per day and cumulative: one point a day, data inline", () => {
  const spec = newUsersChart(daily);
  assert.equal(values(spec), [
    { day: "2020-03-17", new_users: 2 },
    { day: "2020-03-18", new_users: 0 },
    { day: "2020-03-19", new_users: 3 },
  ]);
  compiles(spec);
  assert.equal(values(cumulativeUsersChart(daily)).map((v) => v["users"]), [2, 2, 5]);
  compiles(cumulativeUsersChart(daily));
});

test("invites: both countings per number of friends, the tail folded into the last bar, ticks at powers of ten", () => {
  const spec = invitesChart(counts, 2);
  assert.equal(values(spec), [
    { invited: "0", order: 0, counting: "original", users: 3 },
    { invited: "1", order: 1, counting: "original", users: 4 },
    { invited: "2+", order: 2, counting: "original", users: 3 },
    { invited: "0", order: 0, counting: "corrected", users: 8 },
    { invited: "1", order: 1, counting: "corrected", users: 4 },
    { invited: "2+", order: 2, counting: "corrected", users: 2 },
  ]);
  const y = (spec as { encoding: { y: { axis: { values: number[] } } } }).encoding.y;
  assert.equal(y.axis.values, [0, 1]); // the largest count is 8
  const big = invitesChart({ original: { histogram: [3, 120], entries: 123, mean: 1 }, corrected: { histogram: [1000, 120], entries: 1120, mean: 0.1 } }, 2);
  assert.equal((big as { encoding: { y: { axis: { values: number[] } } } }).encoding.y.axis.values, [0, 1, 10, 100, 1000]);
  compiles(spec);
});

test("when the influential users joined: three panels on one shared time axis", () => {
  const built = influentialJoinedChart(daily, { "2020-03": 2 }, { "2020-03": 1, "2021-01": 4 }, 50);
  const spec = built as unknown as { vconcat: ChartSpec[]; resolve: unknown };
  assert.is(spec.vconcat.length, 3);
  assert.equal(spec.resolve, { scale: { x: "shared" } });
  assert.equal(values(spec.vconcat[2]!), [
    { day: "2020-03-01", users: 1 },
    { day: "2021-01-01", users: 4 },
  ]);
  compiles(built);
});

test.run();
