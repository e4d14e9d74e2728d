// Reads a web-request extract (.tsv, .tsv.gz or .parquet) lazily and streams it once through
// polars' streaming engine into a compact table: the requests counted by every value the method
// reads (domain, day, agent type, pageview, nocookies, the last-access value, and the signature of
// cookie-less requests). Ten million rows become a few hundred thousand; memory stays bounded.
//
// Gzip: polars' scanCSV reads .gz itself. Its default engine inflates the whole file in memory
// first (5 GB for a 1.7 GB text); the streaming engine, used here, inflates as it reads.
import { existsSync, statSync } from "node:fs";
import * as pl from "nodejs-polars";
import { DataError } from "../errors";
import { cookieDate, delimited, isCookieless, lastAccessPrefix, lastAccessValue, SIGNATURE } from "./definition";
import { AGENT_TYPES, COLUMNS, EXPECTED, type Column } from "./schema";

/** The extract's requests, counted by what the method reads. */
export interface Requests {
  /** The file (or name) they came from, for messages. */
  source: string;
  /** Requests in the extract. */
  rows: number;
  /**
   * One row per distinct combination of: domain (lower-case host), day (Date), agent_type,
   * is_pageview (Boolean), nocookies (Boolean), last_access (Date, null when absent or
   * unreadable), unreadable_last_access (Boolean: a value was there but is not a date) and
   * signature (UInt64 hash of ip, user_agent and accept_language; cookie-less requests only,
   * null otherwise), with `requests`, how many requests share it.
   */
  counts: pl.DataFrame;
}

/** One request as the extract writes it: every column as text. */
export type RequestRow = Record<Column, string>;

/** ISO 8601 in UTC: `2016-01-15T03:13:55Z` (a space for the T, fractions of a second, no Z, or +00:00 are fine too). */
const DT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|\\+00:00)?$";

type Format = "tsv" | "parquet";

function formatOf(file: string): Format {
  if (/\.parquet$/i.test(file)) return "parquet";
  if (/\.(tsv|tsv\.gz|txt|txt\.gz)$/i.test(file)) return "tsv";
  throw new DataError(`${file}: expected a .tsv, .tsv.gz or .parquet web-request extract`);
}

/** The extract as a lazy frame of text columns, after checking that the file and its columns are there. */
export function scanWebrequest(file: string): pl.LazyDataFrame {
  if (!existsSync(file) || !statSync(file).isFile()) throw new DataError(`${file}: no such file`);
  const format = formatOf(file);
  let scan: pl.LazyDataFrame;
  try {
    scan =
      format === "tsv"
        ? // No quoting: a User-Agent may start with a quote. Empty fields stay empty strings, as the reference reads them.
          pl.scanCSV(file, { sep: "\t", quoteChar: undefined, inferSchemaLength: 0, missingUtf8IsEmptyString: true, hasHeader: true })
        : pl.scanParquet(file);
  } catch (e) {
    throw new DataError(`${file}: could not be read as ${format === "tsv" ? "a TSV file" : "Parquet"}: ${firstLine(e)}`);
  }
  const present = new Set(columnsOf(scan, file));
  const absent = COLUMNS.filter((c) => !present.has(c));
  if (absent.length > 0) {
    const which = absent.map((c) => `'${c}' (${EXPECTED[c]})`).join(", ");
    throw new DataError(`${file}: column${absent.length > 1 ? "s" : ""} ${which} missing; the header has ${[...present].map((c) => `'${c}'`).join(", ")}`);
  }
  // Parquet may type its columns (a Boolean is_pageview, a timestamp dt): read them as the text the checks expect.
  return format === "parquet" ? scan.select(COLUMNS.map((c) => pl.col(c).cast(pl.Utf8).fillNull(""))) : scan;
}

function columnsOf(scan: pl.LazyDataFrame, file: string): string[] {
  try {
    return scan.columns;
  } catch (e) {
    throw new DataError(`${file}: could not read the header: ${firstLine(e)}`);
  }
}

/** A value as it goes into a message: long ones cut, so that a line that is all one field stays readable. */
function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split("\n")[0] ?? "";
}

/** Streams the extract once and counts its requests (see Requests). */
export function loadRequests(file: string): Requests {
  return countRequests(() => scanWebrequest(file), file, formatOf(file) === "tsv" ? "line" : "row");
}

/** The same from rows in memory (tests): every column as the extract writes it. */
export function requestsFromRows(rows: RequestRow[], source = "requests"): Requests {
  const frame = pl.DataFrame(Object.fromEntries(COLUMNS.map((c) => [c, pl.Series(c, rows.map((r) => r[c]), pl.Utf8)])));
  return countRequests(() => frame.lazy(), source, "row");
}

