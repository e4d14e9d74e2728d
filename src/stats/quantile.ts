// The p-quantile of a sample, interpolating linearly between order statistics: Hyndman & Fan's
// definition 7, the default of R, numpy and pandas. https://en.wikipedia.org/wiki/Quantile#Estimating_quantiles_from_a_sample
// The median is quantile(x, 0.5). Empty input gives null; NaN values are an error.
// Selection (quickselect) instead of a full sort: linear time on average, so a median of a million values is cheap.

export function quantile(values: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = values.length;
  if (n === 0) return null;
  // A copy (selection reorders it), checked for NaN on the way.
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new RangeError(`quantile: value ${i} is NaN`);
    a[i] = v;
  }
  return quantileInPlace(a, p);
}

/** The same without a copy, for an array the caller owns: it may reorder `a`, which must hold no NaN. */
export function quantileInPlace(a: Float64Array, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = a.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const low = select(a, k);
  if (k === h || k + 1 >= n) return low;
  // After select, everything right of k is >= a[k]: the next order statistic is their minimum.
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (a[i]! < next) next = a[i]!;
  return low + (h - k) * (next - low);
}

/** Rearranges `a` so that a[k] is the k-th smallest, smaller ones left of it and larger right (Hoare's quickselect). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    // Median of three as pivot keeps sorted or reversed input from going quadratic.
    const mid = (lo + hi) >>> 1;
    const pivot = Math.max(Math.min(a[lo]!, a[mid]!), Math.min(Math.max(a[lo]!, a[mid]!), a[hi]!));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}
