// The tests' results as small tables for the report, and the sentence comparing their verdicts.
import * as pl from "nodejs-polars";
import type { MannWhitneyU } from "../stats/mann-whitney";
import { formatPValue } from "../stats/p-value";
import type { WelchTTest } from "../stats/welch-t-test";

export interface Labelled<T> {
  label: string;
  result: T | null;
}

/**
 * label, n_x, n_y, mean_x, mean_y, t, df, p_one_sided (H₁: x > y) as text with its digits at any size,
 * log10_p_one_sided. A null result gives a row of nulls.
 */
export function welchTable(rows: Labelled<WelchTTest>[]): pl.DataFrame {
  const col = (f: (r: WelchTTest) => number) => rows.map((r) => (r.result ? f(r.result) : null));
  return pl.DataFrame({
    test: pl.Series("test", rows.map((r) => r.label), pl.Utf8),
    n_x: pl.Series("n_x", col((r) => r.nX), pl.Int32),
    n_y: pl.Series("n_y", col((r) => r.nY), pl.Int32),
    mean_x: pl.Series("mean_x", col((r) => r.meanX), pl.Float64),
    mean_y: pl.Series("mean_y", col((r) => r.meanY), pl.Float64),
    t: pl.Series("t", col((r) => r.t), pl.Float64),
    df: pl.Series("df", col((r) => r.df), pl.Float64),
    p_one_sided: pl.Series("p_one_sided", pText(rows, (r) => r.pGreater, (r) => r.log10PGreater), pl.Utf8),
    log10_p_one_sided: pl.Series("log10_p_one_sided", col((r) => r.log10PGreater), pl.Float64),
  });
}

/** label, n_x, n_y, u, z, p_one_sided (H₁: x tends to be larger) as text, log10_p_one_sided. */
export function mannWhitneyTable(rows: Labelled<MannWhitneyU>[]): pl.DataFrame {
  const col = (f: (r: MannWhitneyU) => number) => rows.map((r) => (r.result ? f(r.result) : null));
  return pl.DataFrame({
    test: pl.Series("test", rows.map((r) => r.label), pl.Utf8),
    n_x: pl.Series("n_x", col((r) => r.nX), pl.Int32),
    n_y: pl.Series("n_y", col((r) => r.nY), pl.Int32),
    u: pl.Series("u", col((r) => r.u), pl.Float64),
    z: pl.Series("z", col((r) => r.z), pl.Float64),
    p_one_sided: pl.Series("p_one_sided", pText(rows, (r) => r.pGreater, (r) => r.log10PGreater), pl.Utf8),
    log10_p_one_sided: pl.Series("log10_p_one_sided", col((r) => r.log10PGreater), pl.Float64),
  });
}

/**
 * Welch's t-test as the report records it, the samples named (x = "netflix", y = "youtube"): t, df,
 * p_one_sided, log10_p_one_sided, n_x, n_y, mean_x, mean_y; null when a sample is too small.
 */
export function welchSummary(r: WelchTTest | null, x: string, y: string): Record<string, number> | null {
  if (!r) return null;
  return { t: r.t, df: r.df, p_one_sided: r.pGreater, log10_p_one_sided: r.log10PGreater, [`n_${x}`]: r.nX, [`n_${y}`]: r.nY, [`mean_${x}`]: r.meanX, [`mean_${y}`]: r.meanY };
}

/** The Mann–Whitney U test as the report records it: u, z, p_one_sided, log10_p_one_sided, n_x, n_y. */
export function mannWhitneySummary(r: MannWhitneyU | null, x: string, y: string): Record<string, number> | null {
  if (!r) return null;
  return { u: r.u, z: r.z, p_one_sided: r.pGreater, log10_p_one_sided: r.log10PGreater, [`n_${x}`]: r.nX, [`n_${y}`]: r.nY };
}

function pText<T>(rows: Labelled<T>[], p: (r: T) => number, log10p: (r: T) => number): (string | null)[] {
  return rows.map((r) => (r.result ? formatPValue(p(r.result), log10p(r.result)) : null));
}

/**
 * One sentence: do the t-test and the rank test agree that x is larger than y at level `alpha`?
 * `x` and `y` name the samples ("Netflix", "YouTube").
 */
export function verdict(welch: WelchTTest | null, rank: MannWhitneyU | null, x: string, y: string, alpha = 0.05): string {
  if (!welch || !rank) return `One of the samples is too small to test whether ${x} sessions are longer than ${y} sessions.`;
  const w = welch.pGreater < alpha;
  const r = rank.pGreater < alpha;
  const p = (v: number, log10: number) => {
    const text = formatPValue(v, log10);
    return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
  };
  const both = `Welch's t-test (${p(welch.pGreater, welch.log10PGreater)}) and the Mann–Whitney U test (${p(rank.pGreater, rank.log10PGreater)})`;
  if (w && r) return `${both} both find ${x} sessions longer than ${y} sessions at the ${alpha * 100}% level: the rank test does not change the conclusion.`;
  if (!w && !r) return `Neither ${both} finds ${x} sessions longer than ${y} sessions at the ${alpha * 100}% level: the rank test does not change the conclusion.`;
  return w
    ? `${both} disagree: only the t-test finds ${x} sessions longer than ${y} sessions at the ${alpha * 100}% level, so the conclusion rests on the means, not on typical sessions.`
    : `${both} disagree: only the rank test finds ${x} sessions longer than ${y} sessions at the ${alpha * 100}% level, so typical sessions differ even though the means do not clearly.`;
}
