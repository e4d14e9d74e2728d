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

test("values too spread out to count, and fractions, are ranked by sorting", () => {
  assert.equal([...ranks([1e12, 1, 1e12, 3])], [3.5, 1, 3.5, 2]);
  assert.equal([...ranks([0.3, 0.1, 0.3, 0.2])], [3.5, 1, 3.5, 2]);
});

test("empty input gives an empty array; a non-finite value is an error", () => {
  assert.is(ranks([]).length, 0);
  assert.throws(() => ranks([1, Infinity]), /value 1 is Infinity/);
});

test.run();
