import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dailyRecord, monthlyRecord, qualityRecord, reportRecord, truthErrorRecord } from "../../src/uniques/recorded";

test("each record has exactly the fields the issue lists, in that order", () => {
  const daily = pl.DataFrame({ domain: ["a.org"], day: ["2016-01-01"], underestimate: [1], offset: [2], estimate: [3], extra: [9] });
  assert.equal(dailyRecord(daily), [{ domain: "a.org", day: "2016-01-01", underestimate: 1, offset: 2, estimate: 3 }]);
  assert.equal(Object.keys(dailyRecord(daily)[0] ?? {}), ["domain", "day", "underestimate", "offset", "estimate"]);
  const monthly = daily.rename({ day: "month" });
  assert.equal(monthlyRecord(monthly), [{ domain: "a.org", month: "2016-01-01", underestimate: 1, offset: 2, estimate: 3 }]);
  assert.equal(reportRecord(pl.DataFrame({ bucket: ["a"], "2016-01": [5] })), [{ bucket: "a", "2016-01": 5 }]);
});

test("values JSON cannot hold become null", () => {
  const quality = pl.DataFrame({ domain: ["a.org", "b.org"], median_daily: [10, 0], std_variation: [NaN, null], platform: ["desktop", "desktop"] });
  assert.equal(qualityRecord(quality), [
    { domain: "a.org", median_daily: 10, std_variation: null },
    { domain: "b.org", median_daily: 0, std_variation: null },
  ]);
  const errors = pl.DataFrame({ domain: ["a.org"], month: ["2016-01"], estimate: [1], truth: [0], relative_error: [Infinity], platform: ["desktop"] });
  assert.equal(truthErrorRecord(errors), [{ domain: "a.org", month: "2016-01", estimate: 1, truth: 0, relative_error: null }]);
});

test.run();
