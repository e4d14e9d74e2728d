import { test } from "uvu";
import * as assert from "uvu/assert";
import { cumulative, Random, weightedPicker, zipf } from "../../src/stats/random";

test("mulberry32: the reference implementation's first outputs for seed 1", () => {
  // A Python transcription of the C reference (state += 0x6D2B79F5; ...) gives, for seed 1,
  // 2693262067, 11749833, 2265367787 (each divided by 2^32).
  const r = new Random(1);
  assert.equal([r.next(), r.next(), r.next()].map((u) => u * 4294967296), [2693262067, 11749833, 2265367787]);
});

test("same seed, same stream; ranges and means as expected", () => {
  const a = new Random(42);
  const b = new Random(42);
  for (let i = 0; i < 5; i++) assert.is(a.next(), b.next());
  const r = new Random(5);
  let s = 0;
  let p = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const k = r.int(10);
    assert.ok(k >= 0 && k < 10 && Number.isInteger(k));
    s += r.exponential(2);
    p += r.poisson(3);
  }
  assert.ok(Math.abs(s / n - 2) < 0.1, `exponential mean ${s / n}`);
  assert.ok(Math.abs(p / n - 3) < 0.1, `poisson mean ${p / n}`);
});

test("weightedPicker draws each index in proportion to its weight", () => {
  const only = weightedPicker([0, 5, 0], new Random(1));
  for (let i = 0; i < 100; i++) assert.is(only(), 1);
  const pick = weightedPicker([1, 3], new Random(2));
  let ones = 0;
  for (let i = 0; i < 40_000; i++) ones += pick();
  assert.ok(Math.abs(ones / 40_000 - 0.75) < 0.01, `share ${ones / 40_000}`);
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
