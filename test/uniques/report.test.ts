import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { requestsFromRows } from "../../src/uniques/load";
import { extractSummary, monthlyReport, offsetShares, offsetShareSummary, TOTAL_LABEL } from "../../src/uniques/report";
import { NO_COOKIES, request } from "./fixtures";

const monthly = pl.DataFrame({
  domain: ["en.wikipedia.org", "en.m.wikipedia.org", "es.wikipedia.org", "es.m.wikipedia.org", "de.wikipedia.org"],
  month: ["2016-01", "2016-01", "2016-01", "2016-02", "2016-02"],
  underestimate: [90, 150, 50, 300, 30],
  offset: [10, 50, 0, 100, 0],
  estimate: [100, 200, 50, 400, 30],
});

test("the monthly report: buckets add desktop and mobile, largest last month first, months as columns, the overall total last", () => {
  const report = monthlyReport(monthly);
  assert.equal(report.columns, ["bucket", "2016-01", "2016-02"]);
  assert.equal(report.toRecords(), [
    { bucket: "es.wikipedia", "2016-01": 50, "2016-02": 400 },
    { bucket: "de.wikipedia", "2016-01": 0, "2016-02": 30 },
    { bucket: "en.wikipedia", "2016-01": 300, "2016-02": 0 },
    { bucket: TOTAL_LABEL, "2016-01": 350, "2016-02": 430 },
  ]);
  assert.is(TOTAL_LABEL, "overall total (not deduplicated across projects)");
  assert.is(report.getColumn("2016-01").dtype.variant, "Int64");
});

test("the offset's share per bucket and period, null when there is no estimate", () => {
  const withZero = pl.concat([monthly, pl.DataFrame({ domain: ["fr.wikipedia.org"], month: ["2016-01"], underestimate: [0], offset: [0], estimate: [0] })]);
  const shares = Object.fromEntries((offsetShares(withZero).toRecords() as Array<{ bucket: string; month: string; offset_share: number | null }>).map((r) => [`${r.bucket}|${r.month}`, r.offset_share]));
  assert.equal(shares, { "de.wikipedia|2016-02": 0, "en.wikipedia|2016-01": 60 / 300, "es.wikipedia|2016-01": 0, "es.wikipedia|2016-02": 0.25, "fr.wikipedia|2016-01": null });
});

test("the summary compares the median daily share with the median monthly share", () => {
  const daily = pl.DataFrame({
    domain: ["en.wikipedia.org", "en.wikipedia.org", "en.wikipedia.org", "de.wikipedia.org"],
    day: ["2016-01-01", "2016-01-02", "2016-01-03", "2016-01-01"],
    underestimate: [90, 80, 95, 10],
    offset: [10, 20, 5, 0],
    estimate: [100, 100, 100, 10],
  });
  const m = pl.DataFrame({ domain: ["en.wikipedia.org", "en.wikipedia.org", "de.wikipedia.org"], month: ["2016-01", "2016-02", "2016-01"], underestimate: [150, 170, 20], offset: [50, 30, 0], estimate: [200, 200, 20] });
  // en: daily shares 0.1, 0.2, 0.05 (median 0.1); monthly 0.25 and 0.15 (median 0.2), twice the daily. de: 0 and 0.
  assert.equal(offsetShareSummary(daily, m).toRecords(), [
    { bucket: "en.wikipedia", daily_share: 0.1, monthly_share: 0.2, monthly_over_daily: 2 },
    { bucket: "de.wikipedia", daily_share: 0, monthly_share: 0, monthly_over_daily: null },
  ]);
});

test("the extract in one line: requests, the days they span, domains", () => {
  const requests = requestsFromRows([request("2016-01-15T09:00:00Z", NO_COOKIES), request("2016-01-17T09:00:00Z", NO_COOKIES, { uri_host: "de.wikipedia.org" }), request("2016-01-17T10:00:00Z", NO_COOKIES)]);
  assert.equal(extractSummary(requests).toRecords(), [{ requests: 3, first_day: "2016-01-15", last_day: "2016-01-17", days: 2, domains: 2 }]);
});

test.run();
