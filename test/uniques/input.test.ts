import * as pl from "nodejs-polars";
import * as assert from "uvu/assert";
import { test } from "uvu";
import { captureDisplays } from "../../src/display/emit";
import { dailyOf, extractSummary, inputSummary, monthlyOf, noTruth, notFromCounts, readInput } from "../../src/uniques/input";
import { readCounts } from "../../src/uniques/load/counts";
import { requestsFromRows } from "../../src/uniques/load/webrequest";
import { scratch } from "../helpers";
import { NO_COOKIES, request, sparkCounts as counts, sparkFolder } from "./fixtures";

test("from a job's counts: the notebook's tables are Spark's, and the summary reads the days and domains", () => {
  const { dir, cleanup } = scratch();
  try {
    sparkFolder(dir, "daily", [counts("day", [["fr.wikipedia.org", "2016-01-02", 5, 1]]), counts("day", [["en.wikipedia.org", "2016-01-03", 7, 0], ["en.wikipedia.org", "2016-01-01", 3, 2]])]);
    sparkFolder(dir, "monthly", [counts("month", [["en.wikipedia.org", "2016-01", 9, 2]])]);
    const daily = readCounts(dir, "day");
    const input = readInput("ignored.tsv.gz", dir);
    assert.is(input.requests, null);
    assert.ok(dailyOf(input).frameEqual(daily));
    assert.equal(monthlyOf(input).columns, ["domain", "month", "underestimate", "offset", "estimate"]);
    assert.equal(inputSummary(input).toRecords(), [{ first_day: "2016-01-01", last_day: "2016-01-03", days: 3, domains: 2 }]);
  } finally {
    cleanup();
  }
});

test("the extract in one line: requests, the days they span, domains", () => {
  const requests = requestsFromRows([request("2016-01-15T09:00:00Z", NO_COOKIES), request("2016-01-17T09:00:00Z", NO_COOKIES, { uri_host: "de.wikipedia.org" }), request("2016-01-17T10:00:00Z", NO_COOKIES)]);
  assert.equal(extractSummary(requests).toRecords(), [{ requests: 3, first_day: "2016-01-15", last_day: "2016-01-17", days: 2, domains: 2 }]);
});

test("a section that needs the requests says so, as markdown with a text fallback", () => {
  const [shown] = captureDisplays(() => notFromCounts("The filter-by-filter table"));
  assert.match(String(shown?.data["text/markdown"]), /^\*\*Not computed from counts\.\*\* The filter-by-filter table is left out, because it needs the requests themselves/);
  assert.match(String(shown?.data["text/plain"]), /Run the notebook on the extract \(webrequestPath, no countsPath\)/);
});

test("without a truth, the section says why: no truth file, or counts in place of the requests", () => {
  const requests = requestsFromRows([request("2016-01-15T09:00:00Z", NO_COOKIES)]);
  const logged: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void logged.push(args.join(" "));
  try {
    assert.equal(captureDisplays(() => noTruth({ source: "x", requests, counts: null })), []);
  } finally {
    console.log = log;
  }
  assert.equal(logged, ["No truth file (truthPath is empty): the estimate cannot be checked."]);
  const [shown] = captureDisplays(() => noTruth({ source: "counts", requests: null, counts: { daily: pl.DataFrame({}), monthly: pl.DataFrame({}) } }));
  assert.match(String(shown?.data["text/markdown"]), /^\*\*Not computed from counts\.\*\* The check against the truth \(this section\) is left out, because the truth describes one simulated extract/);
});

test.run();
