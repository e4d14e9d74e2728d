import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureDisplays, chart, theme, VEGALITE_MIME } from "../../src/display";
import { themed } from "../../src/display/chart";

test("chart() sends the Vega-Lite spec as a JSON object with a text fallback", () => {
  const [d] = captureDisplays(() => chart({ title: "Sessions", data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" } } }));
  const spec = d!.data[VEGALITE_MIME] as Record<string, unknown>;
  assert.type(spec, "object");
  assert.is(spec["mark"], "bar");
  assert.is(d!.data["text/plain"], "<Vega-Lite chart: Sessions>");
});

test("the theme is the base config; a spec's own config wins key by key", () => {
  const spec = themed({ data: { values: [] }, mark: "point", config: { axis: { labelFontSize: 20 }, background: "#eee" } });
  const config = spec.config as Record<string, Record<string, unknown>>;
  assert.is(config["axis"]!["labelFontSize"], 20);
  assert.is(config["axis"]!["gridColor"], theme.axis.gridColor);
  assert.is(config["background"], "#eee");
  assert.equal(config["range"], theme.range);
});

test.run();
