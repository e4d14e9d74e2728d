// sum(xs): the sum with Neumaier's compensated summation,
// https://en.wikipedia.org/wiki/Kahan_summation_algorithm#Further_enhancements
// The rounding error of each addition is carried along, so the result is as if summed exactly
// and rounded once (for all but pathological inputs). Empty input → 0.

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}
