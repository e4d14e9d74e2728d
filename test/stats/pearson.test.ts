import { test } from "uvu";
import * as assert from "uvu/assert";
import { pearson } from "../../src/stats/pearson";

test("Anscombe's quartet, first set: r = 0.816 (published), 0.81642051634484 (scipy.stats.pearsonr)", () => {
  // Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1).
  const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
  const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
  const r = pearson(x, y)!;
  assert.is(Number(r.toFixed(3)), 0.816);
  assert.ok(Math.abs(r - 0.81642051634484) < 1e-12);
});

test("large means do not cost digits (centred sums)", () => {
  const r = pearson([1e9 + 1, 1e9 + 2, 1e9 + 3], [2, 4, 6]);
  assert.ok(Math.abs(r! - 1) < 1e-12);
});

test("edges: fewer than two pairs or no spread → null; different lengths → error", () => {
  assert.is(pearson([], []), null);
  assert.is(pearson([3], [4]), null);
  assert.is(pearson([1, 2, 3], [7, 7, 7]), null);
  assert.throws(() => pearson([1, 2], [1, 2, 3]), /different lengths/);
});

test.run();
