// welchTTest(x, y): Welch's unequal-variances t-test of two independent samples,
// https://en.wikipedia.org/wiki/Welch%27s_t-test
//   t  = (mean x − mean y) / √(s²x/nx + s²y/ny)
//   df = (s²x/nx + s²y/ny)² / ((s²x/nx)²/(nx − 1) + (s²y/ny)²/(ny − 1))   (Welch–Satterthwaite)
// The p-values come straight from Student's t CDF (stdlib, via the regularised incomplete beta):
// the upper tail P(T ≥ t) is cdf(−t), never 1 − cdf(t), so a p of 1e-66 stays 1e-66 instead of
// cancelling to 0. Below the smallest double even that is 0, so each one-sided p also comes as
// log₁₀ p, computed in log space (log-tails.ts): t ≈ 38 with 73,000 df gives log₁₀ p ≈ −317.
// Same t, df and two-sided p as scipy.stats.ttest_ind(x, y, equal_var=False) and R's t.test(x, y).
// Fewer than two values in a sample, or no spread in both, → null.
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { log10StudentTUpper, tailFromLog10 } from "./log-tails";
import { mean } from "./mean";
import { variance } from "./std";

export interface WelchTTest {
  t: number;
  df: number;
  /** One-sided p for H₁: mean x > mean y, P(T ≥ t). */
  pGreater: number;
  /** log₁₀ of pGreater, exact where pGreater underflows to 0. */
  log10PGreater: number;
  /** One-sided p for H₁: mean x < mean y, P(T ≤ t). */
  pLess: number;
  /** log₁₀ of pLess, exact where pLess underflows to 0. */
  log10PLess: number;
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
  const log10PGreater = log10StudentTUpper(t, df);
  const log10PLess = log10StudentTUpper(-t, df);
  const pGreater = tailFromLog10(tCdf(-t, df), log10PGreater);
  const pLess = tailFromLog10(tCdf(t, df), log10PLess);
  return {
    t,
    df,
    pGreater,
    log10PGreater,
    pLess,
    log10PLess,
    pTwoSided: Math.min(1, 2 * Math.min(pGreater, pLess)),
    meanX,
    meanY,
    nX,
    nY,
  };
}
