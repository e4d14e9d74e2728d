import { test } from "uvu";
import * as assert from "uvu/assert";
import type { CodeCell, TextCell } from "../../src/notebook/notebook";
import { renderCodeCell, renderRawCell, type CellContext } from "../../src/report/cells";
import { Slugger } from "../../src/report/slug";
import { code, display } from "./fixtures";

const context = (extra: Partial<CellContext> = {}): CellContext => ({ slugger: new Slugger(), charts: [], includeCode: true, ...extra });
const cell = (source: string, outputText?: string, tags?: string[]) => code(source, outputText ? [display({ "text/plain": outputText })] : [], tags) as CodeCell;

test("code is folded in a <details> labelled with the cell number, outputs follow", async () => {
  const html = await renderCodeCell(cell("x", "1"), 4, context());
  assert.match(html, /^<div class="cell code-cell" id="cell_5">\n<details class="code"><summary>Code<span class="cell-number">cell 5<\/span><\/summary>/);
  assert.match(html, '<div class="outputs">\n<pre class="output-text">1</pre>\n</div>');
});

test("remove-cell drops the cell, remove-input its code; includeCode false drops all code", async () => {
  assert.is(await renderCodeCell(cell("secret()", "out", ["remove-cell"]), 0, context()), "");
  const noInput = await renderCodeCell(cell("secret()", "out", ["remove-input"]), 0, context());
  assert.not.match(noInput, "secret");
  assert.match(noInput, "out");
  const noCode = await renderCodeCell(cell("secret()", "out"), 0, context({ includeCode: false }));
  assert.not.match(noCode, "<details");
  assert.is(await renderCodeCell(cell("silent()"), 0, context({ includeCode: false })), "", "nothing to show, no empty box");
});

test("parameter cells are labelled", async () => {
  assert.match(await renderCodeCell(cell("const topN = 5;", undefined, ["injected-parameters"]), 2, context()), '<div class="cell code-cell injected-parameters" id="cell_3">\n<details class="code"><summary>Injected parameters<span');
  assert.match(await renderCodeCell(cell("const topN = 3;", undefined, ["parameters"]), 1, context()), "<summary>Parameters<span");
});

test("the failed cell is marked and open, whatever its tags; cells after it are marked not run", async () => {
  const failed = await renderCodeCell(cell("boom()", "Error", ["remove-cell"]), 3, context({ failedAt: 3 }));
  assert.match(failed, '<div class="cell code-cell failed" id="cell_4">\n<p class="failed-label">The run failed in this cell (cell 4)</p>\n<details class="code" open>');
  assert.match(await renderCodeCell(cell("later()"), 5, context({ failedAt: 3 })), '<div class="cell code-cell not-run" id="cell_6">\n<details class="code"><summary>Code (not run)');
});

test("raw cells are for other converters unless marked as HTML", () => {
  const raw = (metadata: Record<string, unknown>): TextCell => ({ cell_type: "raw", source: "<hr>", metadata });
  assert.is(renderRawCell(raw({}), 0), "");
  assert.is(renderRawCell(raw({ format: "text/html" }), 0), '<div class="cell raw-cell" id="cell_1"><hr></div>');
});

test.run();
