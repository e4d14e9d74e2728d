import { test } from "uvu";
import * as assert from "uvu/assert";
import { quantile, quantileInPlace } from "../../src/stats/quantile";

test("numpy's documented examples: the median of [[10, 7, 4], [3, 2, 1]] is 3.5, per column 6.5, 4.5, 2.5", () => {
  // https://numpy.org/doc/stable/reference/generated/numpy.percentile.html
  assert.is(quantile([10, 7, 4, 3, 2, 1], 0.5), 3.5);
  assert.is(quantile([10, 3], 0.5), 6.5);
  assert.is(quantile([7, 2], 0.5), 4.5);
  assert.is(quantile([4, 1], 0.5), 2.5);
});

test("linear interpolation between order statistics (Hyndman & Fan 7, R's default): 1..10", () => {
  const x = [7, 3, 10, 1, 5, 2, 9, 4, 8, 6];
  assert.is(quantile(x, 0), 1);
  assert.is(quantile(x, 0.25), 3.25);
  assert.ok(Math.abs(quantile(x, 0.9)! - 9.1) < 1e-12);
  assert.is(quantile(x, 1), 10);
});

test("many ties and an odd count; the input is left as it was", () => {
  const x = new Float64Array([0, 0, 0, 0, 5, 0, 0, 9, 0]);
  assert.is(quantile(x, 0.5), 0);
  assert.equal([...x], [0, 0, 0, 0, 5, 0, 0, 9, 0]);
  assert.is(quantile([2, 1, 3], 0.5), 2);
});

test("quantileInPlace: the same answers without a copy, its own array reordered", () => {
  // R: quantile(c(7, 1, 3, 9, 5, 2), c(0.5, 0.25)) → 4, 2.25
  const a = new Float64Array([7, 1, 3, 9, 5, 2]);
  assert.is(quantileInPlace(a, 0.5), 4);
  assert.equal([...a].sort((x, y) => x - y), [1, 2, 3, 5, 7, 9]);
  assert.is(quantileInPlace(new Float64Array([7, 1, 3, 9, 5, 2]), 0.25), 2.25);
  assert.is(quantileInPlace(new Float64Array(0), 0.5), null);
});

test("whole numbers, negatives, ties, wide ranges and fractions, worked by hand", () => {
  // From the sorted values: position h = (n − 1) p, then sorted[⌊h⌋] + (h − ⌊h⌋)(sorted[⌊h⌋ + 1] − sorted[⌊h⌋]).
  assert.is(quantile([1, 1, 5, 9], 0.5), 3); // h = 1.5: 1 + 0.5 × (5 − 1)
  assert.is(quantile([5, 5, 5, 1], 0.5), 5); // h = 1.5: positions 1 and 2 both hold 5
  assert.is(quantile([-3, -1, -2], 0.5), -2); // h = 1
  assert.is(quantile([0, 7, 0, 0, 7], 0.75), 7); // h = 3: sorted 0, 0, 0, 7, 7
  assert.is(quantile([1e9, 3, 5e8, 7], 0.5), 250000003.5); // h = 1.5: 7 + 0.5 × (5e8 − 7)
  assert.is(quantile([0.5, 2.25, 1.5, 10.75], 0.25), 1.25); // h = 0.75: 0.5 + 0.75 × 1
  assert.is(quantile([0.5, 2.25, 1.5, 10.75], 0.5), 1.875); // h = 1.5: 1.5 + 0.5 × 0.75
  assert.ok(Math.abs(quantile([0.5, 2.25, 1.5, 10.75], 0.9)! - 8.2) < 1e-12); // h = 2.7: 2.25 + 0.7 × 8.5
});

test("empty input → null; NaN or p outside [0, 1] → error", () => {
  assert.is(quantile([], 0.5), null);
  assert.throws(() => quantile([1, NaN], 0.5), /value 1 is NaN/);
  assert.throws(() => quantile([1], 1.5), /p must be in \[0, 1\]/);
});

test.run();
