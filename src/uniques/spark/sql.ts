// The same computation as one SQL statement over a `webrequest` table, for a cluster (Spark SQL or
// HiveQL: the text is valid in both) or, in the SQLite dialect, for checking it locally. The
// conditions come from definition.ts, exactly as the polars estimator uses them; only reading
// X-Analytics and dates differs between engines, in the few primitives of each dialect below.
import { DataError } from "../../errors";
import { isDayString, type DayString } from "../../calendar";
import { COOKIE_DATE_PATTERN, COOKIELESS, COUNTED, FRESH_SESSION_REQUESTS, LAST_ACCESS_PATTERN, MONTH_ABBREVIATIONS, NOCOOKIES_PATTERN, OLD_OR_NO_LAST_ACCESS, SIGNATURE, toSql } from "../definition";
import type { Period } from "../definition";

export type Dialect = "spark" | "sqlite";

export interface SqlOptions {
  period: Period;
  /**
   * A day (`2016-01-15`); for a monthly statement, any day of the month or `2016-01`. Without it,
   * every day (or calendar month) in the table, one row per domain and period.
   */
  date?: string;
  /** Default `webrequest`. */
  table?: string;
  /** Default `spark` (Spark SQL and HiveQL); `sqlite` runs on SQLite 3.44 or later. */
  dialect?: Dialect;
  /** Also filter on the table's `year`, `month` (and `day`) partition columns, as wmf.webrequest needs. */
  partitioned?: boolean;
}

