import { readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { cookieDate, LAST_ACCESS_PATTERN, NOCOOKIES_PATTERN } from "../../../src/uniques/definition";
import { delimited, isCookieless, lastAccessPrefix, lastAccessValue, loadRequests, requestsFromRows, type RequestRow } from "../../../src/uniques/load/webrequest";
import { COLUMNS } from "../../../src/uniques/load/schema";
import { scratch } from "../../helpers";
import { lastAccess, NO_COOKIES, request } from "../fixtures";

const { dir, cleanup } = scratch();

function tsv(rows: RequestRow[], columns: readonly string[] = COLUMNS): string {
  const lines = rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? "x").join("\t"));
  return [columns.join("\t"), ...lines].join("\n") + "\n";
}

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const ROWS = [
  request("2016-01-15T09:00:00Z", lastAccess("20-Dec-2015")),
  request("2016-01-15T09:00:10Z", NO_COOKIES, { user_agent: '"Mozilla/5.0 (quoted', accept_language: "" }),
  request("2016-01-15T09:00:20Z", NO_COOKIES, { agent_type: "spider", is_pageview: "false", uri_host: "EN.m.Wikipedia.org" }),
  request("2016-01-16 10:00:00", "WMF-Last-Access=bad"),
];

/** The counts as sorted plain rows, to compare two loads. */
const plain = (counts: pl.DataFrame) => (counts.sort(counts.columns).toRecords() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)));

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.instance(e, DataError);
    return (e as Error).message;
  }
  throw new Error("expected a DataError");
}

test("reads .tsv, .tsv.gz and Parquet to the same counts; other columns and their order do not matter", () => {
  const text = tsv(ROWS);
  const fromTsv = loadRequests(write("a.tsv", text));
  const fromGzip = loadRequests(write("a.tsv.gz", gzipSync(text)));
  const shuffled = loadRequests(write("b.tsv", tsv(ROWS, ["extra", ...[...COLUMNS].reverse()])));
  const parquet = join(dir, "a.parquet");
  pl.DataFrame(Object.fromEntries(COLUMNS.map((c) => [c, ROWS.map((r) => r[c])])))
    .withColumns(pl.col("is_pageview").eq(pl.lit("true")))
    .writeParquet(parquet);
  const fromParquet = loadRequests(parquet);
  assert.is(fromTsv.rows, 4);
  assert.equal(plain(fromGzip.counts), plain(fromTsv.counts));
  assert.equal(plain(shuffled.counts), plain(fromTsv.counts));
  assert.equal(plain(fromParquet.counts), plain(fromTsv.counts));
  for (const period of ["day", "month"] as const) {
    assert.equal(plain(fromGzip.signatures[period]), plain(fromTsv.signatures[period]));
    assert.equal(plain(fromParquet.signatures[period]), plain(fromTsv.signatures[period]));
  }
});

test("counts keep what the method reads: lower-case domain, day, dates; signatures only of counted cookie-less requests", () => {
  const requests = loadRequests(write("c.tsv", tsv(ROWS)));
  const rows = requests.counts.sort("day").toRecords() as Array<Record<string, unknown>>;
  assert.equal(requests.counts.columns, ["domain", "day", "agent_type", "is_pageview", "nocookies", "last_access", "unreadable_last_access", "requests"]);
  const withCookie = rows.find((r) => r["nocookies"] === false && r["last_access"] !== null);
  assert.equal(withCookie?.["last_access"], new Date("2015-12-20T00:00:00Z"));
  assert.ok(rows.some((r) => r["domain"] === "en.m.wikipedia.org"));
  // One counted cookie-less request (the other is a spider's): one signature, one request.
  assert.equal(requests.signatures.day.toRecords().map((r) => [r["domain"], Number(r["requests"]), Number(r["signatures"])]), [["en.wikipedia.org", 1, 1]]);
  const bad = rows.find((r) => r["unreadable_last_access"] === true);
  assert.equal(bad?.["day"], new Date("2016-01-16T00:00:00Z"));
});

test("a quote is part of the text and an empty field stays an empty string", () => {
  const same = [request("2016-01-15T09:00:00Z", NO_COOKIES, { user_agent: '"x', accept_language: "" }), request("2016-01-15T09:01:00Z", NO_COOKIES, { user_agent: '"x', accept_language: "" })];
  const { counts, signatures } = loadRequests(write("q.tsv", tsv(same)));
  assert.is(Number(signatures.day.getColumn("requests").get(0)), 2, "both requests share one signature");
  assert.equal(plain(counts), plain(requestsFromRows(same).counts));
  assert.equal(plain(signatures.month), plain(requestsFromRows(same).signatures.month));
});

test("a text extract reduced in slices gives the same counts and signatures as in one", () => {
  const file = write("s.tsv", tsv([...ROWS, request("2016-01-15T09:05:00Z", NO_COOKIES, { ip: "10.1.1.1" }), request("2016-01-16T09:05:00Z", NO_COOKIES, { ip: "10.1.1.2" })]));
  const whole = loadRequests(file);
  const sliced = loadRequests(file, { requestsPerSlice: 1 });
  assert.is(sliced.slices, 3);
  assert.equal(plain(sliced.counts), plain(whole.counts));
  assert.equal(plain(sliced.signatures.day), plain(whole.signatures.day));
  assert.equal(plain(sliced.signatures.month), plain(whole.signatures.month));
});

