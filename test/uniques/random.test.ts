import { test } from "uvu";
import * as assert from "uvu/assert";
import { cumulative, Random, zipf } from "../../src/uniques/random";

test("seeded: the same seed the same draws, all in range", () => {
  const a = new Random(42);
  const b = new Random(42);
  const xs = Array.from({ length: 1000 }, () => a.next());
  assert.equal(xs, Array.from({ length: 1000 }, () => b.next()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.not.equal(new Random(43).next(), xs[0]);
});

test("distributions have their textbook means over many draws", () => {
  const r = new Random(1);
  const n = 200_000;
  const mean = (f: () => number) => Array.from({ length: n }, f).reduce((s, x) => s + x, 0) / n;
  assert.ok(Math.abs(mean(() => r.geometric(0.25)) - 3) < 0.05, "geometric: (1 − p) / p");
  assert.ok(Math.abs(mean(() => r.poisson(4)) - 4) < 0.03);
  assert.ok(Math.abs(mean(() => Math.min(r.pareto(1, 3), 1e9)) - 1.5) < 0.02, "Pareto: α·xm / (α − 1)");
  const counts = [0, 0, 0];
  const w = cumulative([1, 2, 7]);
  for (let i = 0; i < n; i++) (counts[r.weighted(w)] as number)++;
  assert.ok(Math.abs((counts[2] as number) / n - 0.7) < 0.01);
  assert.equal(zipf(3, 1), [1, 1 / 2, 1 / 3]);
});

test.run();
