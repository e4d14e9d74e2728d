import { test } from "uvu";
import * as assert from "uvu/assert";
import { spearman } from "../../src/stats/spearman";

const close = (actual: number | null, expected: number, eps = 1e-12) => assert.ok(actual !== null && Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);

test("Wikipedia's worked example: IQ against hours of TV a week, ρ = −29/165", () => {
  // https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient#Example
  const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
  const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
  close(spearman(iq, tv), -29 / 165);
});

test("ties share their average rank: scipy.stats.spearmanr's documented example gives 0.8207826816681233", () => {
  // https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.spearmanr.html
  close(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233);
});

test("any increasing relation is 1, any decreasing one −1", () => {
  close(spearman([1, 2, 3, 4], [1, 10, 100, 1000]), 1);
  close(spearman(new Float64Array([0.5, 1.5, 2.5]), new Float64Array([9, 4, -3])), -1);
});

test("counting and sorting give the same ranks: whole numbers and fractions", () => {
  const x = [3, 1, 4, 1, 5, 9, 2, 6];
  const y = [2, 7, 1, 8, 2, 8, 1, 8];
  const scaled = (v: number[]) => v.map((a) => a / 7);
  close(spearman(scaled(x), scaled(y))!, spearman(x, y)!);
});

test("edges: fewer than two pairs or a constant sample → null; different lengths → error", () => {
  assert.is(spearman([], []), null);
  assert.is(spearman([1], [2]), null);
  assert.is(spearman([1, 2, 3], [5, 5, 5]), null);
  assert.throws(() => spearman([1, 2], [1]), /different lengths/);
  assert.throws(() => spearman([1, NaN], [1, 2]), /value 1 is NaN/);
});

test.run();
