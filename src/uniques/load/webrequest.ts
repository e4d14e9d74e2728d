// Reads a web-request extract (.tsv, .tsv.gz or .parquet) into what the method reads:
//   counts      the requests counted by domain, day, agent type, pageview, nocookies and the
//               last-access value: ten million rows become some hundred thousand;
//   signatures  the counted cookie-less requests per domain and period: how many signatures sent
//               how many requests (../signatures.ts).
// loadRequests is the one boundary. A text extract goes through the fast path (tally-text.ts: its
// bytes counted as a worker inflates them), which leaves any file it is not sure to read as polars
// does to the plain version, loadRequestsPlain, kept beside it as code: polars' streaming engine
// over the text, its rows cut down to the method's columns spilled to a temporary Parquet file that
// the counts and each slice of the signatures then read (bounded memory however large the
// extract). Both give the same counts (test/uniques/load/tally-text.test.ts), and a bad value is
// named by the plain version's checks (the fast path declines on it).
//
// Gzip: polars' scanCSV reads .gz itself. Its default engine inflates the whole file in memory
// first (5 GB for a 1.7 GB text); the streaming engine, used here, inflates as it reads.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../../errors";
import { noteInput } from "../../io/inputs";
import { COOKIELESS, COUNTED, cookieDate, domainOf, isPageview, SIGNATURE, toPolars } from "../definition";
import { AGENT_TYPES, COLUMNS, EXPECTED, type Column } from "./schema";
import { signatureSizes, type SignatureSizes } from "../signatures";
import { tallyText } from "./tally-text";

/** The extract's requests, counted by what the method reads. */
export interface Requests {
  /** The file (or name) they came from, for messages. */
  source: string;
  /** Requests in the extract. */
  rows: number;
  /**
   * One row per distinct combination of: domain (lower-case host), day (Date), agent_type,
   * is_pageview (Boolean), nocookies (Boolean), last_access (Date, null when absent or
   * unreadable) and unreadable_last_access (Boolean: a value was there but is not a date), with
   * `requests`, how many requests share it.
   */
  counts: pl.DataFrame;
  /** The counted cookie-less requests: per domain and day (month), how many signatures sent how many requests. */
  signatures: SignatureSizes;
  /** How many slices the signatures were reduced in (see LoadOptions; 1 on the fast path). */
  slices: number;
}

export interface LoadOptions {
  /**
   * Counted cookie-less requests per slice of the signatures (default a million, some 250 MB of
   * memory at most): more of them are reduced in more slices, one after another. Given, it makes
   * the plain version read the file: the fast path reduces the signatures in one go, in some
   * 40 to 60 MB per million distinct signatures of a domain and day.
   */
  requestsPerSlice?: number;
}

const REQUESTS_PER_SLICE = 1_000_000;

/** One request as the extract writes it: every column as text. */
export type RequestRow = Record<Column, string>;

/** ISO 8601 in UTC: `2016-01-15T03:13:55Z` (a space for the T, fractions of a second, no Z, or +00:00 are fine too). */
export const DT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|\\+00:00)?$";

type Format = "tsv" | "parquet";

function formatOf(file: string): Format {
  if (/\.parquet$/i.test(file)) return "parquet";
  if (/\.(tsv|tsv\.gz|txt|txt\.gz)$/i.test(file)) return "tsv";
  throw new DataError(`${file}: expected a .tsv, .tsv.gz or .parquet web-request extract`);
}

