import { spawnSync } from "node:child_process";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bucketOf, dailyUniques, monthlyUniques, platformOf, projectUniques } from "../../src/uniques/estimate";
import { loadRequests, requestsFromRows, type RequestRow } from "../../src/uniques/load/webrequest";
import { crossCheck, referenceRunner, referenceScript } from "../reference";
import { byKey, lastAccess, NO_COOKIES, request, SAMPLE, siteCookieOnly } from "./fixtures";

const EN = "en.wikipedia.org";
const both = (rows: RequestRow[]) => {
  const r = requestsFromRows(rows);
  return { daily: byKey(dailyUniques(r)), monthly: byKey(monthlyUniques(r)) };
};
const u = (underestimate: number, offset: number) => ({ underestimate, offset, estimate: underestimate + offset });

test("first visit: a browser's very first request is cookie-less (offset); a first visit with the site's cookie counts in the underestimate", () => {
  const { daily, monthly } = both([
    request("2016-01-15T09:00:00Z", NO_COOKIES, { ip: "1.1.1.1" }),
    request("2016-01-15T09:05:00Z", siteCookieOnly("02-Jan-2016"), { ip: "2.2.2.2" }),
  ]);
  assert.equal(daily, { [`${EN}|2016-01-15`]: u(1, 1) });
  assert.equal(monthly, { [`${EN}|2016-01`]: u(1, 1) });
});

test("second visit the same day: the cookie now holds today's date and does not count again", () => {
  const { daily, monthly } = both([request("2016-01-15T09:00:00Z", lastAccess("20-Dec-2015")), request("2016-01-15T15:00:00Z", lastAccess("15-Jan-2016"))]);
  assert.equal(daily, { [`${EN}|2016-01-15`]: u(1, 0) });
  assert.equal(monthly, { [`${EN}|2016-01`]: u(1, 0) });
});

test("visit the next day: counts again that day, not again that month", () => {
  const { daily, monthly } = both([request("2016-01-15T09:00:00Z", lastAccess("20-Dec-2015")), request("2016-01-16T08:00:00Z", lastAccess("15-Jan-2016"))]);
  assert.equal(daily, { [`${EN}|2016-01-15`]: u(1, 0), [`${EN}|2016-01-16`]: u(1, 0) });
  assert.equal(monthly, { [`${EN}|2016-01`]: u(1, 0) });
});

test("a cookie-less single request is one fresh session", () => {
  const { daily, monthly } = both([request("2016-01-15T09:00:00Z", NO_COOKIES)]);
  assert.equal(daily, { [`${EN}|2016-01-15`]: u(0, 1) });
  assert.equal(monthly, { [`${EN}|2016-01`]: u(0, 1) });
});

test("cookie-less repeated requests: a signature seen twice is not counted; the signature includes accept_language", () => {
  const { daily, monthly } = both([
    request("2016-01-15T09:00:00Z", NO_COOKIES),
    request("2016-01-15T09:01:00Z", NO_COOKIES),
    request("2016-01-15T09:02:00Z", NO_COOKIES, { accept_language: "de" }),
    request("2016-01-16T10:00:00Z", NO_COOKIES),
  ]);
  // Jan 15: the first signature twice (0), the German one once (1). Jan 16: the first once (1).
  // January: the first signature three times (0), the German one once (1).
  assert.equal(daily, { [`${EN}|2016-01-15`]: u(0, 1), [`${EN}|2016-01-16`]: u(0, 1) });
  assert.equal(monthly, { [`${EN}|2016-01`]: u(0, 1) });
});

test("spiders and automated agents are not counted, with or without cookies", () => {
  const { daily, monthly } = both([
    request("2016-01-15T09:00:00Z", NO_COOKIES, { agent_type: "spider" }),
    request("2016-01-15T09:00:00Z", lastAccess("20-Dec-2015"), { agent_type: "spider" }),
    request("2016-01-15T09:00:00Z", NO_COOKIES, { agent_type: "automated" }),
  ]);
  assert.equal(daily, {});
  assert.equal(monthly, {});
});

test("non-pageview requests are not counted", () => {
  const { daily } = both([request("2016-01-15T09:00:00Z", lastAccess("20-Dec-2015"), { is_pageview: "false" }), request("2016-01-15T09:00:00Z", NO_COOKIES, { is_pageview: "false" })]);
  assert.equal(daily, {});
});

