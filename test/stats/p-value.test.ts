import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatPValue } from "../../src/stats/p-value";

test("ordinary p-values with three significant digits", () => {
  assert.is(formatPValue(0.07939), "0.0794");
  assert.is(formatPValue(1), "1.00");
  assert.is(formatPValue(0.000121), "0.000121");
  assert.is(formatPValue(5.2394260775867e-210), "5.24 × 10⁻²¹⁰");
  assert.is(formatPValue(3.2e-40, Math.log10(3.2e-40)), "3.20 × 10⁻⁴⁰");
  assert.is(formatPValue(9.996e-5), "1.00 × 10⁻⁴");
});

test("below 10⁻³⁰⁰: the bound and log10 p, even where p is 0 as a double", () => {
  assert.is(formatPValue(0, -317.35127534491895), "< 10⁻³⁰⁰ (log₁₀ p = −317.4)");
  assert.is(formatPValue(1e-305), "< 10⁻³⁰⁰ (log₁₀ p = −305.0)");
  // Just above the floor a p still has its digits.
  assert.is(formatPValue(4.5e-299), "4.50 × 10⁻²⁹⁹");
  // Without the log, a 0 can only say so.
  assert.is(formatPValue(0), "< 10⁻³⁰⁰ (log₁₀ p = −Infinity)");
});

test("a missing p", () => {
  assert.is(formatPValue(null), "–");
  assert.is(formatPValue(NaN), "–");
});

test.run();
