import { test } from "uvu";
import * as assert from "uvu/assert";
import { mannWhitneyU } from "../../src/stats/mann-whitney";

function close(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

test("with ties: R's wilcox.test(Ozone ~ Month, data = airquality, subset = Month %in% c(5, 8))", () => {
  // R prints W = 127.5, p-value = 0.0001208 (normal approximation, tie and continuity corrections).
  const may = [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37];
  const august = [39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84, 85];
  const r = mannWhitneyU(may, august)!;
  assert.is(r.u, 127.5);
  close(r.pTwoSided, 0.0001208, 1e-3, "p two-sided");
  close(r.pLess, 0.0001208 / 2, 1e-3, "p one-sided");
  assert.ok(r.pGreater > 0.99);
});

test("scipy.stats.mannwhitneyu documentation: males vs females, method='asymptotic'", () => {
  // statistic=17.0, pvalue=0.11134688653314041 (two-sided)
  const r = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12])!;
  assert.is(r.u, 17);
  close(r.pTwoSided, 0.11134688653314041, 1e-12, "p");
});

test("R's wilcox.test(x, y, alternative = 'g') example, without ties", () => {
  // W = 35; the normal approximation with continuity correction gives z = (35 − 25 − ½)/√(10·5·16/12),
  // upper-tail p = 0.1223118 (scipy method='asymptotic' agrees; the exact p R prints is 0.1272).
  const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
  const y = [1.15, 0.88, 0.9, 0.74, 1.21];
  const r = mannWhitneyU(x, y)!;
  assert.is(r.u, 35);
  close(r.z, 9.5 / Math.sqrt(200 / 3), 1e-12, "z");
  close(r.pGreater, 0.12231180256349167, 1e-9, "p");
  close(r.log10PGreater, Math.log10(0.12231180256349167), 1e-9, "log10 p");
  close(r.log10PLess, Math.log10(r.pLess), 1e-12, "log10 p less");
});

test("completely separated large samples: p underflows to 0, log10 p keeps its digits", () => {
  // 1,000 values each, every x above every y, no ties: U = 10⁶, σ² = 10⁶ · 2001/12, z = (U − ½·10⁶ − ½)/σ.
  // log10 P(Z ≥ z) for that z: python3 -c "import mpmath as m; m.mp.dps = 50;
  //   z = (m.mpf(10)**6/2 - m.mpf(1)/2) / m.sqrt(m.mpf(10)**6 * 2001 / 12); print(m.nstr(m.log10(m.ncdf(-z)), 17))"
  const x = Array.from({ length: 1000 }, (_, i) => 1000 + i);
  const y = Array.from({ length: 1000 }, (_, i) => i);
  const r = mannWhitneyU(x, y)!;
  assert.is(r.u, 1e6);
  close(r.z, (5e5 - 0.5) / Math.sqrt((1e6 * 2001) / 12), 1e-12, "z");
  assert.is(r.pGreater, 0);
  close(r.log10PGreater, -327.54474704687927, 1e-6, "log10 p");
});

test("edges: an empty sample, or every value tied → null", () => {
  assert.is(mannWhitneyU([], [1, 2]), null);
  assert.is(mannWhitneyU([3, 3], [3, 3, 3]), null);
});

test.run();
