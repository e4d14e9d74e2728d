import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { countBelow, estimateParts, largestProject, mobileBelowDesktop, platformError, shareLargerMonthly, smallVaryMore } from "../../src/uniques/findings";
import { TOTAL_LABEL } from "../../src/uniques/monthly-report";

test("the estimate's parts: 30 + 10 of 40 is three quarters underestimate, one quarter offset", () => {
  assert.equal(estimateParts(pl.DataFrame({ underestimate: [20, 10], offset: [6, 4], estimate: [26, 14] })), { underestimate: 0.75, offset: 0.25 });
  assert.equal(estimateParts(pl.DataFrame({ underestimate: [0], offset: [0], estimate: [0] })), { underestimate: null, offset: null });
  assert.is(shareLargerMonthly(pl.DataFrame({ daily_share: [null], monthly_share: [0.5] })), null);
  assert.is(smallVaryMore(pl.DataFrame({ median_daily: [300], std_variation: [0.1] })), null);
  assert.is(mobileBelowDesktop(pl.DataFrame({ platform: ["desktop"], median_relative_error: [0.05] })), null, "no mobile row: not a 0");
});

test("the largest project in the last month against the next, the total row left out", () => {
  const report = pl.DataFrame({ bucket: ["en.wikipedia", "de.wikipedia", "es.wikiquote", TOTAL_LABEL], "2016-01": [10, 900, 18, 928], "2016-02": [3004, 751, 18, 3773] });
  assert.equal(largestProject(report), { bucket: "en.wikipedia", month: "2016-02", timesNext: 4 });
  assert.is(largestProject(pl.DataFrame({ bucket: [TOTAL_LABEL] })), null);
});

test("projects whose monthly offset share is larger than their daily one; the smaller domains' larger spread", () => {
  assert.is(shareLargerMonthly(pl.DataFrame({ daily_share: [0.1, 0.2, 0.3, null], monthly_share: [0.2, 0.1, 0.4, 0.5] })), 2 / 3);
  // Sizes 10, 20 | 300, 400: spreads 0.9, 0.5 against 0.1, 0.2; medians (upper) 0.9 > 0.2.
  assert.ok(smallVaryMore(pl.DataFrame({ median_daily: [300, 10, 400, 20], std_variation: [0.1, 0.9, 0.2, 0.5] })));
  assert.not.ok(smallVaryMore(pl.DataFrame({ median_daily: [300, 10, 400, 20], std_variation: [0.9, 0.1, 0.8, 0.2] })));
  assert.is(countBelow(pl.DataFrame({ median_daily: [999, 1000, 5, null] }), "median_daily", 1000), 2);
  assert.is(platformError(pl.DataFrame({ platform: ["desktop", "mobile"], median_relative_error: [0.05, -0.1] }), "mobile"), -0.1);
  assert.is(platformError(pl.DataFrame({ platform: ["desktop"], median_relative_error: [0.05] }), "mobile"), null);
  assert.ok(mobileBelowDesktop(pl.DataFrame({ platform: ["desktop", "mobile"], median_relative_error: [0.05, -0.1] })));
  assert.not.ok(mobileBelowDesktop(pl.DataFrame({ platform: ["desktop", "mobile"], median_relative_error: [-0.2, -0.1] })));
});

test.run();
