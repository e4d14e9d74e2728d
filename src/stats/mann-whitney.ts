// mannWhitneyU(x, y): the Mann–Whitney U test (Wilcoxon rank-sum) of two independent samples,
// https://en.wikipedia.org/wiki/Mann%E2%80%93Whitney_U_test
// U is x's statistic, R_x − nx(nx + 1)/2 with tied values sharing their average rank (what R's
// wilcox.test reports as W and scipy.stats.mannwhitneyu as its statistic). The p-values use the
// normal approximation with the tie correction of the variance,
//   σ² = nx·ny/12 · ((n + 1) − Σ(t³ − t) / (n(n − 1))),
// and a continuity correction of ½ towards the mean, as R's wilcox.test(exact = FALSE, correct = TRUE)
// and scipy's method="asymptotic". Tails come from Φ(−z), not 1 − Φ(z), and also as log₁₀ p in
// log space (log-tails.ts), exact where p underflows to 0. Empty sample → null; every value tied
// (σ = 0) → null.
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { log10NormalUpper, tailFromLog10 } from "./log-tails";
import { ranks } from "./ranks";

export interface MannWhitneyU {
  u: number;
  /** z of the upper-tail test (H₁: x tends to be larger), continuity-corrected. */
  z: number;
  /** One-sided p for H₁: x tends to be larger than y. */
  pGreater: number;
  /** log₁₀ of pGreater, exact where pGreater underflows to 0. */
  log10PGreater: number;
  /** One-sided p for H₁: x tends to be smaller than y. */
  pLess: number;
  /** log₁₀ of pLess, exact where pLess underflows to 0. */
  log10PLess: number;
  pTwoSided: number;
  nX: number;
  nY: number;
}

export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyU | null {
  const nX = x.length;
  const nY = y.length;
  if (nX === 0 || nY === 0) return null;
  const n = nX + nY;
  const all = new Float64Array(n);
  for (let i = 0; i < nX; i++) all[i] = x[i] as number;
  for (let i = 0; i < nY; i++) all[nX + i] = y[i] as number;
  const r = ranks(all);
  let rankSumX = 0;
  for (let i = 0; i < nX; i++) rankSumX += r[i] as number;
  const u = rankSumX - (nX * (nX + 1)) / 2;

  const sorted = all.sort();
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * t * t - t;
    i = j;
  }
  const sigma = Math.sqrt(((nX * nY) / 12) * (n + 1 - ties / (n * (n - 1))));
  if (!(sigma > 0)) return null;
  const mu = (nX * nY) / 2;
  const zGreater = (u - mu - 0.5) / sigma;
  const zLess = (u - mu + 0.5) / sigma;
  const log10PGreater = log10NormalUpper(zGreater);
  const log10PLess = log10NormalUpper(-zLess);
  const pGreater = tailFromLog10(normalCdf(-zGreater, 0, 1), log10PGreater);
  const pLess = tailFromLog10(normalCdf(zLess, 0, 1), log10PLess);
  const zTwo = (Math.abs(u - mu) - 0.5) / sigma;
  const pTwoSided = Math.min(1, 2 * normalCdf(-zTwo, 0, 1));
  return { u, z: zGreater, pGreater, log10PGreater, pLess, log10PLess, pTwoSided, nX, nY };
}
