import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../src/errors";
import { dayString, epochDay } from "../../src/calendar";
import { belowThreshold, qualityByDomain, qualityWeeks, variations } from "../../src/uniques/quality";

// Data from Friday 2016-01-01 to 2016-02-15: the first Monday is January 4th.
const DAYS = Array.from({ length: 46 }, (_, i) => dayString(epochDay("2016-01-01") + i));

function daily(): pl.DataFrame {
  const domain: string[] = [];
  const day: string[] = [];
  const estimate: number[] = [];
  for (const d of DAYS) {
    // a: 100 a day, 150 on Wednesday 2016-01-20 (week 3). b: 10 a day, never on Mondays (no row at all).
    domain.push("a.wikipedia.org");
    day.push(d);
    estimate.push(d === "2016-01-20" ? 150 : 100);
    if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) {
      domain.push("b.m.wikipedia.org");
      day.push(d);
      estimate.push(10);
    }
  }
  return pl.DataFrame({ domain, day, underestimate: estimate, offset: estimate.map(() => 0), estimate });
}

test("six whole weeks from the first Monday, or from the one given; too little data is an error", () => {
  const weeks = qualityWeeks(daily());
  assert.is(weeks.reference, "2016-01-04");
  assert.is(weeks.days.length, 42);
  assert.is(weeks.days[41], "2016-02-14");
  assert.is(qualityWeeks(daily(), "2016-01-04").reference, "2016-01-04");
  assert.throws(() => qualityWeeks(daily(), "2016-01-11"), (e: unknown) => e instanceof DataError && /six whole weeks from 2016-01-11 are needed, but the data covers 2016-01-01 to 2016-02-15/.test(e.message));
  assert.throws(() => qualityWeeks(daily(), "2016-01-05"), (e: unknown) => e instanceof DataError && /not a Monday/.test(e.message));
});

test("each day against the same weekday of the reference week; a missing day is 0 and a zero reference gives no variation", () => {
  const v = variations(daily(), qualityWeeks(daily()));
  assert.is(v.height, 2 * 35);
  const row = (domain: string, day: string) => (v.filter(pl.col("domain").eq(pl.lit(domain)).and(pl.col("day").eq(pl.lit(day)))).toRecords()[0] ?? {}) as Record<string, unknown>;
  assert.equal(row("a.wikipedia.org", "2016-01-20"), { domain: "a.wikipedia.org", day: "2016-01-20", week: 2, estimate: 150, reference: 100, variation: 0.5 });
  assert.equal(row("a.wikipedia.org", "2016-01-21").variation, 0);
  assert.equal(row("b.m.wikipedia.org", "2016-01-18"), { domain: "b.m.wikipedia.org", day: "2016-01-18", week: 2, estimate: 0, reference: 0, variation: null });
  const one = variations(daily(), qualityWeeks(daily()), "a.wikipedia.org");
  assert.ok(one.frameEqual(v.filter(pl.col("domain").eq(pl.lit("a.wikipedia.org")))), "one domain's rows, as they stand in the whole table");
});

test("per domain: the median daily uniques and the standard deviation of the variations", () => {
  const q = qualityByDomain(daily(), qualityWeeks(daily())).toRecords() as Array<Record<string, unknown>>;
  // a: 34 variations of 0 and one of 0.5: mean 1/70, squared deviations 17/70, over n − 1 = 34: std √(1/140).
  // b: 30 variations of 0 (the five Mondays have none); 36 days of 10 and 6 Mondays of 0: median 10.
  assert.is(q.length, 2);
  assert.is(q[0]?.["domain"], "a.wikipedia.org");
  assert.is(q[0]?.["median_daily"], 100);
  assert.ok(Math.abs((q[0]?.["std_variation"] as number) - Math.sqrt(1 / 140)) < 1e-12);
  assert.equal(q[1], { domain: "b.m.wikipedia.org", median_daily: 10, std_variation: 0, platform: "mobile" });
  assert.equal(belowThreshold(qualityByDomain(daily(), qualityWeeks(daily())), 50).getColumn("domain").toArray(), ["b.m.wikipedia.org"]);
});

test.run();
