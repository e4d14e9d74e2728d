import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { durationRangesChart, histogramChart, intervalChart, shortShareChart, topHostsChart } from "../../src/jelly/charts";
import { durationHistograms } from "../../src/jelly/duration-histograms";
import { histogram } from "../../src/stats/histogram";

test("bars of joins per host, data inline", () => {
  const spec = topHostsChart(pl.DataFrame({ host: ["a.com", "b.com"], joins: [3, 1] })) as { data: { values: unknown[] }; mark: { type: string } };
  assert.equal(spec.data.values, [{ host: "a.com", joins: 3 }, { host: "b.com", joins: 1 }]);
  assert.is(spec.mark.type, "bar");
});

test("histograms stacked, one bar per bin with its edges", () => {
  const spec = histogramChart("Netflix", [{ title: "0 to 6", histogram: histogram([0, 1, 5, 6], 0, 6, 3) }]) as unknown as { vconcat: { data: { values: unknown[] } }[] };
  assert.is(spec.vconcat.length, 1);
  assert.equal(spec.vconcat[0]!.data.values, [{ from: 0, to: 2, count: 2 }, { from: 2, to: 4, count: 0 }, { from: 4, to: 6, count: 2 }]);
});

test("one sample's histograms of durationHistograms, a panel per range", () => {
  const spec = durationRangesChart("Netflix", durationHistograms({ netflix: [1, 50, 200] }), "netflix") as unknown as { vconcat: { title: { text: string } }[] };
  assert.equal(spec.vconcat.map((p) => p.title.text), ["0 to 120 minutes", "10 to 300 minutes"]);
  assert.throws(() => durationRangesChart("?", durationHistograms({ netflix: [1] }), "youtube"), /no histogram youtube_0_120/);
});

test("intervals and shares carry their columns", () => {
  const intervals = pl.DataFrame({ host: ["a.com"], sessions: [3], mean_minutes_exact: [2], lo: [1], hi: [3] });
  assert.equal((intervalChart(intervals) as { data: { values: unknown[] } }).data.values, [{ host: "a.com", mean_minutes_exact: 2, lo: 1, hi: 3 }]);
  const shares = pl.DataFrame({ host: ["a.com"], share: [0.25] });
  assert.equal((shortShareChart(shares) as { data: { values: unknown[] } }).data.values, [{ host: "a.com", share: 0.25 }]);
});

test.run();
