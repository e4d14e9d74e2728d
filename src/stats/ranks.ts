// Fractional ranks ("1 2.5 2.5 4" ranking): each value's 1-based position in sorted order, tied
// values sharing the average of their positions. https://en.wikipedia.org/wiki/Ranking#Fractional_ranking_(%221_2.5_2.5_4%22_ranking)
//
// Whole numbers are ranked in linear time: by counting when their range is not much wider than
// their count (counts, days), else by a radix sort of their positions when the range fits in 32
// bits (followers: up to millions). Anything else by sorting a copy. Values must be finite; empty
// input gives an empty array.
import { countable } from "./countable";

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
  if (whole && countable(min, max, n)) return byCounting(values, min, max, out);
  if (whole && max - min < 2 ** 32) return byRadixSort(values, min, out);
  return bySorting(values, out);
}

function byCounting(values: ArrayLike<number>, min: number, max: number, out: Float64Array): Float64Array {
  // below[k] = how many values are smaller than min + k; min + k occurs below[k + 1] - below[k] times.
  // The indices are whole numbers within the table (countable checked the range): `| 0` says so.
  const below = new Int32Array(max - min + 2);
  for (let i = 0; i < values.length; i++) below[(values[i]! - min + 1) | 0]!++;
  for (let k = 1; k < below.length; k++) below[k]! += below[k - 1]!;
  for (let i = 0; i < values.length; i++) {
    const k = (values[i]! - min) | 0;
    out[i] = below[k]! + (below[k + 1]! - below[k]! + 1) / 2;
  }
  return out;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/** Positions sorted by value with a least-significant-digit radix sort (three 11-bit digits cover 32 bits), then runs of equal values. */
function byRadixSort(values: ArrayLike<number>, min: number, out: Float64Array): Float64Array {
  const n = values.length;
  let keys = new Uint32Array(n);
  let positions = new Uint32Array(n);
  let keysTo = new Uint32Array(n);
  let positionsTo = new Uint32Array(n);
  let widest = 0;
  for (let i = 0; i < n; i++) {
    keys[i] = values[i]! - min;
    positions[i] = i;
    if (keys[i]! > widest) widest = keys[i]!;
  }
  const count = new Uint32Array(DIGITS);
  for (let shift = 0; shift < 32 && widest >>> shift !== 0; shift += DIGIT_BITS) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i]! >>> shift) & (DIGITS - 1)]!++;
    let start = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = count[d]!;
      count[d] = start;
      start += c;
    }
    // Stable: equal digits keep the order of the previous pass.
    for (let i = 0; i < n; i++) {
      const to = count[(keys[i]! >>> shift) & (DIGITS - 1)]!++;
      keysTo[to] = keys[i]!;
      positionsTo[to] = positions[i]!;
    }
    [keys, keysTo] = [keysTo, keys];
    [positions, positionsTo] = [positionsTo, positions];
  }
  for (let first = 0; first < n; ) {
    let end = first + 1;
    while (end < n && keys[end] === keys[first]) end++;
    // Sorted positions first+1 .. end hold the same value: their average.
    const rank = (first + 1 + end) / 2;
    for (let i = first; i < end; i++) out[positions[i]!] = rank;
    first = end;
  }
  return out;
}

function bySorting(values: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = values.length;
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
