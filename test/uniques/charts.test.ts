import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "vega-lite";
import type { ChartSpec } from "../../src/display";
import { dailyErrorChart, dailyOffsetShareChart, monthlyOffsetShareChart, qualityChart, truthErrorChart } from "../../src/uniques/charts";

const summary = pl.DataFrame({ bucket: ["en.wikipedia", "de.wikipedia"], daily_share: [0.1, 0.2], monthly_share: [0.2, 0.3], monthly_over_daily: [2, 1.5] });
// The builders return Vega-Lite's type; its compiler is the check at run time.
const valid = (spec: ChartSpec) => assert.ok(compile(spec).spec, "vega-lite compiles it");
const json = (spec: ChartSpec) => JSON.stringify(spec);

test("offset-share charts list projects largest first and leave out undefined shares", () => {
  const daily = pl.DataFrame({ bucket: ["de.wikipedia", "en.wikipedia", "en.wikipedia"], day: ["2016-01-01", "2016-01-01", "2016-01-02"], offset_share: [0.2, null, 0.1] });
  const d = dailyOffsetShareChart(daily, summary);
  valid(d);
  assert.match(json(d), /"sort":\["en.wikipedia","de.wikipedia"\]/);
  assert.is((d.data as { values: unknown[] }).values.length, 2);
  const monthly = pl.DataFrame({ bucket: ["en.wikipedia"], month: ["2016-01"], offset_share: [0.2] });
  valid(monthlyOffsetShareChart(monthly, summary));
});

test("the quality scatter: log–log, the threshold as a rule, and what a log scale cannot show is left out and said", () => {
  const quality = pl.DataFrame({ domain: ["a", "b", "c"], median_daily: [5000, 0, 50], std_variation: [0.05, 0.5, null], platform: ["desktop", "mobile", "mobile"] });
  const spec = qualityChart(quality);
  valid(spec);
  const text = json(spec);
  assert.match(text, /"values":\[\{"x":1000\}\]/);
  assert.match(text, /"type":"log"/);
  assert.match(text, /2 domains left out/);
});

test("truth charts compile", () => {
  valid(truthErrorChart(pl.DataFrame({ domain: ["a"], month: ["2016-01"], estimate: [11], truth: [10], relative_error: [0.1], platform: ["desktop"] })));
  valid(dailyErrorChart(pl.DataFrame({ domain: ["a"], platform: ["desktop"], median_truth: [100], median_estimate: [110], median_relative_error: [0.1], spread: [0.3] })));
});

test.run();
