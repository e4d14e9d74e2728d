// welchTTest(x, y): Welch's unequal-variances t-test of two independent samples,
// https://en.wikipedia.org/wiki/Welch%27s_t-test
//   t  = (mean x − mean y) / √(s²x/nx + s²y/ny)
//   df = (s²x/nx + s²y/ny)² / ((s²x/nx)²/(nx − 1) + (s²y/ny)²/(ny − 1))   (Welch–Satterthwaite)
// The p-values come straight from Student's t CDF (stdlib, via the regularised incomplete beta):
// the upper tail P(T ≥ t) is cdf(−t), never 1 − cdf(t), so a p of 1e-66 stays 1e-66 instead of
// cancelling to 0. Same t, df and two-sided p as scipy.stats.ttest_ind(x, y, equal_var=False) and
// R's t.test(x, y). Fewer than two values in a sample, or no spread in both, → null.
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { mean } from "./mean";
import { variance } from "./std";

export interface WelchTTest {
  t: number;
  df: number;
  /** One-sided p for H₁: mean x > mean y, P(T ≥ t). */
  pGreater: number;
  /** One-sided p for H₁: mean x < mean y, P(T ≤ t). */
  pLess: number;
  pTwoSided: number;
  meanX: number;
  meanY: number;
  nX: number;
  nY: number;
}

export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>): WelchTTest | null {
  const nX = x.length;
  const nY = y.length;
  const varX = variance(x);
  const varY = variance(y);
  if (varX === null || varY === null) return null;
  const a = varX / nX;
  const b = varY / nY;
  const se2 = a + b;
  if (se2 === 0) return null;
  const meanX = mean(x) as number;
  const meanY = mean(y) as number;
  const t = (meanX - meanY) / Math.sqrt(se2);
  const df = (se2 * se2) / ((a * a) / (nX - 1) + (b * b) / (nY - 1));
  const pGreater = tCdf(-t, df);
  const pLess = tCdf(t, df);
  return { t, df, pGreater, pLess, pTwoSided: Math.min(1, 2 * Math.min(pGreater, pLess)), meanX, meanY, nX, nY };
}
