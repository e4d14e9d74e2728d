import { test } from "uvu";
import * as assert from "uvu/assert";
import { mannWhitneySummary, mannWhitneyTable, verdict, welchSummary, welchTable } from "../../src/jelly/significance-tables";
import type { MannWhitneyU } from "../../src/stats/mann-whitney";
import type { WelchTTest } from "../../src/stats/welch-t-test";

const welch = (p: number, log10p = Math.log10(p)): WelchTTest => ({ t: 4, df: 100, pGreater: p, log10PGreater: log10p, pLess: 1 - p, log10PLess: Math.log10(1 - p), pTwoSided: 2 * p, meanX: 50, meanY: 30, nX: 10, nY: 12 });
const rank = (p: number): MannWhitneyU => ({ u: 80, z: 2, pGreater: p, log10PGreater: Math.log10(p), pLess: 1 - p, log10PLess: Math.log10(1 - p), pTwoSided: 2 * p, nX: 10, nY: 12 });

test("the tests as table rows, p as text with its digits and log10 p beside it, a missing result as nulls", () => {
  assert.equal(welchTable([{ label: "a", result: welch(1e-40) }, { label: "tiny", result: welch(0, -317.35) }, { label: "b", result: null }]).toRecords(), [
    { test: "a", n_x: 10, n_y: 12, mean_x: 50, mean_y: 30, t: 4, df: 100, p_one_sided: "1.00 × 10⁻⁴⁰", log10_p_one_sided: -40 },
    { test: "tiny", n_x: 10, n_y: 12, mean_x: 50, mean_y: 30, t: 4, df: 100, p_one_sided: "< 10⁻³⁰⁰ (log₁₀ p = −317.4)", log10_p_one_sided: -317.35 },
    { test: "b", n_x: null, n_y: null, mean_x: null, mean_y: null, t: null, df: null, p_one_sided: null, log10_p_one_sided: null },
  ]);
  assert.equal(mannWhitneyTable([{ label: "r", result: rank(0.01) }]).toRecords(), [{ test: "r", n_x: 10, n_y: 12, u: 80, z: 2, p_one_sided: "0.0100", log10_p_one_sided: -2 }]);
});

test("the results as the report records them, the samples named", () => {
  assert.equal(Object.entries(welchSummary(welch(0.01), "netflix", "youtube") ?? {}), [
    ["t", 4], ["df", 100], ["p_one_sided", 0.01], ["log10_p_one_sided", -2], ["n_netflix", 10], ["n_youtube", 12], ["mean_netflix", 50], ["mean_youtube", 30],
  ]);
  assert.equal(Object.entries(mannWhitneySummary(rank(0.01), "netflix", "youtube") ?? {}), [["u", 80], ["z", 2], ["p_one_sided", 0.01], ["log10_p_one_sided", -2], ["n_netflix", 10], ["n_youtube", 12]]);
  assert.is(welchSummary(null, "a", "b"), null);
  assert.is(mannWhitneySummary(null, "a", "b"), null);
});

test("one sentence on whether the rank test changes the conclusion", () => {
  assert.is(
    verdict(welch(3.2e-40), rank(1.8e-7), "Netflix", "YouTube"),
    "Welch's t-test (p = 3.20 × 10⁻⁴⁰) and the Mann–Whitney U test (p = 1.80 × 10⁻⁷) both find Netflix sessions longer than YouTube sessions at the 5% level: the rank test does not change the conclusion.",
  );
  assert.match(verdict(welch(0, -317.35), rank(1.8e-7), "A", "B"), /^Welch's t-test \(p < 10⁻³⁰⁰ \(log₁₀ p = −317\.4\)\) and .* both find/);
  assert.match(verdict(welch(0.2), rank(0.3), "A", "B"), /^Neither .* does not change the conclusion\.$/);
  assert.match(verdict(welch(0.01), rank(0.3), "A", "B"), /disagree: only the t-test/);
  assert.match(verdict(welch(0.3), rank(0.01), "A", "B"), /disagree: only the rank test/);
  assert.match(verdict(null, rank(0.01), "A", "B"), /too small/);
});

test.run();