/** How a bad row is named: `line` counts the header as line 1 (TSV); `row` counts data rows from 1. */
type RowNaming = "line" | "row";

function countRequests(scan: () => pl.LazyDataFrame, source: string, naming: RowNaming): Requests {
  const xAnalytics = pl.col("xa");
  const nocookies = isCookieless(xAnalytics);
  // hash(ip, user_agent, accept_language) as a hash of the three columns' hashes: no string is built per request.
  const signature = pl.struct(SIGNATURE.map((c) => pl.col(c).hash())).hash();
  let tally: pl.DataFrame;
  try {
    tally = scan()
      .withColumns(delimited(pl.col("x_analytics")).alias("xa"))
      .select(
        pl.col("uri_host"),
        pl.col("dt").str.slice(0, 10).alias("day"),
        pl.col("dt").str.contains(DT_PATTERN).alias("dt_ok"),
        pl.col("agent_type"),
        pl.col("is_pageview"),
        nocookies.alias("nocookies"),
        lastAccessPrefix(xAnalytics).alias("last_access"),
        // The offset only looks at cookie-less requests; keeping the signature of the others would
        // make a group of every device.
        pl.when(nocookies).then(signature.cast(pl.UInt64)).otherwise(pl.lit(null).cast(pl.UInt64)).alias("signature"),
      )
      .groupBy(["uri_host", "day", "dt_ok", "agent_type", "is_pageview", "nocookies", "last_access", "signature"])
      .agg(pl.len().alias("requests"))
      .collectSync({ engine: "streaming" });
  } catch (e) {
    throw new DataError(`${source}: could not be read: ${firstLine(e)}`);
  }
  if (tally.height === 0) throw new DataError(`${source}: holds no requests, only a header`);
  check(tally, scan, source, naming);
  const lastAccess = cookieDate(lastAccessValue(pl.col("last_access")));
  const counts = tally
    .lazy()
    .select(
      pl.col("uri_host").str.toLowerCase().alias("domain"),
      pl.col("day").str.strptime(pl.Date, "%Y-%m-%d"),
      pl.col("agent_type"),
      pl.col("is_pageview").eq(pl.lit("true")).alias("is_pageview"),
      pl.col("nocookies"),
      lastAccess.alias("last_access"),
      pl.col("last_access").isNotNull().and(lastAccess.isNull()).alias("unreadable_last_access"),
      pl.col("signature"),
      pl.col("requests").cast(pl.Int64),
    )
    .collectSync();
  return { source, rows: Number(counts.getColumn("requests").sum()), counts };
}

interface Rule {
  column: Column;
  /** On the tally: true where some row breaks the rule. */
  inTally: pl.Expr;
  /** On the rows: true where this row breaks it. */
  inRows: pl.Expr;
}

const dtBroken = (dt: pl.Expr, ok: pl.Expr) => ok.not().or(dt.str.slice(0, 10).str.strptime(pl.Date, "%Y-%m-%d").isNull());
const RULES: Rule[] = [
  { column: "dt", inTally: dtBroken(pl.col("day"), pl.col("dt_ok")), inRows: dtBroken(pl.col("dt"), pl.col("dt").str.contains(DT_PATTERN)) },
  { column: "agent_type", inTally: pl.col("agent_type").isIn([...AGENT_TYPES]).not(), inRows: pl.col("agent_type").isIn([...AGENT_TYPES]).not() },
  { column: "is_pageview", inTally: pl.col("is_pageview").isIn(["true", "false"]).not(), inRows: pl.col("is_pageview").isIn(["true", "false"]).not() },
];

/**
 * The tally shows whether any row breaks a rule at no extra cost; only then is the file read a
 * second time, to name the first bad row.
 */
function check(tally: pl.DataFrame, scan: () => pl.LazyDataFrame, source: string, naming: RowNaming): void {
  for (const rule of RULES) {
    if (tally.filter(rule.inTally).height === 0) continue;
    const first = scan()
      .withRowIndex("row")
      .filter(rule.inRows)
      .select(pl.col("row"), pl.col(rule.column))
      .sort("row")
      .head(1)
      .collectSync({ engine: "streaming" });
    const row = Number(first.getColumn("row").get(0));
    const value = shorten(String(first.getColumn(rule.column).get(0)));
    const where = naming === "line" ? `line ${row + 2}` : `row ${row + 1}`;
    throw new DataError(`${source} ${where}: ${rule.column} is '${value}', expected ${EXPECTED[rule.column]}`);
  }
}
