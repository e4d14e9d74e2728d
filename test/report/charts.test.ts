import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../src/errors";
import { themed, type ChartSpec } from "../../src/display/chart";
import { darkTheme, theme } from "../../src/display/theme";
import { darkVariant, LINKS_REMOVED, prefixIds, renderChart } from "../../src/report/charts";
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

test("each chart is drawn twice: with the house theme, and on the dark background with light text", async () => {
  const chart = await renderChart(themed(barSpec() as unknown as ChartSpec), "vega-lite");
  assert.match(chart.svg, /<rect width="\d+" height="\d+" fill="white"\/>/);
  assert.ok(chart.dark, "a dark drawing");
  assert.match(chart.dark.svg, `fill="${darkTheme.background}"`);
  assert.match(chart.dark.svg, `fill="${darkTheme.axis.labelColor}"`, "axis labels in the dark theme's colour");
  assert.is(barPaths(chart.dark.svg).length, 3, "the same bars");
  assert.equal(barPaths(chart.dark.svg), barPaths(chart.svg));
});

test("a spec with its own background keeps its colours in the dark scheme: no dark drawing", async () => {
  const own = themed({ ...barSpec(), background: "#fdf6e3" } as unknown as ChartSpec);
  assert.is((await renderChart(own, "vega-lite")).dark, undefined);
  assert.is(darkVariant({ config: { background: "#123" } }), undefined);
  assert.equal(darkVariant({ config: { axis: { labelFontSize: 20, labelColor: "#555" } } })?.["config"], { ...darkTheme, axis: { labelFontSize: 20, ...darkTheme.axis } });
});

/** WCAG 2.1's contrast ratio of two colours written #rgb or #rrggbb. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const hex = color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join("")}` : color;
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// axe cannot judge text drawn in an SVG (it finds no background): the themes' text colours are checked here.
test("the charts' text keeps 4.5:1 on its background in both themes", () => {
  const texts = (t: { title: { color: string }; axis: { titleColor: string; labelColor: string } }) => [t.title.color, t.axis.titleColor, t.axis.labelColor];
  for (const color of texts(theme)) assert.ok(contrast(color, "#ffffff") >= 4.5, `${color} on white: ${contrast(color, "#ffffff").toFixed(2)}`);
  for (const color of [...texts(darkTheme), darkTheme.title.subtitleColor, darkTheme.legend.labelColor, darkTheme.legend.titleColor, darkTheme.text.color]) {
    assert.ok(contrast(color, darkTheme.background) >= 4.5, `${color} on ${darkTheme.background}: ${contrast(color, darkTheme.background).toFixed(2)}`);
  }
  assert.ok(contrast("#777777", "#ffffff") < 4.5, "the check can fail");
});

test("two drawings in a page never share an id: each gets a prefix, and its references follow", () => {
  const svg = `<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/><a href="#elsewhere"/></g></svg>`;
  assert.is(prefixIds(svg, "chart2-dark-"), `<svg><defs><clipPath id="chart2-dark-clip1"><rect/></clipPath></defs><g clip-path="url(#chart2-dark-clip1)"><use href="#chart2-dark-clip1"/><a href="#elsewhere"/></g></svg>`);
  assert.is(prefixIds("<svg><g/></svg>", "x-"), "<svg><g/></svg>");
});

test.run();
