import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../src/errors";
import { LINKS_REMOVED, renderChart } from "../../src/report/charts";
import { barPaths, barSpec } from "./fixtures";

test("a Vega-Lite bar chart of 3 values is an SVG with 3 bars of the right heights", async () => {
  const { svg, spec } = await renderChart(barSpec(), "vega-lite");
  assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/, "a viewBox, so CSS can scale it to the column");
  const bars = barPaths(svg);
  assert.is(bars.length, 3);
  assert.equal(bars.map((p) => /v(\d+)h/.exec(p)?.[1]), ["120", "200", "80"]);
  assert.type(spec.marks, "object", "the compiled Vega spec comes along for the live view");
  assert.is((spec as Record<string, unknown>)["$schema"], undefined, "no schema URL in the page");
});

test("a spec may arrive as JSON text, or as a list of lines", async () => {
  const text = JSON.stringify(barSpec());
  assert.is(barPaths((await renderChart(text, "vega-lite")).svg).length, 3);
  assert.is(barPaths((await renderChart([text.slice(0, 10), text.slice(10)], "vega-lite")).svg).length, 3);
});

test("data from a URL is refused with an error that says why, before anything is fetched", async () => {
  const spec = { ...barSpec(), data: { url: "https://example.com/visits.csv" } };
  try {
    await renderChart(spec, "vega-lite");
    assert.unreachable("should have thrown");
  } catch (e) {
    assert.instance(e, DataError);
    assert.match((e as Error).message, 'chart data comes from "https://example.com/visits.csv"; a self-contained report only draws inline data (data.values)');
  }
  const lookup = { ...barSpec(), transform: [{ lookup: "a", from: { data: { url: "names.json" }, key: "a", fields: ["name"] } }] };
  await renderChart(lookup, "vega-lite").then(
    () => assert.unreachable("should have thrown"),
    (e: Error) => assert.match(e.message, '"names.json"'),
  );
});

test("what is not a spec is named", async () => {
  for (const [data, message] of [
    ["{not json", "expected a Vega-Lite spec as JSON, but it does not parse"],
    [42, "expected a Vega-Lite spec object, found number"],
    [[1, 2], "expected a Vega-Lite spec object, found a list"],
    [{ data: { values: [] }, mark: "pie" }, "Vega-Lite could not compile the spec: "],
  ] as const) {
    await renderChart(data, "vega-lite").then(
      () => assert.unreachable("should have thrown"),
      (e: Error) => assert.match(e.message, message),
    );
  }
});

test("an href encoding (a link per bar) is drawn without its links, with a note, and nothing fails later", async () => {
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);
  process.on("unhandledRejection", onRejection);
  try {
    const spec = barSpec();
    spec["data"] = { values: [{ a: "A", b: 3, u: "https://example.org/a" }, { a: "B", b: 5, u: "https://example.org/b" }, { a: "C", b: 2, u: "javascript:alert(1)" }] };
    spec["encoding"] = { ...(spec["encoding"] as object), href: { field: "u", type: "nominal" } };
    const chart = await renderChart(spec, "vega-lite");
    assert.is(barPaths(chart.svg).length, 3);
    assert.not.match(chart.svg, /href=/);
    assert.not.match(JSON.stringify(chart.spec), '"href"', "the live view has no links either");
    assert.is(chart.note, LINKS_REMOVED);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(rejections.map(String), []);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});

test.run();
