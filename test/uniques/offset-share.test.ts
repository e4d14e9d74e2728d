import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { offsetShares, offsetShareSummary } from "../../src/uniques/offset-share";
import { MONTHLY } from "./fixtures";

test("the offset's share per bucket and period, null when there is no estimate", () => {
  const withZero = pl.concat([MONTHLY, pl.DataFrame({ domain: ["fr.wikipedia.org"], month: ["2016-01"], underestimate: [0], offset: [0], estimate: [0] })]);
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

test.run();
