// When whole numbers are best handled by counting: a table with a slot for every value from the
// smallest to the largest (ranks, medians, an index of ids) pays when that range is not much wider
// than how many numbers there are; the constant keeps small inputs with a few outliers on this path.

/** Whether n whole numbers from min to max are best counted: their range is not much wider than their count. */
export function countable(min: number, max: number, n: number): boolean {
  return max - min <= 4 * n + 1024;
}
