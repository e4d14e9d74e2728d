import { test } from "uvu";
import * as assert from "uvu/assert";
import { std, variance } from "../../src/stats/std";

test("sample standard deviation with n − 1, as pandas and R's sd()", () => {
  // R: sd(c(2, 4, 4, 4, 5, 5, 7, 9)) = 2.13809 (the population value is 2).
  assert.ok(Math.abs((std([2, 4, 4, 4, 5, 5, 7, 9]) as number) - 2.138089935299395) < 1e-15);
  assert.is(variance([1, 2, 3, 4]), 5 / 3);
});

test("fewer than two values → null", () => {
  assert.is(std([]), null);
  assert.is(std([42]), null);
  assert.is(std([3, 3]), 0);
});

test("no cancellation when the spread is tiny next to the values", () => {
  // Σx² − n·x̄² would lose every digit here.
  assert.is(variance([1e9 + 1, 1e9 + 2, 1e9 + 3]), 1);
});

test.run();
