// The fast path against the plain version kept beside it (webrequest.ts: loadRequestsPlain): the
// same counts and signatures on the committed extract and on lines made to find the edges; on a
// file it declines, loadRequests gives what the plain version gives.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { tallyText } from "../../../src/uniques/load/tally-text";
import { loadRequests, loadRequestsPlain, type RequestRow, type Requests } from "../../../src/uniques/load/webrequest";
import { COLUMNS } from "../../../src/uniques/load/schema";
import { scratch } from "../../helpers";
import { lastAccess, NO_COOKIES, request, SAMPLE } from "../fixtures";

const { dir, cleanup } = scratch();

function tsv(rows: RequestRow[], columns: readonly string[] = COLUMNS, newline = "\n"): string {
  const lines = rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? "x").join("\t"));
  return [columns.join("\t"), ...lines].join(newline) + newline;
}

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const sorted = (frame: pl.DataFrame) => (frame.sort(frame.columns).toRecords() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)));

function assertSame(fast: Requests, plain: Requests): void {
  assert.is(fast.rows, plain.rows);
  assert.equal(fast.counts.columns, plain.counts.columns);
  assert.equal(fast.counts.dtypes.map(String), plain.counts.dtypes.map(String));
  assert.equal(sorted(fast.counts), sorted(plain.counts));
  for (const period of ["day", "month"] as const) {
    assert.equal(fast.signatures[period].dtypes.map(String), plain.signatures[period].dtypes.map(String));
    // Both come sorted by domain, period and requests.
    assert.equal(sorted(fast.signatures[period]), sorted(plain.signatures[period]));
    assert.equal(fast.signatures[period].toRecords(), plain.signatures[period].toRecords());
  }
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.instance(e, DataError);
    return (e as Error).message;
  }
  throw new Error("expected a DataError");
}

test("the committed extract: the fast path takes it, to the plain version's counts and signatures", () => {
  assert.ok("tally" in tallyText(SAMPLE));
  assertSame(loadRequests(SAMPLE), loadRequestsPlain(SAMPLE));
});

// Lines made to find the edges of reading: X-Analytics keys, last-access values, hosts in
// several cases, times in every form the pattern allows, fields that only differ in where they split.
const EDGES: RequestRow[] = [
  request("2016-01-15T09:00:00Z", lastAccess("20-Dec-2015")),
  request("2016-01-15 09:00:01", lastAccess(" 4-Dec-2015")),
  request("2016-01-15T09:00:02.123Z", lastAccess("4-dec-2015")),
  request("2016-01-15T09:00:03+00:00", lastAccess("31-Feb-2016")),
  request("2016-01-15T23:59:59.5", "WMF-Last-Access=;nocookies=0"),
  request("2016-01-16T00:00:00Z", "WMF-Last-Access=14-Dec-2015x;https=1"),
  request("2016-01-16T00:00:00Z", "WMF-Last-Access=Mon, 14 Dec 2015 00:00:00 GMT"),
  request("2016-01-16T00:00:00Z", "WMF-Last-Access=14-Déc-2015"),
  request("2016-01-16T00:00:00Z", "WMF-Last-Access=ééééééééé"),
  request("2016-01-16T00:00:00Z", "WMF-Last-Access-Global=14-Dec-2015"),
  request("2016-01-16T00:00:00Z", "a=1;WMF-Last-Access-Global=1-Jan-2016;WMF-Last-Access=14-Dec-2015;b"),
  request("2016-01-16T00:00:00Z", "WMF-Last-Access=3-Jan-2016;WMF-Last-Access=4-Jan-2016"),
  request("2016-01-16T00:00:00Z", "xWMF-Last-Access=1-Jan-2016"),
  request("2016-01-16T00:00:00Z", ""),
  request("2016-01-16T00:00:00Z", "nocookies=1", { uri_host: "EN.wikipedia.org" }),
  request("2016-01-16T00:00:00Z", "nocookies=1", { uri_host: "en.Wikipedia.org" }),
  request("2016-01-16T01:00:00Z", "https=1;nocookies=1;x=2"),
  request("2016-01-16T01:00:00Z", "nocookies=10"),
  request("2016-01-16T01:00:00Z", "xnocookies=1"),
  request("2016-01-16T01:00:00Z", "nocookies=1;", { ip: "10.0.0.1", user_agent: "ab", accept_language: "c" }),
  request("2016-01-16T01:00:00Z", "nocookies=1", { ip: "10.0.0.1", user_agent: "a", accept_language: "bc" }),
  request("2016-01-16T01:00:00Z", "nocookies=1", { ip: "10.0.0.1a", user_agent: "", accept_language: "bc" }),
  request("2016-01-17T01:00:00Z", "nocookies=1", { ip: "10.0.0.1", user_agent: "ab", accept_language: "c" }),
  request("2016-02-01T01:00:00Z", "nocookies=1", { ip: "10.0.0.1", user_agent: "ab", accept_language: "c" }),
  request("2016-02-29T01:00:00Z", "nocookies=1", { user_agent: "Mozilla/5.0 (Linux; Android 5.0; 日本語)", accept_language: "ja" }),
  request("2016-02-29T01:00:00Z", NO_COOKIES, { agent_type: "spider" }),
  request("2016-02-29T01:00:00Z", NO_COOKIES, { is_pageview: "false" }),
  request("2016-02-29T01:00:00Z", NO_COOKIES, { agent_type: "automated", uri_host: "de.m.wikipedia.org" }),
  request("2016-02-29T01:00:00Z", NO_COOKIES, { user_agent: "with\rcarriage return inside" }),
  request("2016-02-29T01:00:00Z", NO_COOKIES, { uri_host: "ÉS.wikipedia.org" }),
];

