// std(xs): the sample standard deviation, with n − 1 in the denominator (ddof = 1, as pandas'
// Series.std), https://en.wikipedia.org/wiki/Standard_deviation#Corrected_sample_standard_deviation
// Two passes (mean first, then squared deviations) rather than Σx² − n·x̄², which cancels
// catastrophically when the spread is small next to the values. Fewer than two values → null.
import { mean } from "./mean";
import { sum } from "./sum";

export function variance(xs: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const m = mean(xs) as number;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (xs[i] as number) - m;
    squares[i] = d * d;
  }
  return sum(squares) / (n - 1);
}

export function std(xs: ArrayLike<number>): number | null {
  const v = variance(xs);
  return v === null ? null : Math.sqrt(v);
}
