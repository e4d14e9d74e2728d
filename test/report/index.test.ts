// The whole report, as a reader gets it.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderReport } from "../../src/report";
import { barSpec, code, display, info, md, notebook, PNG, VEGALITE } from "./fixtures";

const count = (html: string, s: string) => html.split(s).length - 1;
const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);

test("title, contents and anchors come from the headings; repeated headings get distinct ids", async () => {
  const nb = notebook([
    md("# Visits report\n\nIntro."),
    md("## Results\n\ntext\n\n### Details"),
    md("## Results"),
    code("1", [display({ "text/markdown": "## Results" })]),
  ]);
  const html = await renderReport(nb, info(), { includeCode: true });
  assert.match(html, "<title>Visits report</title>");
  assert.match(html, '<h1 id="visits-report">Visits report</h1>');
  assert.is(count(html, "Visits report</h1>"), 1, "the title heading is not repeated in the body");
  assert.match(html, '<nav class="toc"');
  assert.match(html, '<li><a href="#results">Results</a><ol><li><a href="#details">Details</a></li></ol></li><li><a href="#results-1">Results</a></li>');
  assert.match(html, '<h2 id="results-2">', "a heading in an output gets its own id too");
  const all = ids(html);
  assert.equal(all.length, new Set(all).size, `ids are unique: ${all.join(" ")}`);
});

test("without a heading the title is the notebook's file name", async () => {
  const html = await renderReport(notebook([md("Just text.")]), info({ notebookPath: "notebooks/weekly-visits.ipynb" }), { includeCode: true });
  assert.match(html, "<title>weekly-visits</title>");
  assert.not.match(html, '<nav class="toc"');
});

test("code is highlighted and folded in <details>, with a toggle for JavaScript; includeCode false leaves it out", async () => {
  const nb = notebook([code("const answer = 42;\nanswer", [{ output_type: "execute_result", execution_count: 1, data: { "text/plain": "42" }, metadata: {} }])]);
  const withCode = await renderReport(nb, info(), { includeCode: true });
  assert.match(withCode, /<details class="code"><summary>Code<span class="cell-number">cell 1<\/span><\/summary><pre><code class="hljs language-typescript"><span class="hljs-keyword">const<\/span> answer = <span class="hljs-number">42<\/span>;/);
  assert.match(withCode, '<button type="button" id="code_toggle" class="code-toggle" aria-pressed="false" hidden>Show all code</button>', "hidden until the script shows it");
  const without = await renderReport(nb, info(), { includeCode: false });
  assert.not.match(without, "<details");
  assert.not.match(without, "answer");
  assert.not.match(without, "code_toggle");
  assert.match(without, '<pre class="output-text">42</pre>');
});

test("a PNG output is inlined as a data: URI", async () => {
  const html = await renderReport(notebook([code("plot()", [display({ "image/png": PNG + "\n" })])]), info(), { includeCode: true });
  assert.match(html, `<img src="data:image/png;base64,${PNG}"`);
});

test("vega's runtime is inlined once for two charts, each with its compiled spec, and not at all without charts", async () => {
  const vegaStart = readFileSync(require.resolve("vega/build/vega.min.js"), "utf8").slice(0, 200);
  const tooltipStart = readFileSync(require.resolve("vega-tooltip/build/vega-tooltip.min.js"), "utf8").slice(0, 200);
  const two = await renderReport(notebook([code("a", [display({ [VEGALITE]: barSpec("One") })]), code("b", [display({ [VEGALITE]: barSpec("Two") })])]), info(), { includeCode: true });
  assert.is(count(two, vegaStart), 1);
  assert.is(count(two, tooltipStart), 1);
  assert.is(count(two, '<figure class="chart"'), 2);
  assert.match(two, '<figure class="chart" data-chart="2">');
  assert.match(two, '<script type="application/json" id="vega_spec_1">');
  assert.match(two, '<script type="application/json" id="vega_spec_2">');
  assert.not.match(two, "sourceMappingURL");
  const none = await renderReport(notebook([md("# No charts"), code("1", [display({ "text/plain": "1" })])]), info(), { includeCode: true });
  assert.not.match(none, vegaStart);
  assert.not.match(none, tooltipStart);
  assert.not.match(none, "vega_spec");
});