interface Primitives {
  /** A date constant. */
  date(day: DayString): string;
  /** True when X-Analytics has `nocookies=1`. */
  cookieless(xa: string): string;
  /** The WMF-Last-Access value, NULL without the key. */
  lastAccessValue(xa: string): string;
  /** True when the value has the shape of COOKIE_DATE_PATTERN. */
  cookieDateShape(value: string): string;
  /** A `yyyy-mm-dd` text as a date, NULL when the calendar has no such day. */
  isoDate(iso: string): string;
  /** A `yyyy-mm-dd` text known to be a calendar day, as a date. */
  toDate(iso: string): string;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

const DIALECTS: Record<Dialect, Primitives> = {
  spark: {
    date: (day) => `DATE ${sqlString(day)}`,
    cookieless: (xa) => `${xa} RLIKE ${sqlString(NOCOOKIES_PATTERN)}`,
    lastAccessValue: (xa) => `CASE WHEN ${xa} RLIKE ${sqlString(LAST_ACCESS_PATTERN)} THEN regexp_extract(${xa}, ${sqlString(LAST_ACCESS_PATTERN)}, 2) END`,
    cookieDateShape: (v) => `${v} RLIKE ${sqlString(COOKIE_DATE_PATTERN)}`,
    // Hive's to_date rolls 2016-02-31 over to March; Spark returns NULL. The round trip rejects it in both.
    isoDate: (iso) => `CASE WHEN CAST(to_date(${iso}) AS STRING) = ${iso} THEN to_date(${iso}) END`,
    toDate: (iso) => `to_date(${iso})`,
  },
  sqlite: {
    // SQLite keeps dates as ISO text, which compares in date order.
    date: (day) => sqlString(day),
    cookieless: (xa) => `instr(';' || ${xa} || ';', ';nocookies=1;') > 0`,
    lastAccessValue: (xa) => {
      const rest = `substr(';' || ${xa}, instr(';' || ${xa}, ';WMF-Last-Access=') + 17)`;
      return `CASE WHEN instr(';' || ${xa}, ';WMF-Last-Access=') > 0 THEN substr(${rest}, 1, instr(${rest} || ';', ';') - 1) END`;
    },
    // GLOB has no alternatives: two digits here let 00 and 32 through, which isoDate then rejects.
    cookieDateShape: (v) => {
      const tail = "-[A-Za-z][A-Za-z][A-Za-z]-[0-9][0-9][0-9][0-9]";
      return `(${v} GLOB '[0-9][0-9]${tail}' OR ${v} GLOB '[1-9]${tail}' OR ${v} GLOB ' [1-9]${tail}')`;
    },
    isoDate: (iso) => `CASE WHEN date(${iso}, '+0 days') = ${iso} THEN ${iso} END`,
    toDate: (iso) => iso,
  },
};

/** The first day of the period and the first day after it. */
export function periodBounds(period: Period, date: string): { start: DayString; end: DayString; label: string } {
  const day = period === "month" && /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
  if (!isDayString(day)) throw new DataError(`--date: expected a day such as 2016-01-15${period === "month" ? " or a month such as 2016-01" : ""}, got '${date}'`);
  if (period === "day") {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return { start: day, end: next, label: day };
  }
  const [y, m] = day.split("-").map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { start: `${day.slice(0, 7)}-01`, end, label: day.slice(0, 7) };
}

/** `yyyy-mm-dd` from a value shaped like `14-Dec-2015` (NULL otherwise), in SQL the dialects share. */
function cookieIsoSql(p: Primitives, v: string): string {
  const dayPart = `trim(substr(${v}, 1, instr(${v}, '-') - 1))`;
  const monthPart = `lower(substr(${v}, instr(${v}, '-') + 1, 3))`;
  const monthNumber = `CASE ${monthPart} ${MONTH_ABBREVIATIONS.map((m, i) => `WHEN '${m}' THEN '${String(i + 1).padStart(2, "0")}'`).join(" ")} END`;
  return `CASE WHEN ${p.cookieDateShape(v)}
      THEN concat(substr(${v}, -4), '-', ${monthNumber}, '-', substr(concat('0', ${dayPart}), -2)) END`;
}

/** The period's column in the statement's answer: `day` (`2016-01-15`) or `month` (`2016-01`). */
export const periodColumn = (period: Period): "day" | "month" => period;

/**
 * Where the statement reads its rows and what period each belongs to: one given period (a range
 * of dt, and the partitions), or every period in the table (the period's first day from dt).
 */
function periodSelection(p: Primitives, options: SqlOptions): { periodStart: string; label: string; where: string; heading: string } {
  const { period } = options;
  const name = periodColumn(period);
  if (options.date === undefined) {
    const label = `substr(dt, 1, ${period === "day" ? 10 : 7})`;
    const periodStart = p.toDate(period === "day" ? label : `concat(${label}, '-01')`);
    return { periodStart, label: `${label} AS ${name}`, where: "", heading: `every ${period} in ${options.table ?? "webrequest"}` };
  }
  const { start, end, label } = periodBounds(period, options.date);
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const partitions = options.partitioned ? ` AND year = ${y} AND month = ${m}${period === "day" ? ` AND day = ${d}` : ""}` : "";
  return { periodStart: p.date(start), label: `${sqlString(label)} AS ${name}`, where: `\n  WHERE dt >= '${start}' AND dt < '${end}'${partitions}`, heading: label };
}

/**
 * The statement: one row per domain (and period: column `day` or `month`) with
 * uniques_underestimate, uniques_offset, uniques_estimate, sorted by domain and period.
 */
export function uniquesSql(options: SqlOptions): string {
  const { period, table = "webrequest", dialect = "spark" } = options;
  const p = DIALECTS[dialect];
  const { periodStart, label, where, heading } = periodSelection(p, options);
  const name = periodColumn(period);
  const xa = "coalesce(x_analytics, '')";
  const signature = SIGNATURE.join(", ");
  return `-- Unique devices per domain, ${period === "day" ? "daily" : "monthly"}: ${heading}, by the last-access method
-- (https://wikitech.wikimedia.org/wiki/Analytics/Unique_Devices/Last_access_solution).
-- Generated by src/uniques/spark/sql.ts from src/uniques/definition.ts, the definition the local estimator uses.
-- Dialect: ${dialect === "spark" ? "Spark SQL (with spark.sql.ansi.enabled=false, as Hive reads dates) and HiveQL" : "SQLite"}.
WITH requests AS (
  SELECT
    lower(uri_host) AS domain,
    ${periodStart} AS period_start,
    ${label},
    ${p.cookieless(xa)} AS nocookies,
    ${p.lastAccessValue(xa)} AS last_access_value,
    agent_type, is_pageview, ${signature}
  FROM ${table}${where}
),
counted AS (
  -- users (not spiders), pageviews only
  SELECT * FROM requests
  WHERE ${toSql(COUNTED)}
),
cookie_dates AS (
  -- the WMF-Last-Access value as yyyy-mm-dd when it reads like 14-Dec-2015
  SELECT *, ${cookieIsoSql(p, "last_access_value")} AS last_access_iso
  FROM counted
),
dated AS (
  -- ... and names a day the calendar has (not 31-Feb-2016); anything else counts as absent
  SELECT *, ${p.isoDate("last_access_iso")} AS last_access
  FROM cookie_dates
),
underestimate AS (
  -- some cookie, and a last-access date before the period's first day, or none
  SELECT domain, ${name}, COUNT(*) AS uniques_underestimate
  FROM dated
  WHERE ${toSql(OLD_OR_NO_LAST_ACCESS)}
  GROUP BY domain, ${name}
),
fresh_sessions AS (
  -- cookie-less signatures (${signature}) seen exactly once in the period
  SELECT domain, ${name}
  FROM dated
  WHERE ${toSql(COOKIELESS)}
  GROUP BY domain, ${name}, ${signature}
  HAVING COUNT(*) = ${FRESH_SESSION_REQUESTS}
),
offset_counts AS (
  SELECT domain, ${name}, COUNT(*) AS uniques_offset
  FROM fresh_sessions
  GROUP BY domain, ${name}
),
both_parts AS (
  SELECT domain, ${name}, uniques_underestimate, 0 AS uniques_offset FROM underestimate
  UNION ALL
  SELECT domain, ${name}, 0 AS uniques_underestimate, uniques_offset FROM offset_counts
)
SELECT
  domain,
  ${name},
  SUM(uniques_underestimate) AS uniques_underestimate,
  SUM(uniques_offset) AS uniques_offset,
  SUM(uniques_underestimate) + SUM(uniques_offset) AS uniques_estimate
FROM both_parts
GROUP BY domain, ${name}
ORDER BY domain, ${name}
`;
}
