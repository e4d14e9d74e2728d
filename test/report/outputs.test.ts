import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Output } from "../../src/notebook/notebook";
import { renderOutputs, type OutputContext } from "../../src/report/outputs";
import { Slugger } from "../../src/report/slug";
import { barSpec, display, PNG, VEGALITE } from "./fixtures";

const context = (): OutputContext => ({ slugger: new Slugger(), charts: [] });
const render = (outputs: Output[], ctx = context()) => renderOutputs(outputs, ctx);

test("PNGs become data: URIs, whether one string with a newline or a list of lines", async () => {
  const img = `<img src="data:image/png;base64,${PNG}"`;
  assert.match(await render([display({ "image/png": PNG + "\n", "text/plain": "<Figure>" })]), `${img} alt="&lt;Figure&gt;">`);
  assert.match(await render([display({ "image/png": [PNG.slice(0, 20) + "\n", PNG.slice(20)] })]), img);
  const sized: Output = { output_type: "display_data", data: { "image/png": PNG }, metadata: { "image/png": { width: 320, height: 200 } } };
  assert.match(await render([sized]), 'width="320" height="200"');
  assert.match(await render([display({ "image/png": "not base64!" })]), "expected base64 image/png data");
});

test("the richest representation wins: chart, then images, HTML, markdown, LaTeX, plain text", async () => {
  const ctx = context();
  const chart = await render([display({ [VEGALITE]: barSpec(), "image/png": PNG, "text/plain": "<chart>" })], ctx);
  assert.match(chart, /^<figure class="chart" data-chart="1"><div class="chart-view" role="img" aria-label="Three bars\. [^"]+"><div class="chart-static chart-light" aria-hidden="true"><svg /);
  assert.match(chart, /<div class="chart-static chart-dark" aria-hidden="true"><svg [^]*<details class="chart-data">/, "the dark drawing, then the data behind a toggle");
  assert.is(ctx.charts.length, 1);
  assert.match(await render([display({ "application/vnd.vegalite.v4+json": barSpec() })]), '<figure class="chart"');
  assert.match(await render([display({ "image/png": PNG, "text/html": "<b>x</b>" })]), "<img ");
  assert.is(await render([display({ "text/html": "<b>x</b>", "text/plain": "x" })]), '<div class="output-html"><b>x</b></div>');
  assert.match(await render([display({ "text/markdown": ["**bold** ", "text"], "text/plain": "x" })]), "<strong>bold</strong> text");
  assert.match(await render([display({ "text/latex": "$$x^2$$", "text/plain": "x" })]), "<msup>");
  assert.is(await render([display({ "text/plain": "a < b" })]), '<pre class="output-text">a &lt; b</pre>');
});

test("a chart that does not compile is an error box in its place, not a failed export", async () => {
  const ctx = context();
  const html = await render([display({ [VEGALITE]: "{oops" }), display({ [VEGALITE]: barSpec() })], ctx);
  assert.match(html, /<div class="output-error chart-error" role="alert"><strong>This chart could not be drawn:<\/strong> expected a Vega-Lite spec as JSON/);
  assert.match(html, 'data-chart="1"', "the good chart after it is still drawn, numbered from 1");
  assert.is(ctx.charts.length, 1);
});

test("HTML table cells holding a number are right-aligned", async () => {
  const html = await render([display({ "text/html": "<table><tr><td>Mon</td><td>1,200</td><td style=\"x\">3</td></tr></table>" })]);
  assert.match(html, '<td>Mon</td><td class="num">1,200</td><td style="x">3</td>');
});

test("recorded results (scrapbook) are not shown", async () => {
  const scrap = { name: "total", data: 8290, encoder: "json", version: 1 };
  assert.is(await render([display({ "application/scrapbook.scrap.json+json": scrap })]), "");
  assert.is(await render([display({ "application/scrapbook.scrap.json+json": scrap, "text/plain": "8290" })]), "");
});

test("streams: one <pre> per run of the same stream, ANSI codes stripped, stderr marked", async () => {
  const html = await render([
    { output_type: "stream", name: "stdout", text: "a\n" },
    { output_type: "stream", name: "stdout", text: "\u001b[1;32mb\u001b[0m\n" },
    { output_type: "stream", name: "stderr", text: "\u001b[33mwarning\u001b[0m <x>\n" },
  ]);
  assert.is(html, '<pre class="stream stdout">a\nb\n</pre>\n<pre class="stream stderr">warning &lt;x&gt;\n</pre>');
});

test("errors show name, value and the traceback without ANSI codes or a repeated first line", async () => {
  const html = await render([{ output_type: "error", ename: "DataError", evalue: "visits.csv line 3: expected a date", traceback: ["\u001b[31mDataError: visits.csv line 3: expected a date\u001b[0m", "    at load (<anonymous>:2:9)"] }]);
  assert.is(html, '<div class="output-error" role="alert"><strong>DataError: visits.csv line 3: expected a date</strong><pre>    at load (&lt;anonymous&gt;:2:9)</pre></div>');
});

test.run();