test("month boundary: a cookie from January counts on the first of February, daily and monthly", () => {
  const { daily, monthly } = both([
    request("2016-01-31T23:59:59Z", lastAccess("30-Jan-2016")),
    request("2016-02-01T00:00:00Z", lastAccess("31-Jan-2016")),
    request("2016-02-02T10:00:00Z", lastAccess("01-Feb-2016")),
    request("2016-01-31T12:00:00Z", NO_COOKIES, { ip: "9.9.9.9" }),
    request("2016-02-01T12:00:00Z", NO_COOKIES, { ip: "9.9.9.9" }),
  ]);
  assert.equal(daily, {
    [`${EN}|2016-01-31`]: u(1, 1),
    [`${EN}|2016-02-01`]: u(1, 1),
    [`${EN}|2016-02-02`]: u(1, 0),
  });
  // January: the Jan 30 cookie is from this month (0); the signature once (1). February: the Jan 31 cookie (1); the signature once (1).
  assert.equal(monthly, { [`${EN}|2016-01`]: u(0, 1), [`${EN}|2016-02`]: u(1, 1) });
});

test("a malformed cookie date counts as absent, on every request that carries it", () => {
  const values = ["undefined", "", "14-Dec-15", "2015-12-14", "31-Feb-2016", "14-Dec-2015x", "15-Dez-2016"];
  const rows = values.map((v) => request("2016-01-15T09:00:00Z", `https=1;WMF-Last-Access=${v}`));
  // Readable dates in odd forms: one digit, space-padded, lower case, and unknown keys around.
  rows.push(request("2016-01-15T09:00:00Z", "foo=bar;WMF-Last-Access= 5-jan-2016;x"), request("2016-01-15T09:00:00Z", "WMF-Last-Access=5-JAN-2016"));
  const { daily, monthly } = both(rows);
  assert.equal(daily, { [`${EN}|2016-01-15`]: u(values.length + 2, 0) });
  assert.equal(monthly, { [`${EN}|2016-01`]: u(values.length, 0) });
});

test("hosts are compared in lower case", () => {
  const { daily } = both([request("2016-01-15T09:00:00Z", NO_COOKIES), request("2016-01-15T09:01:00Z", NO_COOKIES, { uri_host: "EN.Wikipedia.org" })]);
  // One signature seen twice on one domain: nothing. Two domains would have counted one each.
  assert.equal(daily, {});
});

test("projects add desktop and mobile; platform from the .m. label", () => {
  const frame = pl.DataFrame({ domain: ["es.m.wikipedia.org", "es.wikipedia.org", "m.wikidata.org", "en.wiktionary.org"] });
  assert.equal(frame.select(bucketOf(pl.col("domain")).alias("b")).getColumn("b").toArray(), ["es.wikipedia", "es.wikipedia", "wikidata", "en.wiktionary"]);
  assert.equal(frame.select(platformOf(pl.col("domain")).alias("p")).getColumn("p").toArray(), ["mobile", "desktop", "mobile", "desktop"]);
  const byDomain = pl.DataFrame({ domain: ["es.m.wikipedia.org", "es.wikipedia.org"], month: ["2016-01", "2016-01"], underestimate: [10, 20], offset: [1, 2], estimate: [11, 22] });
  assert.equal(projectUniques(byDomain).toRecords(), [{ bucket: "es.wikipedia", month: "2016-01", underestimate: 30, offset: 3, estimate: 33 }]);
});

crossCheck(test, "the committed extract gives exactly the reference script's numbers (reference/unique_devices.py), for every domain, day and month", referenceRunner("unique_devices.py", ["pandas"]), (python) => {
  const run = spawnSync(python, [referenceScript("unique_devices.py"), SAMPLE], { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.is(run.status, 0, run.stderr);
  const reference = JSON.parse(run.stdout) as { daily: Record<string, unknown>; monthly: Record<string, unknown> };
  const requests = loadRequests(SAMPLE);
  const daily = byKey(dailyUniques(requests));
  const monthly = byKey(monthlyUniques(requests));
  assert.ok(Object.keys(reference.daily).length > 2000, "the reference found the daily rows");
  assert.equal(daily, reference.daily);
  assert.equal(monthly, reference.monthly);
});

test.run();
