import type * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { requestsFromRows } from "../../src/uniques/load/webrequest";
import { lastAccess, NO_COOKIES, request } from "./fixtures";

// Three cookie-less visitors, told apart by their address. On en.wikipedia.org:
//   A: twice on Jan 15, once on Feb 1     B: once on Jan 15, once on Jan 16     C: once on Jan 16
// and on de.wikipedia.org A once on Jan 15. Not counted: a spider, a non-pageview, a request with a cookie.
const A = { ip: "10.0.0.1" };
const B = { ip: "10.0.0.2" };
const C = { ip: "10.0.0.3" };
const ROWS = [
  request("2016-01-15T08:00:00Z", NO_COOKIES, A),
  request("2016-01-15T09:00:00Z", NO_COOKIES, A),
  request("2016-02-01T09:00:00Z", NO_COOKIES, A),
  request("2016-01-15T10:00:00Z", NO_COOKIES, B),
  request("2016-01-16T10:00:00Z", NO_COOKIES, B),
  request("2016-01-16T11:00:00Z", NO_COOKIES, C),
  request("2016-01-15T12:00:00Z", NO_COOKIES, { ...A, uri_host: "DE.wikipedia.org" }),
  request("2016-01-15T13:00:00Z", NO_COOKIES, { ...C, agent_type: "spider" }),
  request("2016-01-15T14:00:00Z", NO_COOKIES, { ...C, is_pageview: "false" }),
  request("2016-01-15T15:00:00Z", lastAccess("01-Jan-2016"), C),
];

/** `domain period requests→signatures`, one string per row, in the table's order. */
function rows(frame: pl.DataFrame): string[] {
  return (frame.toRecords() as Array<Record<string, unknown>>).map((r) => `${r["domain"] as string} ${(r["period_start"] as Date).toISOString().slice(0, 10)} ${Number(r["requests"])}→${Number(r["signatures"])}`);
}

test("per domain and day: how many signatures sent how many counted cookie-less requests", () => {
  const { signatures } = requestsFromRows(ROWS);
  assert.equal(rows(signatures.day), [
    "de.wikipedia.org 2016-01-15 1→1", // A
    "en.wikipedia.org 2016-01-15 1→1", // B
    "en.wikipedia.org 2016-01-15 2→1", // A
    "en.wikipedia.org 2016-01-16 1→2", // B, C
    "en.wikipedia.org 2016-02-01 1→1", // A
  ]);
});

test("per month the requests of a signature add up across its days", () => {
  const { signatures } = requestsFromRows(ROWS);
  assert.equal(rows(signatures.month), [
    "de.wikipedia.org 2016-01-01 1→1", // A
    "en.wikipedia.org 2016-01-01 1→1", // C
    "en.wikipedia.org 2016-01-01 2→2", // A (Jan 15 twice), B (Jan 15, Jan 16)
    "en.wikipedia.org 2016-02-01 1→1", // A
  ]);
});

test("cut into slices (one request per slice: as many slices as requests), the tables are the same", () => {
  const whole = requestsFromRows(ROWS);
  const sliced = requestsFromRows(ROWS, "sliced", { requestsPerSlice: 1 });
  assert.is(whole.slices, 1);
  assert.is(sliced.slices, 7); // the counted cookie-less requests
  assert.equal(rows(sliced.signatures.day), rows(whole.signatures.day));
  assert.equal(rows(sliced.signatures.month), rows(whole.signatures.month));
});

test.run();
