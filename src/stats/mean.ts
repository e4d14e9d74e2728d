// mean(xs): the arithmetic mean, https://en.wikipedia.org/wiki/Arithmetic_mean
// Summed with Neumaier's compensation, so a long column of large values (durations in
// milliseconds) keeps its last digits. Empty input → null.
import { sum } from "./sum";

export function mean(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  return sum(xs) / xs.length;
}
