// The last-access method, written once as data so that the local estimator (polars, estimate.ts)
// and the cluster statement (Spark SQL / HiveQL, spark/sql.ts) are both generated from it:
//
//   unique devices of a domain in a period (a day or a month) =
//     underestimate: requests in the period from users (not spiders), pageviews only, that carry
//                    some cookie and whose WMF-Last-Access date is older than the period's first
//                    day or absent
//   + offset:        cookie-less requests (nocookies=1) whose signature
//                    hash(ip, user_agent, accept_language) occurs exactly once in the period.
//
// https://wikitech.wikimedia.org/wiki/Analytics/Unique_Devices/Last_access_solution
import * as pl from "nodejs-polars";

/** What the method counts over: a day or a calendar month. */
export type Period = "day" | "month";

/** A condition over a request's columns, small enough to print as SQL or build as a polars expression. */
export type Term =
  | { op: "column"; name: string }
  | { op: "literal"; value: string | number | boolean }
  | { op: "not"; term: Term }
  | { op: "and" | "or"; terms: Term[] }
  | { op: "equals" | "before"; left: Term; right: Term }
  | { op: "missing"; term: Term };

export const column = (name: string): Term => ({ op: "column", name });
export const literal = (value: string | number | boolean): Term => ({ op: "literal", value });
export const not = (term: Term): Term => ({ op: "not", term });
export const and = (...terms: Term[]): Term => ({ op: "and", terms });
export const or = (...terms: Term[]): Term => ({ op: "or", terms });
export const equals = (left: Term, right: Term): Term => ({ op: "equals", left, right });
export const before = (left: Term, right: Term): Term => ({ op: "before", left, right });
export const missing = (term: Term): Term => ({ op: "missing", term });

// ---- the method ------------------------------------------------------------------------------

/** Requests counted at all: from users (not spiders or automated agents), pageviews only. */
export const COUNTED = and(equals(column("agent_type"), literal("user")), column("is_pageview"));

/** The underestimate's requests: some cookie, and a last-access date older than the period's first day, or none (absent or unreadable). */
export const OLD_OR_NO_LAST_ACCESS = and(not(column("nocookies")), or(missing(column("last_access")), before(column("last_access"), column("period_start"))));

/** The offset's candidates: requests that arrived with no cookie at all. */
export const COOKIELESS = column("nocookies");

/** What tells cookie-less visitors apart. */
export const SIGNATURE = ["ip", "user_agent", "accept_language"] as const;

/** A signature is one fresh session when it occurs exactly this many times in the period. */
export const FRESH_SESSION_REQUESTS = 1;

// ---- reading the request's columns --------------------------------------------------------------

/** The domain a request counts for: its host, lower-cased (hosts are case-insensitive). */
export function domainOf(uriHost: pl.Expr = pl.col("uri_host")): pl.Expr {
  return uriHost.str.toLowerCase().alias("domain");
}

/** is_pageview as a Boolean: read after the loader has checked that the text is true or false. */
export function isPageview(text: pl.Expr = pl.col("is_pageview")): pl.Expr {
  return text.eq(pl.lit("true")).alias("is_pageview");
}

// ---- reading X-Analytics ------------------------------------------------------------------------

/** Tagged on a request that came with no cookie whatsoever. Other keys are ignored. */
export const NOCOOKIES_PATTERN = "(^|;)nocookies=1(;|$)";
/** The WMF-Last-Access value (group 2); `WMF-Last-Access-Global` is another cookie and does not match. */
export const LAST_ACCESS_PATTERN = "(^|;)WMF-Last-Access=([^;]*)";
/**
 * A readable cookie date, `14-Dec-2015`, as pandas' `%d-%b-%Y` reads it: day 1–31 (two digits, or
 * one, optionally space-padded), an English month abbreviation in any case, a four-digit year.
 * Groups: 1 day, 2 month, 3 year. A value that does not match, or names a day the calendar does
 * not have (31-Feb-2016), counts as absent, as the reference's `errors="coerce"` does.
 */
export const COOKIE_DATE_PATTERN = "^(3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])-([A-Za-z]{3})-([0-9]{4})$";
export const MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

/** A WMF-Last-Access value as a Date; null when it is not a readable date (see COOKIE_DATE_PATTERN). */
export function cookieDate(value: pl.Expr): pl.Expr {
  const part = (group: number) => value.str.extract(COOKIE_DATE_PATTERN, group);
  const numbers = MONTH_ABBREVIATIONS.map((_, i) => String(i + 1).padStart(2, "0"));
  const month = part(2).str.toLowerCase().replaceStrict([...MONTH_ABBREVIATIONS], numbers, pl.lit(null).cast(pl.Utf8), pl.Utf8);
  const day = part(1).str.strip().str.padStart(2, "0");
  // strptime on the ISO form is strict about the calendar (2016-02-31 is null), unlike %b parsing here.
  return pl.concatString([part(3), month, day], "-").str.strptime(pl.Date, "%Y-%m-%d");
}

// ---- compiling terms --------------------------------------------------------------------------

export function toPolars(term: Term): pl.Expr {
  switch (term.op) {
    case "column":
      return pl.col(term.name);
    case "literal":
      return pl.lit(term.value);
    case "not":
      return toPolars(term.term).not();
    case "and":
    case "or": {
      const [first, ...rest] = term.terms.map(toPolars);
      if (!first) throw new Error(`an empty '${term.op}'`);
      return rest.reduce((acc, x) => (term.op === "and" ? acc.and(x) : acc.or(x)), first);
    }
    case "equals":
      return toPolars(term.left).eq(toPolars(term.right));
    case "before":
      return toPolars(term.left).lt(toPolars(term.right));
    case "missing":
      return toPolars(term.term).isNull();
  }
}

function sqlLiteral(value: string | number | boolean): string {
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** The term as a SQL condition; the same text in Spark SQL, HiveQL and SQLite. */
export function toSql(term: Term): string {
  switch (term.op) {
    case "column":
      return term.name;
    case "literal":
      return sqlLiteral(term.value);
    case "not":
      return `NOT ${toSql(term.term)}`;
    case "and":
    case "or":
      return `(${term.terms.map(toSql).join(term.op === "and" ? " AND " : " OR ")})`;
    case "equals":
      return `${toSql(term.left)} = ${toSql(term.right)}`;
    case "before":
      return `${toSql(term.left)} < ${toSql(term.right)}`;
    case "missing":
      return `${toSql(term.term)} IS NULL`;
  }
}
