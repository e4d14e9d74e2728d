import { test } from "uvu";
import * as assert from "uvu/assert";
import { sum } from "../../src/stats/sum";

test("sums like exact arithmetic rounded once", () => {
  assert.is(sum([]), 0);
  assert.is(sum([1, 2, 3]), 6);
  // Naively 0.1 ten times is 0.9999999999999999.
  assert.is(sum(new Array(10).fill(0.1)), 1);
  assert.is(sum([1, 1e100, 1, -1e100]), 2);
});

test.run();
