import { test } from "uvu";
import * as assert from "uvu/assert";
import { busiestDays, signupSummary, signupsPerDay } from "../../src/clubhouse/signups";

const at = (...isos: string[]) => ({ createdMs: Float64Array.from(isos.map((s) => Date.parse(s))) });

test("users per UTC day, days without a sign-up kept as 0, and the running total", () => {
  const daily = signupsPerDay(at("2020-03-19T10:00:00Z", "2020-03-17T07:51:28Z", "2020-03-17T23:59:59.999Z", "2020-03-19T00:00:00Z", "2020-03-20T01:00:00+03:00"));
  // The last one is 22:00 UTC on 19 March.
  assert.equal(daily.days, ["2020-03-17", "2020-03-18", "2020-03-19"]);
  assert.equal(daily.newUsers, [2, 0, 3]);
  assert.equal(daily.cumulative, [2, 2, 5]);
});

test("the recorded summary: first, last and peak day (the first of equal peaks, as pandas' idxmax)", () => {
  const daily = signupsPerDay(at("2020-03-17T01:00:00Z", "2020-03-18T01:00:00Z", "2020-03-18T02:00:00Z", "2020-03-20T01:00:00Z", "2020-03-20T05:00:00Z"));
  assert.equal(signupSummary(daily), { first_day: "2020-03-17", last_day: "2020-03-20", peak_day: "2020-03-18", peak_count: 2 });
  assert.is(signupSummary(signupsPerDay(at())), null);
});

test("busiest days: most sign-ups first, the earlier day first on a tie", () => {
  const daily = { days: ["2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04"], newUsers: [5, 9, 5, 1], cumulative: [5, 14, 19, 20] };
  const top = busiestDays(daily, 3);
  assert.equal(top.getColumn("day").toArray(), ["2021-01-02", "2021-01-01", "2021-01-03"]);
  assert.equal(top.getColumn("users_so_far").toArray().map(Number), [14, 5, 19]);
});

test.run();
