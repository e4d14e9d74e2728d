import { test } from "uvu";
import * as assert from "uvu/assert";
import { welchTTest } from "../../src/stats/welch-t-test";

function close(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

/** A sample of size n whose mean and standard deviation (n − 1) are exactly m and s. */
function withMoments(n: number, m: number, s: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => Math.sin(i + 1) + (i % 7));
  const mu = raw.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1));
  return raw.map((v) => m + ((v - mu) / sd) * s);
}

test("R's sleep data: t.test(extra ~ group, data = sleep)", () => {
  // R prints: t = -1.8608, df = 17.776, p-value = 0.07939; means 0.75 and 2.33.
  const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  const r = welchTTest(g1, g2)!;
  close(r.t, -1.8608, 5e-5, "t");
  close(r.df, 17.776, 5e-5, "df");
  close(r.pTwoSided, 0.07939, 1e-4, "p two-sided");
  close(r.pLess, 0.07939 / 2, 2e-4, "p one-sided");
  close(r.meanX, 0.75, 1e-12, "mean x");
  close(r.meanY, 2.33, 1e-12, "mean y");
  assert.ok(r.pGreater > 0.95);
  assert.is(r.nX, 10);
});

test("NIST/SEMATECH handbook 1.3.5.3, US vs Japanese cars (unequal variances)", () => {
  // n = 249, mean 20.14458, sd 6.41470 vs n = 79, mean 30.48101, sd 6.10771: T = -12.94627, ν = 136.8750.
  const r = welchTTest(withMoments(249, 20.14458, 6.4147), withMoments(79, 30.48101, 6.10771))!;
  close(r.t, -12.94627, 2e-6, "t");
  close(r.df, 136.875, 2e-6, "df");
});

test("a huge t keeps its tiny p-value instead of rounding to 0", () => {
  // Equal sizes and variances give df = 2(n − 1) = 1000; the means are set so that t = 40.
  // P(T ≥ 40) with 1000 df is 5.2394260775867e-210 (scipy.stats.t.sf(40, 1000)).
  const n = 501;
  const d = 40 * Math.sqrt(2 / n);
  const r = welchTTest(withMoments(n, d, 1), withMoments(n, 0, 1))!;
  close(r.df, 1000, 1e-9, "df");
  close(r.t, 40, 1e-9, "t");
  close(r.pGreater, 5.2394260775867e-210, 1e-6, "p");
  close(r.log10PGreater, Math.log10(5.2394260775867e-210), 1e-9, "log10 p");
  assert.is(r.pLess, 1);
});

test("a t beyond the doubles: log10 p keeps its digits, p is its subnormal rounding (t = 38.3, df = 73,000)", () => {
  // Two samples of 36,501 with unit spread: df = 2(n − 1) = 73,000. log10 P(T ≥ 38.3) = −317.35127534491895 by
  // python3 -c "import mpmath as m; m.mp.dps = 50; t, df = m.mpf('38.3'), m.mpf(73000);
  //   print(m.nstr(m.log10(m.betainc(df/2, m.mpf(1)/2, 0, df/(df + t*t), regularized=True)/2), 17))"
  const n = 36_501;
  const d = 38.3 * Math.sqrt(2 / n);
  const r = welchTTest(withMoments(n, d, 1), withMoments(n, 0, 1))!;
  close(r.df, 73_000, 1e-9, "df");
  close(r.t, 38.3, 1e-9, "t");
  close(r.log10PGreater, -317.35127534491895, 1e-6, "log10 p");
  // 4.4548e-318 has four digits left as a subnormal double.
  close(r.pGreater, 10 ** -317.35127534491895, 1e-3, "p");
  // log10(1 − q) = −q/ln 10 for so small a q: itself a subnormal.
  close(r.log10PLess, -(10 ** -317.35127534491895) / Math.LN10, 1e-3, "log10 of the other tail");
});

test("ordinary p-values: log10 p is the log of p, both tails", () => {
  const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  const r = welchTTest(g1, g2)!;
  close(r.log10PLess, Math.log10(r.pLess), 1e-12, "log10 p less");
  close(r.log10PGreater, Math.log10(r.pGreater), 1e-12, "log10 p greater");
});

test("edges: too few values or no spread → null", () => {
  assert.is(welchTTest([1], [1, 2, 3]), null);
  assert.is(welchTTest([], []), null);
  assert.is(welchTTest([2, 2, 2], [5, 5]), null);
  // One sample without spread is fine: df falls back to the other's n − 1.
  const r = welchTTest([2, 2, 2], [1, 2, 3])!;
  assert.is(r.df, 2);
});

test.run();
