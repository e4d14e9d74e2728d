import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderChart } from "../../src/report/charts";
import { barSpec } from "./fixtures";

test("without a description: the title, then what is drawn, each axis with its title and the values its scale spans", async () => {
  const { alt } = await renderChart(barSpec(), "vega-lite");
  assert.is(alt, "Three bars. Chart of 3 bars. X axis, a: 3 values: A, B, C. Y axis, b: from 0 to 5.");
});

test("with a description: the title and the author's description, nothing built", async () => {
  const spec = { ...barSpec(), description: "Bar B is the tallest, with 5." };
  assert.is((await renderChart(spec, "vega-lite")).alt, "Three bars. Bar B is the tallest, with 5.");
  const subtitled = { ...barSpec(), title: { text: "Three bars", subtitle: "made up" }, description: "B wins." };
  assert.is((await renderChart(subtitled, "vega-lite")).alt, "Three bars. made up. B wins.");
});

test("a line over days, a colour legend, a log scale; many categories are listed by their first and last", async () => {
  const days = Array.from({ length: 10 }, (_, i) => ({ day: `2024-05-${String(i + 1).padStart(2, "0")}`, n: 10 ** (i % 3), site: `s${i % 2}` }));
  const line = {
    title: "Per day",
    data: { values: days },
    mark: "line",
    encoding: { x: { field: "day", type: "temporal", title: "day" }, y: { field: "n", type: "quantitative", scale: { type: "log" } }, color: { field: "site", type: "nominal" } },
  };
  const { alt } = await renderChart(line, "vega-lite");
  assert.match(alt, /^Per day\. Chart of 2 lines through 10 points\. X axis, day: from 2024-05-\d\d( \d\d:\d\d)? to 2024-05-\d\d( \d\d:\d\d)?\. Y axis, n: from 1 to 100 \(log scale\)\. Legend for colour, site: 2 values: s0, s1\.$/);
  const bars = { data: { values: days }, mark: "bar", encoding: { x: { field: "day", type: "ordinal" }, y: { field: "n", type: "quantitative" } } };
  assert.is((await renderChart(bars, "vega-lite")).alt, "Chart of 10 bars. X axis, day: 10 values: 2024-05-01, 2024-05-02, 2024-05-03, 2024-05-04, 2024-05-05, …, 2024-05-10. Y axis, n: from 0 to 100.");
});

test("layers and concatenations: every kind of mark counted, the parts' titles named, a shared axis said once", async () => {
  const values = [{ a: "A", b: 3 }, { a: "B", b: 5 }];
  const layered = { title: "Layers", data: { values }, layer: [{ mark: "bar" }, { mark: "rule", encoding: { y: { aggregate: "mean", field: "b" } } }], encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } };
  assert.is((await renderChart(layered, "vega-lite")).alt, "Layers. Chart of 2 bars and 2 rules. X axis, a: 2 values: A, B. Y axis, b, Mean of b: from 0 to 5.");
  const concat = {
    title: "Two views",
    vconcat: [
      { title: "Top", data: { values }, mark: "point", encoding: { x: { field: "b", type: "quantitative" } } },
      { title: "Bottom", data: { values }, mark: "tick", encoding: { x: { field: "b", type: "quantitative" } } },
    ],
  };
  assert.is((await renderChart(concat, "vega-lite")).alt, "Two views. Parts: Top; Bottom. Chart of 2 points and 2 ticks. X axis, b: from 0 to 5.");
});

test.run();
