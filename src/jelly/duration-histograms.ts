// The original's histograms of session durations: for each sample (Netflix, YouTube), whole minutes
// in two ranges, [0, 120] for the short sessions and [10, 300] for the long ones without the spike
// near zero, 20 bins each (numpy's convention: values outside the range are left out).
import { histogram, type Histogram } from "../stats/histogram";

export const DURATION_RANGES: readonly { from: number; to: number }[] = [
  { from: 0, to: 120 },
  { from: 10, to: 300 },
];
const BINS = 20;

/** `${sample}_${from}_${to}` → its histogram, samples in the order given, then ranges. */
export type DurationHistograms = Record<string, Histogram>;

export function durationHistograms(samples: Record<string, ArrayLike<number>>): DurationHistograms {
  const out: DurationHistograms = {};
  for (const [name, minutes] of Object.entries(samples)) {
    for (const { from, to } of DURATION_RANGES) out[`${name}_${from}_${to}`] = histogram(minutes, from, to, BINS);
  }
  return out;
}

/** The counts of each histogram, under the same names: what the report records. */
export function histogramCounts(histograms: DurationHistograms): Record<string, number[]> {
  return Object.fromEntries(Object.entries(histograms).map(([name, h]) => [name, h.counts]));
}
