// Runs side by side from their recorded results: numbers with their differences to the first run,
// tables matched by key (a row in one run only), claims per run, a run with no report; and the
// page: escaped, self-contained, no script but the theme toggle's, a chart with its text alternative.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareRuns } from "../../src/report/compare";
import { renderComparePage, sparkline } from "../../src/report/compare-page";

const jan = {
  total: 100,
  stats: { mean: 2.5, n: 40 },
  top: ["a", "b"],
  sites: [
    { host: "netflix.com", joins: 10, share: 0.5 },
    { host: "youtube.com", joins: 8, share: 0.4 },
    { host: "hulu.com", joins: 2, share: 0.1 },
  ],
  claims: [
    { text: "Netflix leads.", holds: true },
    { text: "Hulu is small.", holds: true },
  ],
};
const feb = {
  total: 125,
  stats: { mean: 2.5 * (1 + 1e-12), n: 38 },
  top: ["b", "a"],
  sites: [
    { host: "youtube.com", joins: 12, share: 0.6 },
    { host: "netflix.com", joins: 8, share: 0.4 },
    { host: "<script>x</script>", joins: 0, share: 0 },
  ],
  claims: [
    { text: "Netflix leads.", holds: false },
    { text: "Hulu is small.", holds: null },
  ],
};

const compared = () =>
  compareRuns("sites", "notebooks/sites.ipynb", [
    { name: "sites-jan", parameters: { month: "2021-01" }, records: jan, started: "2021-02-01T00:00:00.000Z" },
    { name: "sites-feb", parameters: { month: "2021-02" }, records: feb, started: "2021-03-01T00:00:00.000Z" },
    { name: "sites-mar", parameters: { month: "2021-03" } },
  ]);

test("numbers: one row per number (inside objects too), the difference to the first run, same within 1e-9", () => {
  const c = compared();
  assert.equal(c.numbers, [
    { result: "total", values: [100, 125, null], differences: [0, 25, null], relative: [0, 0.25, null] },
    // 2.5 × (1 + 1e-12) is the same number to the results diff.
    { result: "stats.mean", values: [2.5, 2.5 * (1 + 1e-12), null], differences: [0, 0, null], relative: [0, 0, null] },
    { result: "stats.n", values: [40, 38, null], differences: [0, -2, null], relative: [0, -0.05, null] },
  ]);
  assert.equal(c.values, [{ result: "top", values: [["a", "b"], ["b", "a"], null] }]);
  assert.equal(c.runs.map((r) => [r.name, r.report, r.started]), [
    ["sites-jan", true, "2021-02-01T00:00:00.000Z"],
    ["sites-feb", true, "2021-03-01T00:00:00.000Z"],
    ["sites-mar", false, null],
  ]);
});

test("tables: rows matched by their key column whatever their order; a row in one run only has null in the others", () => {
  const [t] = compared().tables;
  assert.is(t?.result, "sites");
  assert.equal(t?.key, ["host"]);
  assert.equal(t?.columns, ["host", "joins", "share"]);
  assert.equal(
    t?.rows.map((r) => [r.key, r.cells.map((c) => (c === null ? null : c["joins"]))]),
    [
      [{ host: "netflix.com" }, [10, 8, null]],
      [{ host: "youtube.com" }, [8, 12, null]],
      [{ host: "hulu.com" }, [2, null, null]],
      [{ host: "<script>x</script>" }, [null, 0, null]],
    ],
  );
});

test("tables whose rows no leading column names are matched by position", () => {
  const c = compareRuns("s", "n", [
    { name: "a", parameters: {}, records: { t: [{ x: 1 }, { x: 2 }] } },
    { name: "b", parameters: {}, records: { t: [{ x: 3 }] } },
  ]);
  assert.equal(c.tables[0]?.key, null);
  assert.equal(c.tables[0]?.rows, [
    { key: { row: 1 }, cells: [{ x: 1 }, { x: 3 }] },
    { key: { row: 2 }, cells: [{ x: 2 }, null] },
  ]);
});

test("claims: which hold in which run; absent where a run made no such claim", () => {
  assert.equal(compared().claims, [
    { text: "Netflix leads.", holds: [true, false, "absent"] },
    { text: "Hulu is small.", holds: [true, null, "absent"] },
  ]);
});

