import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  brokenSites,
  dayPlusSessions,
  exactMinutesOf,
  meanIntervals,
  metricsFor,
  originalMinutesOf,
  originalWholeMinutes,
  shortSessionShare,
  siteMetrics,
} from "../../src/jelly/metrics";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** What sessionsOf gives, reduced to what the metrics read. */
function sessions(rows: [host: string | null, minutes: number][]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("uuid", rows.map((_, i) => `u${i}`), pl.Utf8),
    pl.Series("start", rows.map((_, i) => Date.UTC(2020, 5, 1) + i * MIN), pl.Float64).cast(pl.Datetime("ms", "UTC")),
    pl.Series("duration_ms", rows.map(([, m]) => m * MIN), pl.Float64),
    pl.Series("host", rows.map(([h]) => h), pl.Utf8),
  ]);
}

test("the original's whole minutes: Timedelta.seconds // 60, which wraps at a day", () => {
  // pandas: pd.Timedelta(minutes=47, seconds=59).seconds // 60 == 47; pd.Timedelta(hours=25).seconds // 60 == 60;
  // pd.Timedelta(days=1).seconds == 0; pd.Timedelta(seconds=59.9).seconds // 60 == 0.
  assert.is(originalWholeMinutes(47 * MIN + 59_000), 47);
  assert.is(originalWholeMinutes(25 * HOUR), 60);
  assert.is(originalWholeMinutes(24 * HOUR), 0);
  assert.is(originalWholeMinutes(59_900), 0);
  assert.is(originalWholeMinutes(0), 0);
});

const S = sessions([
  ["www.netflix.com", 10],
  ["www.netflix.com", 20],
  ["www.netflix.com", 30.5],
  ["www.youtube.com", 1],
  ["www.youtube.com", 25 * 60], // 25 hours: the original counts 60 minutes
  [null, 0],
  ["soap2day.to", 5],
]);

test("per-site count, mean and std, the original's way and exactly", () => {
  const m = siteMetrics(S).toRecords();
  assert.equal(m.map((r) => r.host), ["soap2day.to", "www.netflix.com", "www.youtube.com"]);
  const netflix = m[1]!;
  // Minutes 10, 20, 30.5: mean 20.1667, sample std 10.251016209787855 (Python: statistics.stdev).
  assert.equal([netflix.count, netflix.mean_minutes, netflix.std_minutes, netflix.day_plus], [3, 20, 10, 0]);
  assert.ok(Math.abs((netflix.mean_minutes_exact as number) - 121 / 6) < 1e-12);
  assert.ok(Math.abs((netflix.std_minutes_exact as number) - 10.251016209787855) < 1e-12);
  const youtube = m[2]!;
  // Mean 750.5 minutes (12 h 30.5 min); std 1059.95 minutes (17 h 40 min): both under a day, no wrap.
  assert.equal([youtube.count, youtube.mean_minutes, youtube.std_minutes, youtube.day_plus], [2, 750, 1059, 1]);
  assert.equal(m[0], { host: "soap2day.to", count: 1, mean_minutes: 5, std_minutes: null, mean_minutes_exact: 5, std_minutes_exact: null, day_plus: 0 });
});

test("the rows for given hosts in their order, nulls for a host without sessions (pandas' reindex)", () => {
  const rows = metricsFor(siteMetrics(S), ["www.youtube.com", "www.hulu.com", "www.netflix.com"]).toRecords();
  assert.equal(rows.map((r) => [r.host, r.count]), [["www.youtube.com", 2], ["www.hulu.com", null], ["www.netflix.com", 3]]);
});

test("broken sites: more than n sessions, lowest original mean first, equal means in host order", () => {
  const many = sessions([
    ...Array.from({ length: 3 }, (): [string, number] => ["b.com", 2.5]),
    ...Array.from({ length: 3 }, (): [string, number] => ["a.com", 2.9]),
    ...Array.from({ length: 3 }, (): [string, number] => ["c.com", 1]),
    ...Array.from({ length: 2 }, (): [string, number] => ["tiny.com", 0]),
  ]);
  const broken = brokenSites(siteMetrics(many), { minSessions: 2, rows: 20 });
  assert.equal(broken.select("host", "mean_minutes", "count").toRecords(), [
    { host: "c.com", mean_minutes: 1, count: 3 },
    { host: "a.com", mean_minutes: 2, count: 3 },
    { host: "b.com", mean_minutes: 2, count: 3 },
  ]);
  assert.is(brokenSites(siteMetrics(many), { minSessions: 2, rows: 1 }).height, 1);
});

test("each session's minutes: the original's (wrapped) and exact", () => {
  assert.equal(Array.from(originalMinutesOf(S, "www.youtube.com")), [1, 60]);
  assert.equal(Array.from(exactMinutesOf(S, "www.youtube.com")), [1, 1500]);
  assert.equal(Array.from(originalMinutesOf(S, "www.netflix.com")), [10, 20, 30]);
  assert.equal(originalMinutesOf(S, "nowhere.com").length, 0);
});

test("share of sessions under one minute", () => {
  const s = sessions([["a.com", 0.5], ["a.com", 0.99], ["a.com", 1], ["a.com", 10]]);
  assert.equal(shortSessionShare(s, ["a.com", "b.com"]).toRecords(), [
    { host: "a.com", sessions: 4, under_one_minute: 2, share: 0.5 },
    { host: "b.com", sessions: 0, under_one_minute: 0, share: null },
  ]);
});

test("bootstrap intervals per host: seeded, around the mean, null without sessions", () => {
  const a = meanIntervals(S, ["www.netflix.com", "nowhere.com"], { resamples: 200, seed: 5 }).toRecords();
  const b = meanIntervals(S, ["www.netflix.com", "nowhere.com"], { resamples: 200, seed: 5 }).toRecords();
  assert.equal(a, b);
  const n = a[0]!;
  assert.ok((n.lo as number) <= (n.mean_minutes_exact as number) && (n.mean_minutes_exact as number) <= (n.hi as number));
  assert.ok((n.lo as number) >= 10 && (n.hi as number) <= 30.5);
  assert.equal(a[1], { host: "nowhere.com", sessions: 0, mean_minutes_exact: null, lo: null, hi: null });
});

test("the sessions of a day or more, with the minutes the original counted", () => {
  const rows = dayPlusSessions(S).select("host", "hours", "original_minutes", "exact_minutes").toRecords();
  assert.equal(rows, [{ host: "www.youtube.com", hours: 25, original_minutes: 60, exact_minutes: 1500 }]);
});

test.run();
