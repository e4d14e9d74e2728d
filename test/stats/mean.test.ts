import { test } from "uvu";
import * as assert from "uvu/assert";
import { mean } from "../../src/stats/mean";

test("the mean of a few values, and null for none", () => {
  assert.is(mean([1, 2, 3, 4]), 2.5);
  assert.is(mean(new Float64Array([-2, 2])), 0);
  assert.is(mean([]), null);
});

test("large values keep their last digits (compensated sum)", () => {
  // 1e16 + 1 − 1e16 is 0 in naive floating-point summation.
  assert.is(mean([1e16, 1, -1e16, 1]), 0.5);
});

test.run();
