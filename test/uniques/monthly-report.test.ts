import { test } from "uvu";
import * as assert from "uvu/assert";
import { monthlyReport, TOTAL_LABEL } from "../../src/uniques/monthly-report";
import { MONTHLY } from "./fixtures";

test("the monthly report: buckets add desktop and mobile, largest last month first, months as columns, the overall total last", () => {
  const report = monthlyReport(MONTHLY);
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

test.run();
