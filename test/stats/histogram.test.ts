import { test } from "uvu";
import * as assert from "uvu/assert";
import { histogram } from "../../src/stats/histogram";

test("equal-width bins; the last one includes its upper edge; outside values ignored", () => {
  // numpy.histogram([0, 1, 2, 2.9999999999999996, 3, 4, 5, 5.5, 6, -1, 7], bins=3, range=(0, 6)) → [2, 3, 4]
  const h = histogram([0, 1, 2, 2.9999999999999996, 3, 4, 5, 5.5, 6, -1, 7], 0, 6, 3);
  assert.equal(h.counts, [2, 3, 4]);
  assert.equal(h.edges, [0, 2, 4, 6]);
});

test("a value on an edge goes where numpy puts it, edges being linspace's", () => {
  // linspace(0, 1, 11)[3] is 0.30000000000000004 and [7] is 0.7000000000000001, so 0.3 falls in
  // bin 2 and 0.7 in bin 6. numpy.histogram([0.1, 0.2, 0.30000000000000004, 0.3, 0.7], 10, (0, 1))
  // → [0, 1, 2, 1, 0, 0, 1, 0, 0, 0]
  const h = histogram([0.1, 0.2, 0.30000000000000004, 0.3, 0.7], 0, 1, 10);
  assert.equal(h.counts, [0, 1, 2, 1, 0, 0, 1, 0, 0, 0]);
  assert.is(h.edges[3], 0.30000000000000004);
});

test("whole minutes in the original's two ranges", () => {
  // [10, 300] in 20 bins is 14.5 minutes a bin: 24 is in the first, 24.5 starts the second, 300 is in the last.
  assert.equal(histogram([9, 10, 24, 24.5, 39, 299, 300, 301], 10, 300, 20).counts, [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  assert.equal(histogram([0, 5, 6, 119, 120, 121], 0, 120, 20).counts, [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
});

test("edges: no values, NaN, bad ranges", () => {
  assert.equal(histogram([], 0, 1, 2).counts, [0, 0]);
  assert.equal(histogram([NaN, 0.5], 0, 1, 2).counts, [0, 1]);
  assert.throws(() => histogram([1], 1, 1, 2), /lo < hi/);
  assert.throws(() => histogram([1], 0, 1, 0), /positive integer/);
});

test.run();
