// The deliverable of the method: the monthly report, one row per project bucket (desktop and
// mobile added up), one column per month, the overall total last.
import * as pl from "nodejs-polars";
import { projectUniques } from "./estimate";

export const TOTAL_LABEL = "overall total (not deduplicated across projects)";

interface ProjectMonth {
  bucket: string;
  month: string;
  estimate: number;
}

/**
 * Rows: buckets such as `en.wikipedia`, largest in the last month first, then the overall total;
 * columns: `bucket` and one per month (`2016-01`, ...) holding the estimate. A bucket with no
 * uniques in a month shows 0. Every number is a sum over domains that nobody deduplicated.
 */
export function monthlyReport(monthlyByDomain: pl.DataFrame): pl.DataFrame {
  const rows = projectUniques(monthlyByDomain).toRecords() as unknown as ProjectMonth[];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const last = months[months.length - 1];
  const cell = new Map(rows.map((r) => [`${r.bucket}|${r.month}`, Number(r.estimate)]));
  const at = (bucket: string, month: string) => cell.get(`${bucket}|${month}`) ?? 0;
  const buckets = [...new Set(rows.map((r) => r.bucket))].sort((a, b) => (last ? at(b, last) - at(a, last) : 0) || a.localeCompare(b));
  const columns: Record<string, pl.Series> = { bucket: pl.Series("bucket", [...buckets, TOTAL_LABEL], pl.Utf8) };
  for (const month of months) {
    const values = buckets.map((b) => at(b, month));
    columns[month] = pl.Series(month, [...values, values.reduce((s, x) => s + x, 0)], pl.Int64);
  }
  return pl.DataFrame(columns);
}
