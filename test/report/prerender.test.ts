// Charts drawn in a worker thread while a notebook runs (each test starts one worker: about 0.5 s).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderReport } from "../../src/report";
import { renderChart } from "../../src/report/charts";
import { renderOutputs, type OutputContext } from "../../src/report/outputs";
import { ChartPrerenderer } from "../../src/report/prerender";
import { Slugger } from "../../src/report/slug";
import { barSpec, code, display, info, notebook, PNG, VEGALITE } from "./fixtures";

const VEGA = "application/vnd.vega.v5+json";
/** vega numbers clip paths with counters of the thread: two exports compare equal from the same start. */
const { resetSVGDefIds } = require("vega") as { resetSVGDefIds: () => void };

test("a chart drawn in the worker is the SVG and spec this thread would draw, and the export uses it", async () => {
  const charts = new ChartPrerenderer();
  try {
    charts.offer({ [VEGALITE]: barSpec(), "text/plain": "<chart>" });
    const drawn = await charts.lookup(barSpec(), "vega-lite");
    const here = await renderChart(barSpec(), "vega-lite");
    assert.is(drawn?.svg, here.svg);
    assert.is(JSON.stringify(drawn?.spec), JSON.stringify(here.spec), "the spec as the page embeds it");

    const ctx: OutputContext = { slugger: new Slugger(), charts: [], prerendered: charts };
    await renderOutputs([display({ [VEGALITE]: barSpec() })], ctx);
    assert.is(ctx.charts[0], drawn, "the worker's drawing, not a second one");
  } finally {
    await charts.close();
  }
});

test("the report is the same with charts drawn in the worker, and charts the worker cannot draw keep their error", async () => {
  const vegaSpec = (await renderChart(barSpec("Vega"), "vega-lite")).spec;
  const outputs = [
    display({ [VEGALITE]: barSpec("One") }),
    display({ [VEGALITE]: "{oops" }),
    display({ [VEGA]: vegaSpec }),
    display({ [VEGALITE]: { ...barSpec(), data: { url: "https://example.com/visits.csv" } } }),
    display({ [VEGALITE]: { ...barSpec("Clipped"), mark: { type: "bar", clip: true } } }),
    display({ [VEGALITE]: barSpec("One") }),
  ];
  const nb = notebook([code("charts()", outputs)]);
  const charts = new ChartPrerenderer();
  try {
    for (const o of outputs) if (o.output_type === "display_data") charts.offer(o.data);
    assert.is(await charts.lookup("{oops", "vega-lite"), undefined, "a failure is not an answer: the export draws that chart itself");
    assert.is(await charts.lookup({ ...barSpec("Clipped"), mark: { type: "bar", clip: true } }, "vega-lite"), undefined, "clip ids are numbered by the export's thread");
    resetSVGDefIds();
    const html = await renderReport(nb, info(), { includeCode: true, prerendered: charts });
    resetSVGDefIds();
    assert.is(html, await renderReport(nb, info(), { includeCode: true }));
    assert.match(html, 'clip-path="url(#clip1)"');
    assert.match(html, "This chart could not be drawn:</strong> expected a Vega-Lite spec as JSON, but it does not parse");
    assert.match(html, "This chart could not be drawn:</strong> chart data comes from &quot;https://example.com/visits.csv&quot;");
    assert.match(html, 'data-chart="4"');
  } finally {
    await charts.close();
  }
});

test("outputs without a chart start no worker; after close the export draws what is left", async () => {
  const charts = new ChartPrerenderer();
  charts.offer({ "text/plain": "1" });
  charts.offer({ "image/png": PNG, "text/html": "<b>x</b>" });
  assert.is(charts.started, false);
  assert.is(await charts.lookup(barSpec(), "vega-lite"), undefined);

  charts.offer({ [VEGALITE]: barSpec() });
  assert.is(charts.started, true);
  await charts.close();
  assert.is(await charts.lookup(barSpec(), "vega-lite"), undefined, "closed before it was drawn");
  charts.offer({ [VEGALITE]: barSpec("Later") });
  assert.is(await charts.lookup(barSpec("Later"), "vega-lite"), undefined);
});

test.run();
