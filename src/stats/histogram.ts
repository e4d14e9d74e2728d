// histogram(values, lo, hi, bins): counts of values in `bins` equal-width bins over [lo, hi], with
// numpy's convention (https://numpy.org/doc/stable/reference/generated/numpy.histogram.html):
// every bin is half-open [a, b) except the last, which also holds the upper edge `hi`; values
// outside [lo, hi] (and NaN) are not counted. Edges are numpy's linspace(lo, hi, bins + 1), and a
// value is placed the way numpy places it (index from the scaled value, then checked against the
// edges), so a value sitting on an edge lands where matplotlib's `hist` would draw it.
// Empty input gives all-zero counts; bins < 1 or hi <= lo is an error.

export interface Histogram {
  /** bins + 1 edges, from lo to hi. */
  edges: number[];
  counts: number[];
}

export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be a positive integer, got ${bins}`);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) throw new RangeError(`histogram: expected lo < hi, got [${lo}, ${hi}]`);
  const edges = linspace(lo, hi, bins + 1);
  const counts = new Array<number>(bins).fill(0);
  const norm = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!(x >= lo && x <= hi)) continue;
    let k = Math.floor((x - lo) * norm);
    if (k === bins) k--;
    // The scaled index can be one off where (x − lo)·norm rounds across an edge: the edges decide.
    if (x < (edges[k] as number)) k--;
    else if (k < bins - 1 && x >= (edges[k + 1] as number)) k++;
    counts[k]!++;
  }
  return { edges, counts };
}

/** numpy.linspace: start + i·step, with the last point exactly `stop`. */
function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  const out = Array.from({ length: num }, (_, i) => start + i * step);
  out[num - 1] = stop;
  return out;
}