/** The extract as a lazy frame of text columns, after checking that the file and its columns are there. */
export function scanWebrequest(file: string): pl.LazyDataFrame {
  noteInput(file);
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

/** Reads the extract and counts its requests (see Requests): the fast path for text, else the plain version. */
export function loadRequests(file: string, options: LoadOptions = {}): Requests {
  if (formatOf(file) !== "tsv" || options.requestsPerSlice !== undefined) return loadRequestsPlain(file, options);
  // The file's and the header's checks first, as the plain version makes them.
  const scan = () => scanWebrequest(file);
  scan();
  const fast = tallyText(file);
  if ("declined" in fast) return loadRequestsPlain(file, options);
  const counts = countsOf(fast.tally, scan, file, "line");
  return { source: file, rows: Number(counts.getColumn("requests").sum()), counts, signatures: fast.signatures, slices: 1 };
}

/** The plain version of loadRequests: polars' streaming engine over the whole file. */
export function loadRequestsPlain(file: string, options: LoadOptions = {}): Requests {
  const text = formatOf(file) === "tsv";
  return countRequests(() => scanWebrequest(file), file, text ? "line" : "row", text, options);
}

/** The same from rows in memory (tests): every column as the extract writes it. */
export function requestsFromRows(rows: RequestRow[], source = "requests", options: LoadOptions = {}): Requests {
  const frame = pl.DataFrame(Object.fromEntries(COLUMNS.map((c) => [c, pl.Series(c, rows.map((r) => r[c]), pl.Utf8)])));
  return countRequests(() => frame.lazy(), source, "row", false, options);
}

/** How a bad row is named: `line` counts the header as line 1 (TSV); `row` counts data rows from 1. */
type RowNaming = "line" | "row";

/**
 * Reading X-Analytics, the loader's fast path. The header between semicolons, `;k=v;k=v;`: a key is
 * then found by a literal search for `;key=`, and the WMF-Last-Access value is cut to what a
 * readable date can hold. The plain version reads the raw header with the patterns the SQL uses:
 *   nocookies    pl.col("x_analytics").str.contains(NOCOOKIES_PATTERN)
 *   last_access  pl.col("x_analytics").str.extract(LAST_ACCESS_PATTERN, 2)
 * with the same answers for every header (test/uniques/load/webrequest.test.ts).
 */
export function delimited(xAnalytics: pl.Expr): pl.Expr {
  return pl.concatString([pl.lit(";"), xAnalytics, pl.lit(";")], "");
}

/** `nocookies=1` among the keys of a delimited header (NOCOOKIES_PATTERN). */
export function isCookieless(delimitedXa: pl.Expr): pl.Expr {
  return delimitedXa.str.contains(";nocookies=1;", true);
}

/**
 * What follows ";WMF-Last-Access=" in a delimited header, cut to 12 characters; null without the
 * key. A readable date has at most 11 characters, so the cut keeps every readable value whole
 * (with the ";" after it) and leaves a longer value longer than any readable date, i.e. still
 * unreadable.
 */
export function lastAccessPrefix(delimitedXa: pl.Expr): pl.Expr {
  return delimitedXa.str.split(";WMF-Last-Access=").lst.get(1).str.slice(0, 12);
}

/**
 * The WMF-Last-Access value from its prefix: up to the first ";". With lastAccessPrefix, the first
 * match of LAST_ACCESS_PATTERN for every value a date can be read from, and an unreadable value
 * for every other.
 */
export function lastAccessValue(prefix: pl.Expr): pl.Expr {
  return prefix.str.split(";").lst.first();
}

/** The columns the method reads, one row per request; the text is checked later, on the counts. */
function methodColumns(scan: pl.LazyDataFrame): pl.LazyDataFrame {
  const xAnalytics = pl.col("xa");
  const nocookies = isCookieless(xAnalytics);
  // hash(ip, user_agent, accept_language) as one hash of the three columns' hashes: no separator a
  // header could contain (a tab in a User-Agent) can make two signatures one.
  const signature = pl.struct(SIGNATURE.map((c) => pl.col(c).hash())).hash();
  return scan.withColumns(delimited(pl.col("x_analytics")).alias("xa")).select(
    pl.col("uri_host"),
    pl.col("dt").str.slice(0, 10).alias("day"),
    pl.col("dt").str.contains(DT_PATTERN).alias("dt_ok"),
    pl.col("agent_type"),
    pl.col("is_pageview"),
    nocookies.alias("nocookies"),
    lastAccessPrefix(xAnalytics).alias("last_access"),
    // Only the offset reads a signature, and only a cookie-less request's.
    pl.when(nocookies).then(signature.cast(pl.UInt64)).otherwise(pl.lit(null).cast(pl.UInt64)).alias("signature"),
  );
}

function countRequests(scan: () => pl.LazyDataFrame, source: string, naming: RowNaming, spill: boolean, options: LoadOptions): Requests {
  const perSlice = options.requestsPerSlice ?? REQUESTS_PER_SLICE;
  if (!(perSlice >= 1)) throw new RangeError(`loadRequests: requestsPerSlice must be at least 1, got ${perSlice}`);
  const spillDir = spill ? mkdtempSync(join(tmpdir(), "unique-devices-")) : undefined;
  try {
    // polars' complaints about the file (a ragged line, bad UTF-8) surface when it is read.
    const reading = <T>(read: () => T): T => {
      try {
        return read();
      } catch (e) {
        throw new DataError(`${source}: could not be read: ${firstLine(e)}`);
      }
    };
    let rows = () => methodColumns(scan());
    if (spillDir) {
      const file = join(spillDir, "requests.parquet");
      reading(() => methodColumns(scan()).sinkParquet(file, { compression: "lz4" }).collectSync({ engine: "streaming" }));
      rows = () => pl.scanParquet(file);
    }
    const tally = reading(() =>
      rows()
        .groupBy(["uri_host", "day", "dt_ok", "agent_type", "is_pageview", "nocookies", "last_access"])
        .agg(pl.len().alias("requests"))
        .collectSync({ engine: "streaming" }),
    );
    const counts = countsOf(tally, scan, source, naming);
    // Counted cookie-less requests bound the distinct signatures: they size the slices.
    const cookieless = Number(counts.filter(toPolars(COUNTED).and(toPolars(COOKIELESS))).getColumn("requests").sum());
    const slices = Math.max(1, Math.ceil(cookieless / perSlice));
    return { source, rows: Number(counts.getColumn("requests").sum()), counts, signatures: signatureSizes(rows, slices), slices };
  } finally {
    if (spillDir) rmSync(spillDir, { recursive: true, force: true });
  }
}

/**
 * The counts from a tally of the requests by the method's text columns (uri_host, day, dt_ok,
 * agent_type, is_pageview, nocookies, last_access, requests), after the checks.
 */
function countsOf(tally: pl.DataFrame, scan: () => pl.LazyDataFrame, source: string, naming: RowNaming): pl.DataFrame {
  if (tally.height === 0) throw new DataError(`${source}: holds no requests, only a header`);
  check(tally, scan, source, naming);
  const lastAccess = cookieDate(lastAccessValue(pl.col("last_access")));
  return tally
    .lazy()
    .select(
      domainOf(),
      pl.col("day").str.strptime(pl.Date, "%Y-%m-%d"),
      pl.col("agent_type"),
      isPageview(),
      pl.col("nocookies"),
      lastAccess.alias("last_access"),
      pl.col("last_access").isNotNull().and(lastAccess.isNull()).alias("unreadable_last_access"),
      pl.col("requests").cast(pl.Int64),
    )
    // Lower-casing the host can merge rows.
    .groupBy(["domain", "day", "agent_type", "is_pageview", "nocookies", "last_access", "unreadable_last_access"])
    .agg(pl.col("requests").sum())
    .collectSync();
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
