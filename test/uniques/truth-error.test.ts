import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseTruth } from "../../src/uniques/load/truth";
import { dailyErrorByDomain, errorByPlatform, thresholdCheck, truthError } from "../../src/uniques/truth-error";

const truth = () =>
  parseTruth(
    {
      monthly: { "en.wikipedia.org|2016-01": 200, "en.m.wikipedia.org|2016-01": 400, "eu.wikipedia.org|2016-01": 10 },
      daily: {
        "big.wikipedia.org|2016-01-01": 2000,
        "big.wikipedia.org|2016-01-02": 2000,
        "big.wikipedia.org|2016-01-03": 2000,
        "small.m.wikipedia.org|2016-01-01": 100,
        "small.m.wikipedia.org|2016-01-02": 100,
        "small.m.wikipedia.org|2016-01-03": 100,
      },
    },
    "truth",
  );
const monthly = pl.DataFrame({ domain: ["en.wikipedia.org", "en.m.wikipedia.org", "bot-only.org"], month: ["2016-01", "2016-01", "2016-01"], underestimate: [200, 300, 50], offset: [20, 60, 0], estimate: [220, 360, 50] });

test("relative error = estimate / truth − 1 for every domain and month of the truth; no estimate counts as 0", () => {
  assert.equal(truthError(monthly, truth()).toRecords(), [
    { domain: "en.m.wikipedia.org", month: "2016-01", estimate: 360, truth: 400, relative_error: 360 / 400 - 1, platform: "mobile" },
    { domain: "en.wikipedia.org", month: "2016-01", estimate: 220, truth: 200, relative_error: 220 / 200 - 1, platform: "desktop" },
    { domain: "eu.wikipedia.org", month: "2016-01", estimate: 0, truth: 10, relative_error: -1, platform: "desktop" },
  ]);
});

test("desktop against mobile: sums and medians", () => {
  const rows = errorByPlatform(truthError(monthly, truth())).toRecords() as Array<Record<string, number | string>>;
  assert.equal({ ...rows[0], median_relative_error: 0 }, { platform: "desktop", domains: 2, estimate: 220, truth: 210, median_relative_error: 0, relative_error_of_sums: 220 / 210 - 1 });
  assert.ok(Math.abs((rows[0]?.["median_relative_error"] as number) - (0.1 + -1) / 2) < 1e-12, "the median of +10% and −100%");
  assert.equal(rows[1], { platform: "mobile", domains: 1, estimate: 360, truth: 400, median_relative_error: 360 / 400 - 1, relative_error_of_sums: 360 / 400 - 1 });
});

test("daily errors per domain, and the threshold check: small domains wander more", () => {
  const daily = pl.DataFrame({
    domain: ["big.wikipedia.org", "big.wikipedia.org", "big.wikipedia.org", "small.m.wikipedia.org", "small.m.wikipedia.org", "small.m.wikipedia.org"],
    day: ["2016-01-01", "2016-01-02", "2016-01-03", "2016-01-01", "2016-01-02", "2016-01-03"],
    underestimate: [2000, 2100, 1900, 100, 300, 50],
    offset: [0, 0, 0, 0, 0, 0],
    estimate: [2000, 2100, 1900, 100, 300, 50],
  });
  const perDomain = dailyErrorByDomain(daily, truth());
  // big: errors 0, 0.05, −0.05 (median 0, std 0.05); small: 0, 2, −0.5 (median 0, std √(13/12 · …)).
  const small = [0, 2, -0.5];
  const mean = small.reduce((s, x) => s + x, 0) / 3;
  const std = Math.sqrt(small.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
  const rows = perDomain.toRecords() as Array<Record<string, number | string>>;
  assert.is(rows[0]?.["domain"], "big.wikipedia.org");
  assert.ok(Math.abs((rows[0]?.["spread"] as number) - 0.05) < 1e-12);
  assert.ok(Math.abs((rows[1]?.["spread"] as number) - std) < 1e-12);
  assert.equal(rows[1]?.["median_estimate"], 100);
  const check = thresholdCheck(perDomain, 1000).toRecords() as Array<Record<string, number | string>>;
  assert.equal(check.map((r) => [r["group"], r["domains"]]), [["below 1000 a day", 1], ["1000 a day or more", 1]]);
  assert.ok((check[0]?.["largest_spread"] as number) > (check[1]?.["largest_spread"] as number));
});

test.run();