test("lines made to find the edges: the same counts and signatures as the plain version", () => {
  const file = write("edges.tsv", tsv(EDGES));
  assert.ok("tally" in tallyText(file));
  assertSame(loadRequests(file), loadRequestsPlain(file));
  const gzip = write("edges.tsv.gz", gzipSync(tsv(EDGES)));
  assertSame(loadRequests(gzip), loadRequestsPlain(gzip));
});

test("columns in another order, others among them, no newline at the end, many chunks: the same", () => {
  const columns = ["extra", ...[...COLUMNS].reverse(), "more"];
  const file = write("order.tsv", tsv(EDGES, columns).trimEnd());
  assert.ok("tally" in tallyText(file));
  assertSame(loadRequests(file), loadRequestsPlain(file));
  // Several chunks of the worker's (4 MB each), a line cut at each boundary.
  const many: RequestRow[] = [];
  for (let i = 0; i < 40_000; i++) many.push(request(`2016-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`, i % 3 === 0 ? NO_COOKIES : lastAccess("1-Jan-2016"), { ip: `10.0.${i % 97}.${i % 13}`, user_agent: `agent ${"x".repeat(i % 200)}` }));
  const big = write("many.tsv.gz", gzipSync(tsv(many)));
  assertSame(loadRequests(big), loadRequestsPlain(big));
});

/** Some 12 MB of text: several of the worker's chunks (4 MB each). */
function manyRows(): RequestRow[] {
  const many: RequestRow[] = [];
  for (let i = 0; i < 60_000; i++) many.push(request(`2016-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`, i % 3 === 0 ? NO_COOKIES : lastAccess(`${1 + (i % 9)}-Jan-2016`), { ip: `10.0.${i % 97}.${i % 13}`, user_agent: `agent ${"x".repeat(i % 200)}`, uri_host: i % 5 === 0 ? "es.m.wikipedia.org" : "en.wikipedia.org" }));
  return many;
}

test("some 12 MB of text, several chunks: the same counts and signatures as the plain version", () => {
  const file = write("chunks.tsv.gz", gzipSync(tsv(manyRows())));
  assert.ok("tally" in tallyText(file));
  assertSame(loadRequests(file), loadRequestsPlain(file));
});

test("a bad value in a later chunk: the plain version's error, naming its line", () => {
  const rows = manyRows();
  rows[30_000] = { ...rows[30_000]!, is_pageview: "maybe" }; // some 6.6 MB in: the second chunk
  const file = write("late.tsv.gz", gzipSync(tsv(rows)));
  assert.ok("declined" in tallyText(file));
  assert.is(errorOf(() => loadRequests(file)), `${file} line 30002: is_pageview is 'maybe', expected true or false`);
});

test("what the fast path declines reaches the plain version: the same counts, or the same error naming the line", () => {
  const crlf = write("crlf.tsv", tsv(EDGES, COLUMNS, "\r\n"));
  assert.ok("declined" in tallyText(crlf));
  assertSame(loadRequests(crlf), loadRequestsPlain(crlf));
  const rows = [...EDGES.slice(0, 3), request("2016-01-15T09:00:00Z", NO_COOKIES, { agent_type: "bot" })];
  const bad = write("bad.tsv.gz", gzipSync(tsv(rows)));
  assert.ok("declined" in tallyText(bad));
  assert.is(errorOf(() => loadRequests(bad)), `${bad} line 5: agent_type is 'bot', expected user, spider or automated`);
  const latin1 = write("latin1.tsv", Buffer.concat([Buffer.from(tsv(EDGES.slice(0, 2))), Buffer.from([0x32, 0x30, 0x31, 0x36, 0xe9, 0x0a])]));
  assert.ok("declined" in tallyText(latin1));
  assert.is(errorOf(() => loadRequests(latin1)), errorOf(() => loadRequestsPlain(latin1)));
  const ragged = write("ragged.tsv", tsv(EDGES).replace("\tuser\ttrue\n", "\tuser\n"));
  assert.ok("declined" in tallyText(ragged));
  assert.is(errorOf(() => loadRequests(ragged)), errorOf(() => loadRequestsPlain(ragged)));
});

test.after(cleanup);
test.run();
