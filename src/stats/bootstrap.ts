// bootstrapMeanCI(xs, options): a percentile bootstrap confidence interval for the mean,
// https://en.wikipedia.org/wiki/Bootstrapping_(statistics)#Deriving_confidence_intervals_from_the_bootstrap_distribution
// Draws `resamples` samples of the same size with replacement, takes each one's mean, and returns
// the (1 − level)/2 and (1 + level)/2 quantiles of those means (quantile definition 7, as numpy).
// Seeded: the same seed gives the same interval on every machine. Empty input → null.
import { mean } from "./mean";
import { quantile } from "./quantile";
import { Random } from "./random";

export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  seed?: number;
}

export interface ConfidenceInterval {
  mean: number;
  lo: number;
  hi: number;
  level: number;
}

export function bootstrapMeanCI(xs: ArrayLike<number>, options: BootstrapOptions = {}): ConfidenceInterval | null {
  const { resamples = 2000, level = 0.95, seed = 1 } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapMeanCI: level must be in (0, 1), got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`bootstrapMeanCI: resamples must be a positive integer, got ${resamples}`);
  const n = xs.length;
  if (n === 0) return null;
  const random = new Random(seed);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += xs[Math.floor(random.next() * n)] as number;
    means[b] = s / n;
  }
  const alpha = (1 - level) / 2;
  return { mean: mean(xs) as number, lo: quantile(means, alpha) as number, hi: quantile(means, 1 - alpha) as number, level };
}
