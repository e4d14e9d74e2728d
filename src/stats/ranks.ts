// Fractional ranks ("1 2.5 2.5 4" ranking): each value's 1-based position in sorted order, tied
// values sharing the average of their positions. https://en.wikipedia.org/wiki/Ranking#Fractional_ranking_(%221_2.5_2.5_4%22_ranking)
//
// Whole numbers in a range not much wider than their count (counts, days) are ranked by counting,
// in linear time; anything else by sorting a copy. Values must be finite; empty input gives an empty array.

export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`ranks: value ${i} is ${v}; expected a finite number`);
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (whole && max - min <= 4 * n + 1024) {
    // below[k] = how many values are smaller than min + k; min + k occurs below[k + 1] - below[k] times.
    const below = new Int32Array(max - min + 2);
    for (let i = 0; i < n; i++) below[values[i]! - min + 1]!++;
    for (let k = 1; k < below.length; k++) below[k]! += below[k - 1]!;
    for (let i = 0; i < n; i++) {
      const k = values[i]! - min;
      out[i] = below[k]! + (below[k + 1]! - below[k]! + 1) / 2;
    }
    return out;
  }
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = values[i]!;
  sorted.sort();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const below = bound(sorted, v, false);
    const upTo = bound(sorted, v, true);
    // Positions below+1 .. upTo hold v: their average.
    out[i] = (below + 1 + upTo) / 2;
  }
  return out;
}

/** How many sorted values are < v (or <= v when `inclusive`). */
function bound(sorted: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (inclusive && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
