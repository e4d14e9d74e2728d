// The simulation's ground truth, as simulate/write.ts writes it beside the extract: distinct human
// devices per domain and day or month, and the what-if runs (simulate/mechanisms.ts).
import { readFileSync } from "node:fs";
import * as pl from "nodejs-polars";
import { isDayString } from "../../calendar";
import { DataError } from "../../errors";
import { noteInput } from "../../io/inputs";

export interface Truth {
  source: string;
  /** domain, day (text), truth */
  daily: pl.DataFrame;
  /** domain, month (text), truth */
  monthly: pl.DataFrame;
  /** The simulation's what-if runs (simulate/mechanisms.ts), when the file has them: scenario, platform, estimate, truth, relative_error, change. */
  whatIf?: pl.DataFrame;
  /** The scale the what-if runs were simulated at. */
  whatIfScale?: number;
}

/** Reads a truth file: `{"daily": {"domain|2016-01-15": n}, "monthly": {"domain|2016-01": n}}` (daily optional). */
export function readTruth(file: string): Truth {
  noteInput(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DataError(`${file}: expected a JSON truth file: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseTruth(json, file);
}

/** No truth for an empty path (the notebook's truthPath is optional), else readTruth. */
export function optionalTruth(file: string): Truth | undefined {
  return file.trim() === "" ? undefined : readTruth(file);
}

/** The same from the parsed JSON (a simulation's `truth()`). */
export function parseTruth(json: unknown, source: string): Truth {
  if (typeof json !== "object" || json === null || !("monthly" in json)) throw new DataError(`${source}: expected an object with "monthly" (and "daily") counts`);
  const { daily = {}, monthly, what_if: whatIf } = json as { daily?: unknown; monthly: unknown; what_if?: unknown };
  return { source, daily: table(source, "daily", daily, "day"), monthly: table(source, "monthly", monthly, "month"), ...whatIfTable(source, whatIf) };
}

function whatIfTable(source: string, whatIf: unknown): { whatIf?: pl.DataFrame; whatIfScale?: number } {
  if (whatIf === undefined) return {};
  const { scale, rows } = (whatIf ?? {}) as { scale?: unknown; rows?: unknown };
  const fields = ["scenario", "platform", "estimate", "truth", "relative_error", "change"];
  const ok = (r: unknown) => typeof r === "object" && r !== null && fields.every((f) => f in r);
  if (typeof scale !== "number" || !Array.isArray(rows) || !rows.every(ok)) {
    throw new DataError(`${source}: "what_if" should be {"scale": n, "rows": [{${fields.join(", ")}}]}`);
  }
  return { whatIf: pl.readRecords(rows as Array<Record<string, unknown>>).select(...fields), whatIfScale: scale };
}

function table(file: string, name: string, entries: unknown, period: "day" | "month"): pl.DataFrame {
  if (typeof entries !== "object" || entries === null) throw new DataError(`${file}: "${name}" should map "domain|period" to a count`);
  const domains: string[] = [];
  const periods: string[] = [];
  const counts: number[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const [domain, when, extra] = key.split("|");
    const valid = period === "day" ? isDayString(when ?? "") : /^\d{4}-(0[1-9]|1[0-2])$/.test(when ?? "");
    if (!domain || !valid || extra !== undefined) throw new DataError(`${file}: "${name}" key "${key}": expected "domain|${period === "day" ? "2016-01-15" : "2016-01"}"`);
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new DataError(`${file}: "${name}" "${key}" is ${JSON.stringify(value)}, expected a count of devices`);
    domains.push(domain.toLowerCase());
    periods.push(when as string);
    counts.push(value);
  }
  return pl.DataFrame({ domain: pl.Series("domain", domains, pl.Utf8), [period]: pl.Series(period, periods, pl.Utf8), truth: pl.Series("truth", counts, pl.Int64) });
}
