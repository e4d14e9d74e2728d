// One month of the input: the report for a calendar month alone. The method makes it exact: a
// day's count reads only that day's requests (their last-access dates and signatures), a month's
// only that month's, so the counts kept are the whole run's for that month's days and for the month.
// What needs more than a month (six weeks of days for the data-quality analysis) cannot be made.
import * as pl from "nodejs-polars";
import { monthParameter, type DayString, type MonthString } from "../calendar";
import { emit } from "../display/emit";
import { DataError } from "../errors";
import type { UniquesInput } from "./input";
import type { Truth } from "./load/truth";
import type { Requests } from "./load/webrequest";

const inMonth = (column: pl.Expr, month: MonthString) => column.dt.strftime("%Y-%m").eq(pl.lit(month));
const textInMonth = (column: pl.Expr, month: MonthString) => column.str.slice(0, 7).eq(pl.lit(month));

/** The days the input holds, first to last. */
export function inputDays(input: UniquesInput): DayString[] {
  const days = input.counts
    ? (input.counts.daily.getColumn("day").toArray() as string[])
    : (input.requests!.counts.select(pl.col("day").dt.strftime("%Y-%m-%d")).getColumn("day").toArray() as string[]);
  return [...new Set(days)].sort();
}

/** The requests of one month: their counts and their signatures, and how many there are. */
export function requestsInMonth(requests: Requests, month: MonthString): Requests {
  const counts = requests.counts.filter(inMonth(pl.col("day"), month));
  return {
    ...requests,
    rows: Number(counts.getColumn("requests").sum()),
    counts,
    signatures: {
      day: requests.signatures.day.filter(inMonth(pl.col("period_start"), month)),
      month: requests.signatures.month.filter(inMonth(pl.col("period_start"), month)),
    },
  };
}

/**
 * The input for `month` (`YYYY-MM`) only; `""` gives `input` as it is (every month). A month the
 * input has no day of is a DataError saying which days it holds.
 */
export function inputInMonth(input: UniquesInput, month: string): UniquesInput {
  const m = monthParameter("month", month);
  if (m === null) return input;
  const days = inputDays(input);
  if (!days.some((d) => d.startsWith(`${m}-`))) {
    const span = days.length ? `it holds ${days[0]} to ${days[days.length - 1]}` : "it holds no day";
    throw new DataError(`parameter month = "${m}": ${input.source} has no requests in that month (${span}); choose a month in it, or "" for every month`);
  }
  if (input.counts) {
    const { daily, monthly } = input.counts;
    return { ...input, counts: { daily: daily.filter(textInMonth(pl.col("day"), m)), monthly: monthly.filter(pl.col("month").eq(pl.lit(m))) } };
  }
  return { ...input, requests: requestsInMonth(input.requests!, m) };
}

/** The truth for `month` only (its days and the month); the what-if runs stay as they are, over the whole simulation. `""`: as it is. */
export function truthInMonth(truth: Truth | undefined, month: string): Truth | undefined {
  const m = monthParameter("month", month);
  if (m === null || truth === undefined) return truth;
  return { ...truth, daily: truth.daily.filter(textInMonth(pl.col("day"), m)), monthly: truth.monthly.filter(pl.col("month").eq(pl.lit(m))) };
}

/** Which period the report covers, as a sentence. */
export function monthCoverage(input: UniquesInput, month: string): string {
  const m = monthParameter("month", month);
  const days = inputDays(input);
  const span = days.length ? `${days[0]} to ${days[days.length - 1]}` : "no day";
  if (m === null) return `This report covers every month of the input: the days ${span}.`;
  return `This report covers ${m} only: the days ${span} and the month as a whole. The input's other months are left out; each number below is the one the whole run gives for this month and its days.`;
}

/** Shows, in place of the data-quality analysis, why it was not made: fewer than six whole weeks of days. */
export function noQualityWeeks(daily: pl.DataFrame): void {
  const days = [...new Set(daily.getColumn("day").toArray() as string[])].sort();
  const span = days.length ? `${days[0]} to ${days[days.length - 1]}` : "no day";
  const why = `the analysis needs six whole weeks (Monday to Sunday) of daily numbers, and this report covers ${span}`;
  emit({ "text/markdown": `**Not computed.** The data-quality analysis is left out: ${why}. Run the report on every month to see it.`, "text/plain": `Not computed: the data-quality analysis is left out: ${why}.` });
}
