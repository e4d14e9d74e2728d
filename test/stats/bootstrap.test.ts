import { test } from "uvu";
import * as assert from "uvu/assert";
import { bootstrapMeanCI } from "../../src/stats/bootstrap";

test("the same seed gives the same interval; another seed a slightly different one", () => {
  const xs = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
  const a = bootstrapMeanCI(xs, { seed: 7, resamples: 500 })!;
  const b = bootstrapMeanCI(xs, { seed: 7, resamples: 500 })!;
  const c = bootstrapMeanCI(xs, { seed: 8, resamples: 500 })!;
  assert.equal(a, b);
  assert.is.not(a.lo, c.lo);
});

test("the interval is about mean ± 1.96·s/√n for a large sample", () => {
  // 0..999 repeated: mean 499.5, s = 288.82, so the normal-theory 95% interval is ±8.95 for n = 4000.
  const xs = Array.from({ length: 4000 }, (_, i) => i % 1000);
  const r = bootstrapMeanCI(xs, { seed: 3, resamples: 2000 })!;
  assert.is(r.mean, 499.5);
  assert.is(r.level, 0.95);
  const half = 1.96 * (288.8194360957494 / Math.sqrt(4000));
  assert.ok(Math.abs(r.lo - (499.5 - half)) < 1.2, `lo ${r.lo}`);
  assert.ok(Math.abs(r.hi - (499.5 + half)) < 1.2, `hi ${r.hi}`);
});

test("edges: empty → null; constant data → a zero-width interval; bad options throw", () => {
  assert.is(bootstrapMeanCI([]), null);
  assert.equal(bootstrapMeanCI([4, 4, 4], { resamples: 50 }), { mean: 4, lo: 4, hi: 4, level: 0.95 });
  assert.throws(() => bootstrapMeanCI([1], { level: 1 }), /level/);
  assert.throws(() => bootstrapMeanCI([1], { resamples: 0 }), /resamples/);
});

test.run();