test("nothing is loaded from outside the file", async () => {
  const nb = notebook([
    md("# Report\n\n![x](attachment:x.png) and ![remote](https://example.com/a.png)", { attachments: { "x.png": { "image/png": PNG } } }),
    code("chart()", [display({ [VEGALITE]: barSpec() })]),
    code("plot()", [display({ "image/png": PNG })]),
  ]);
  const html = await renderReport(nb, info(), { includeCode: true });
  assert.not.match(html, /\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  assert.not.match(html, /url\(\s*["']?(https?:)?\/\//i);
  assert.not.match(html, /<link\b/i);
  assert.not.match(html, /@import/i);
  assert.match(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`, "and the browser is told to refuse any load");
});

test("a failed run: a banner naming the cell (1-based) and the message, linked to the highlighted cell", async () => {
  const nb = notebook([
    md("# Report"),
    code("const a = 1;"),
    code('throw new Error("the data is gone")', [{ output_type: "error", ename: "Error", evalue: "the data is gone", traceback: [] }], ["remove-cell"]),
    code("notRun()"),
  ]);
  const html = await renderReport(nb, info({ failure: { cellIndex: 2, message: "Error: the data is gone <for real>" } }), { includeCode: true });
  assert.match(html, '<div class="failure-banner" role="alert"><strong>This run FAILED at <a href="#cell_3">cell 3</a>:</strong> <span class="failure-message">Error: the data is gone &lt;for real&gt;</span>');
  assert.ok(html.indexOf("failure-banner") < html.indexOf("report-header"), "the banner is at the top");
  assert.match(html, '<div class="cell code-cell failed" id="cell_3">', "shown although tagged remove-cell: a failure is never hidden");
  assert.match(html, '<details class="code" open>', "its code is open");
  assert.match(html, '<div class="cell code-cell not-run" id="cell_4">');
  assert.match(html, "<title>FAILED: Report</title>");
});

test("text a user gave is escaped: a parameter holding </script><b> stays text", async () => {
  const evil = "</script><b>bold</b>";
  const nb = notebook([md("# R"), code("chart()", [display({ [VEGALITE]: { ...barSpec(evil) } })])]);
  const html = await renderReport(nb, info({ parameters: { note: evil }, notebookPath: `notebooks/${evil}.ipynb`, inputs: [{ path: evil, bytes: 1, sha256: "ab" }] }), { includeCode: true });
  assert.not.match(html, "<b>bold");
  assert.match(html, "<code>&quot;&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;&quot;</code>");
  assert.is(count(html, "<script"), count(html, "</script>"), "every script element ends where it should");
});

test("recorded results (scrapbook) are not shown", async () => {
  const scrap = { name: "total", data: "a-recorded-value-8290", encoder: "json", version: 1 };
  const nb = notebook([code('record("total", x)', [{ output_type: "display_data", data: { "application/scrapbook.scrap.json+json": scrap }, metadata: { scrapbook: { name: "total", data: true, display: false } } }])]);
  const html = await renderReport(nb, info(), { includeCode: false });
  assert.not.match(html, "a-recorded-value-8290");
});

test("a cell whose outputs may be incomplete is named in the header, with a link, and marked where it is", async () => {
  const why = "the kernel's messages were lost: its status idle never arrived (waited 4 s after the last one); outputs may be incomplete";
  const lossy = code("burst()", [{ output_type: "stream", name: "stdout", text: "line 1\n" }]);
  lossy.metadata["analysis"] = { output_incomplete: why };
  const html = await renderReport(notebook([md("# R"), code("1"), lossy]), info({ incomplete: [{ cellIndex: 2, message: why }] }), { includeCode: true });
  assert.match(html, `<strong>Output incomplete in 1 cell:</strong><ul><li><a href="#cell_3">cell 3</a>: the kernel&#39;s messages were lost`);
  assert.match(html, `<p class="failed-label output-incomplete">Output incomplete: the kernel&#39;s messages were lost`);
});

test.run();
