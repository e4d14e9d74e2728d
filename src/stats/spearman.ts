// Spearman's rank correlation coefficient ρ: Pearson's r of the fractional ranks, ties sharing
// their average rank (as scipy.stats.spearmanr and R's cor(method = "spearman") compute it).
// https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient
// Fewer than two pairs, or a sample whose values are all equal, gives null. Values must be finite.
import { pearson } from "./pearson";
import { ranks } from "./ranks";

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (y.length !== x.length) throw new RangeError(`spearman: samples of different lengths (${x.length} and ${y.length})`);
  return pearson(ranks(x), ranks(y));
}
