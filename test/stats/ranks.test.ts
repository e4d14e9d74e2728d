import { test } from "uvu";
import * as assert from "uvu/assert";
import { ranks } from "../../src/stats/ranks";

test("fractional ranking, Wikipedia's example: ties get the mean of their positions", () => {
  // https://en.wikipedia.org/wiki/Ranking#Fractional_ranking_(%221_2.5_2.5_4%22_ranking)
  assert.equal([...ranks([1, 1, 2, 3, 3, 4, 5, 5, 5])], [1.5, 1.5, 3, 4.5, 4.5, 6, 8, 8, 8]);
});

test("order of the input does not matter; negative whole numbers are counted too", () => {
  assert.equal([...ranks([5, -2, 5, 0])], [3.5, 1, 3.5, 2]);
});

test("whole numbers too spread out to count are radix-sorted: ties, negatives and the widest 32-bit range", () => {
  assert.equal([...ranks([1e9, 1, 1e9, 3])], [3.5, 1, 3.5, 2]);
  assert.equal([...ranks([-5e6, 7, 3e6, 7, -5e6])], [1.5, 3.5, 5, 3.5, 1.5]);
  assert.equal([...ranks([2 ** 32 - 1, 0, 2 ** 31, 2 ** 32 - 1])], [3.5, 1, 2, 3.5]);
  // Digits above the lowest 11 bits decide the order: 2048 > 2047 although 2048's lowest digit is 0.
  assert.equal([...ranks([2048, 2047, 2 ** 22, 0, 2048])].slice(0, 3), [3.5, 2, 5]);
});

test("a large sample with many ties: the radix path agrees with sorting by hand", () => {
  // 3000 values in 0..2e6 (too wide to count), many repeated: ranks from a plain sort of the values.
  const values = Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 1500) * 1333);
  const sorted = [...values].sort((a, b) => a - b);
  // 1-based positions of the first and last copy, averaged.
  const expected = values.map((v) => (sorted.indexOf(v) + 1 + sorted.lastIndexOf(v) + 1) / 2);
  assert.equal([...ranks(values)], expected);
});

test("values wider than 32 bits, and fractions, are ranked by sorting", () => {
  assert.equal([...ranks([1e12, 1, 1e12, 3])], [3.5, 1, 3.5, 2]);
  assert.equal([...ranks([0.3, 0.1, 0.3, 0.2])], [3.5, 1, 3.5, 2]);
});

test("empty input gives an empty array; a non-finite value is an error", () => {
  assert.is(ranks([]).length, 0);
  assert.throws(() => ranks([1, Infinity]), /value 1 is Infinity/);
});

test.run();