test("the temporary Parquet file of a text extract is gone afterwards, also after an error", () => {
  const spills = () => readdirSync(tmpdir()).filter((name) => name.startsWith("unique-devices-")).length;
  const before = spills();
  loadRequests(write("t.tsv", tsv(ROWS)));
  errorOf(() => loadRequests(write("t2.tsv", tsv([...ROWS, request("2016-01-15T09:00:00Z", NO_COOKIES, { agent_type: "bot" })]))));
  assert.is(spills(), before);
});

test("a missing column is an error naming it and what it should hold", () => {
  const file = write("m.tsv", tsv(ROWS, COLUMNS.filter((c) => c !== "x_analytics")));
  assert.match(errorOf(() => loadRequests(file)), /m\.tsv: column 'x_analytics' \(the X-Analytics header, k=v pairs separated by ';'\) missing; the header has 'dt', /);
});

test("an unparseable date names the line (the header is line 1)", () => {
  for (const bad of ["2016-13-01T00:00:00Z", "2016-02-30T10:00:00Z", "2016-01-15T24:00:00Z", "15/01/2016 10:00", "2016-01-15T10:00:00+02:00", ""]) {
    const rows = [...ROWS.slice(0, 2), request(bad, NO_COOKIES), ...ROWS.slice(2)];
    const message = errorOf(() => loadRequests(write("d.tsv", tsv(rows))));
    assert.is(message, `${join(dir, "d.tsv")} line 4: dt is '${bad}', expected an ISO 8601 UTC time such as 2016-01-15T03:13:55Z`);
  }
});

test("agent types and pageview flags outside their values name the line; in memory, the row", () => {
  const rows = [...ROWS, request("2016-01-15T09:00:00Z", NO_COOKIES, { is_pageview: "yes" })];
  assert.match(errorOf(() => loadRequests(write("p.tsv", tsv(rows)))), /p\.tsv line 6: is_pageview is 'yes', expected true or false$/);
  const bots = [request("2016-01-15T09:00:00Z", NO_COOKIES, { agent_type: "bot" }), ...ROWS];
  assert.match(errorOf(() => loadRequests(write("b.tsv", tsv(bots)))), /b\.tsv line 2: agent_type is 'bot', expected user, spider or automated$/);
  assert.is(errorOf(() => requestsFromRows(bots, "hand-made")), "hand-made row 1: agent_type is 'bot', expected user, spider or automated");
});

test("files that are not extracts are errors that say so", () => {
  assert.match(errorOf(() => loadRequests(join(dir, "nope.tsv"))), /nope\.tsv: no such file/);
  assert.match(errorOf(() => loadRequests(write("x.csv", "a,b\n"))), /x\.csv: expected a \.tsv, \.tsv\.gz or \.parquet web-request extract/);
  assert.match(errorOf(() => loadRequests(write("h.tsv", tsv([])))), /h\.tsv: holds no requests, only a header/);
  const ragged = tsv(ROWS).replace("\tuser\ttrue\n", "\tuser\ttrue\textra\n");
  assert.match(errorOf(() => loadRequests(write("r.tsv", ragged))), /r\.tsv: could not be read: found more fields/);
});

test.after(cleanup);
test("X-Analytics: nocookies=1 exactly; WMF-Last-Access, not WMF-Last-Access-Global, the first one; other keys ignored; as the SQL's patterns say", () => {
  const xa = ["nocookies=1", "https=1;nocookies=1;x=2", "nocookies=10", "nocookies=0", "xnocookies=1", "WMF-Last-Access-Global=14-Dec-2015", "a=1;WMF-Last-Access-Global=1-Jan-2016;WMF-Last-Access=14-Dec-2015;b", "WMF-Last-Access=", "", "xWMF-Last-Access=1;WMF-Last-Access=2", "WMF-Last-Access=3;WMF-Last-Access=4", "WMF-Last-Access= 4-Dec-2015"];
  const header = delimited(pl.col("xa"));
  const frame = pl.DataFrame({ xa }).select(isCookieless(header).alias("n"), lastAccessValue(lastAccessPrefix(header)).alias("v"));
  assert.equal(frame.getColumn("n").toArray(), [true, true, false, false, false, false, false, false, false, false, false, false]);
  assert.equal(frame.getColumn("v").toArray(), [null, null, null, null, null, null, "14-Dec-2015", "", null, "2", "3", " 4-Dec-2015"]);
  // The regular expressions the SQL uses give the same answers.
  assert.equal(frame.getColumn("n").toArray(), xa.map((x) => new RegExp(NOCOOKIES_PATTERN).test(x)));
  assert.equal(frame.getColumn("v").toArray(), xa.map((x) => new RegExp(LAST_ACCESS_PATTERN).exec(x)?.[2] ?? null));
});

test("a value longer than any readable date is cut, and stays unreadable", () => {
  const values = ["14-Dec-2015x", "14-Dec-20155", "Mon, 14 Dec 2015 00:00:00 GMT", "14-Dec-2015"];
  const frame = pl.DataFrame({ xa: values.map((v) => `https=1;WMF-Last-Access=${v};WMF-Last-Access-Global=14-Dec-2015`) });
  const read = frame.select(cookieDate(lastAccessValue(lastAccessPrefix(delimited(pl.col("xa"))))).dt.strftime("%Y-%m-%d").alias("d"));
  assert.equal(read.getColumn("d").toArray(), [null, null, null, "2015-12-14"]);
});

test.run();
