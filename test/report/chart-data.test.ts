import { test } from "uvu";
import * as assert from "uvu/assert";
import { chartTables, chartTablesHtml, MAX_ROWS } from "../../src/report/chart-data";
import { barSpec } from "./fixtures";

test("a chart's inline data is its table: the columns in the order they appear, every row", () => {
  const [table, ...rest] = chartTables(barSpec(), "Three bars");
  assert.equal(rest, []);
  assert.equal(table, { title: "Three bars", columns: ["a", "b"], rows: [["A", 3], ["B", 5], ["C", 2]], total: 3 });
  const uneven = chartTables({ data: { values: [{ a: 1 }, { b: 2, a: null }, 7] } }, "");
  assert.equal(uneven[0]?.columns, ["a", "b", "data"], "a plain value is Vega-Lite's field `data`");
  assert.equal(uneven[0]?.rows, [[1, undefined, undefined], [null, 2, undefined], [undefined, undefined, 7]]);
});

test("every dataset of a concatenation, a layer, `datasets` and a Vega spec; the part's title names it", () => {
  const values = [{ x: 1 }];
  const spec = { title: "All", vconcat: [{ title: { text: "Top" }, data: { values }, mark: "point" }, { layer: [{ data: { values: [{ y: 2 }] }, mark: "tick" }] }], datasets: { named: [{ z: 3 }] } };
  assert.equal(chartTables(spec, "All").map((t) => [t.title, t.columns]), [["Top", ["x"]], ["All", ["y"]], ["All", ["z"]]]);
  const vega = { data: [{ name: "table", values: [{ c: 1 }, { c: 2 }] }, { name: "derived", source: "table" }] };
  assert.equal(chartTables(vega, "").map((t) => t.total), [2], "a derived dataset has no values of its own");
});

test(`at most ${MAX_ROWS} rows are kept; the caption says how many there are`, () => {
  const values = Array.from({ length: 250 }, (_, i) => ({ i }));
  const [table] = chartTables({ title: "Many", data: { values }, mark: "point" }, "Many");
  assert.is(table?.rows.length, MAX_ROWS);
  assert.is(table?.total, 250);
  const html = chartTablesHtml(table ? [table] : [], 3);
  assert.match(html, '<details class="chart-data"><summary>Data table (250 rows)</summary>');
  assert.match(html, '<caption id="chart_3_data_1">Chart 3 data, “Many”: the first 100 of 250 rows</caption>');
  assert.match(html, '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="chart_3_data_1">');
  assert.is(html.match(/<tr>/g)?.length, MAX_ROWS + 1, "a header row and 100 rows");
});

test("cells: numbers right-aligned, text escaped, null said, objects as JSON", () => {
  const html = chartTablesHtml([{ title: "", columns: ["n", "s", "z", "o"], rows: [[1.5, "<b>", null, { k: [1] }]], total: 1 }], 1);
  assert.match(html, '<th scope="col">n</th>');
  assert.match(html, '<tr><td class="num">1.5</td><td>&lt;b&gt;</td><td class="null">null</td><td>{&quot;k&quot;:[1]}</td></tr>');
  assert.match(html, "<caption id=\"chart_1_data_1\">Chart 1 data: 1 row</caption>");
  assert.is(chartTablesHtml([], 1), "", "no inline data, no toggle");
});

test.run();