test("the page: each run's column, the new values with their differences, the row in one run only, claims, escaped text, one hashed script", () => {
  const html = renderComparePage(compared(), "Sites <per month>");
  assert.match(html, `<title>sites: runs compared</title>`);
  assert.match(html, "Sites &lt;per month&gt;");
  assert.not.match(html, "<script>x</script>");
  assert.match(html, "&lt;script&gt;x&lt;/script&gt;");
  // 125 beside 100: +25 (+25 %); the February run is a link, March has no report.
  assert.match(html, /<td class="num differs">125<span class="delta">\+25 \(\+25 %\)<\/span><\/td>/);
  assert.match(html, /<td class="num">2\.5<span class="delta">same<\/span><\/td>/);
  assert.match(html, `<a href="sites-feb.html">sites-feb</a>`);
  assert.match(html, `sites-mar <span class="missing">(no report yet)</span>`);
  // hulu.com is in January only: "no row" in February.
  assert.match(html, /hulu\.com<\/th><th scope="row"><code>joins<\/code><\/th><td class="num">2<\/td><td class="missing">no row<\/td><td class="missing">no report<\/td>/);
  assert.match(html, /Netflix leads\.<\/th><td class="">holds<\/td><td class="holds-false">does not hold<\/td>/);
  assert.match(html, /Hulu is small\.<\/th><td class="">holds<\/td><td class="missing">not checked<\/td>/);
  // Self-contained: no external reference; only the theme toggle runs, named by its hash.
  assert.not.match(html, /(src|href)="(https?:)?\/\//);
  assert.is(html.match(/<script>/g)?.length, 1);
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/=]+'; /);
});

test("the chart of a number across the runs: a line through each value, named by the values for a screen reader", () => {
  const svg = sparkline("total", ["jan", "feb", "mar"], [100, 150, 125]);
  assert.match(svg, `aria-label="total across the runs: jan 100; feb 150; mar 125"`);
  assert.match(svg, `role="img"`);
  // 120 × 32 with 4 px padding: x at 4, 60, 116; y from 28 (lowest) to 4 (highest).
  assert.match(svg, `points="4.0,28.0 60.0,4.0 116.0,16.0"`);
  // A run with no value breaks the line; its dot is left out.
  const gap = sparkline("t", ["a", "b", "c"], [1, null, 2]);
  assert.not.match(gap, "<polyline");
  assert.is(gap.match(/<circle/g)?.length, 2);
  assert.match(gap, "b none");
  assert.is(sparkline("t", ["a"], [null]), "");
});

test("built from the recorded results in well under a second, also for the largest committed results", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const records = JSON.parse(readFileSync(join(__dirname, "..", "..", "reports", "unique-devices.json"), "utf8")) as Record<string, unknown>;
  const t0 = performance.now();
  const c = compareRuns("u", "n", ["a", "b", "c"].map((name) => ({ name, parameters: {}, records })));
  renderComparePage(c);
  JSON.stringify(c);
  assert.ok(performance.now() - t0 < 500, `${performance.now() - t0} ms`);
  assert.ok(c.tables.length > 0);
});

test("a run listed beside a grid (the whole period beside each month) is a column but not a point of the grid's line", () => {
  const whole = { total: 1000 };
  const c = compareRuns("sites", "notebooks/sites.ipynb", [
    { name: "sites", parameters: {}, records: whole },
    { name: "sites-jan", parameters: { month: "2021-01" }, records: { total: 100 } },
    { name: "sites-feb", parameters: { month: "2021-02" }, records: { total: 150 } },
  ], ["sites-jan", "sites-feb"]);
  assert.equal(c.line, [1, 2]);
  const page = renderComparePage(c);
  assert.match(page, 'aria-label="total across the runs: sites-jan 100; sites-feb 150"');
  assert.not.match(page, "across the runs: sites 1,000");
  // Without a grid, the line goes through every run.
  assert.equal(compareRuns("s", "n.ipynb", [{ name: "a", parameters: {}, records: whole }, { name: "b", parameters: {}, records: whole }]).line, [0, 1]);
});

test.run();
