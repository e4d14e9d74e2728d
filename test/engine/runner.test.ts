// Runs notebooks on the real tslab kernel (each test starts one: about 1-2 s).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { errorSummary, runNotebook } from "../../src/engine/runner";
import { tagsOf, type CodeCell, type Output } from "../../src/notebook/notebook";
import { VEGALITE_MIME } from "../../src/display";
import { code, DEMO, markdown, scratch, writeNotebook } from "../helpers";

const texts = (outputs: Output[]) => outputs.map((o) => (o.output_type === "stream" ? o.text : "")).join("");

test("the demo notebook runs: tables, a chart as a JSON object, printed text and recorded results", async () => {
  const run = await runNotebook(DEMO, { timeoutMs: 60_000 });
  assert.is(run.failure, undefined);
  const cells = run.notebook.cells.filter((c): c is CodeCell => c.cell_type === "code");
  assert.equal(cells.map((c) => c.execution_count), cells.map((_, i) => i + 1));
  const outputs = cells.flatMap((c) => c.outputs);
  const html = outputs.filter((o) => o.output_type === "display_data" && "text/html" in o.data);
  assert.is(html.length, 2);
  const charts = outputs.flatMap((o) => (o.output_type === "display_data" && VEGALITE_MIME in o.data ? [o.data[VEGALITE_MIME]] : []));
  assert.is(charts.length, 1);
  assert.is((charts[0] as { data: { values: unknown[] } }).data.values.length, 14);
  // Sums of the CSV's columns, added by hand: 16,282 visits and 399 sign-ups.
  assert.match(texts(outputs), "16282 visits and 399 sign-ups in 14 days\n");
  assert.equal(run.records, { busiest_days: ["2024-05-16", "2024-05-09", "2024-05-14"], total_visits: 16282, total_signups: 399 });
  assert.equal(run.parameters, { dataPath: "../data/demo/visits.csv", topN: 3 });
});

test("a parameter is injected after the parameters cell and used by the cells below it", async () => {
  const run = await runNotebook(DEMO, { parameters: { topN: 1 }, timeoutMs: 60_000 });
  assert.is(run.failure, undefined);
  const at = run.notebook.cells.findIndex((c) => tagsOf(c).includes("injected-parameters"));
  assert.ok(tagsOf(run.notebook.cells[at - 1]!).includes("parameters"));
  assert.equal(run.records["busiest_days"], ["2024-05-16"]);
  assert.is(run.parameters["topN"], 1);
});

test("a value of the wrong type fails in the injected cell, with the compiler's message", async () => {
  const run = await runNotebook(DEMO, { parameters: { topN: "three" }, timeoutMs: 60_000 });
  assert.ok(run.failure);
  assert.ok(tagsOf(run.notebook.cells[run.failure!.cellIndex]!).includes("injected-parameters"));
  assert.match(run.failure!.message, "Type 'string' is not assignable to type 'number'");
});

test("a throwing cell stops the run; the failure names the cell and the error's first line; cells below keep no outputs", async () => {
  const { dir, cleanup } = scratch();
  try {
    const nb = writeNotebook(dir, "fails.ipynb", [
      markdown("# Fails"),
      code('console.log("before")'),
      code('import { DataError } from "analysis";\nthrow new DataError("events.ndjson line 3: expected \'@timestamp\'");'),
      code('console.log("never")'),
    ]);
    const run = await runNotebook(nb, { timeoutMs: 30_000 });
    assert.is(run.failure?.cellIndex, 2);
    assert.is(run.failure?.message, "DataError: events.ndjson line 3: expected '@timestamp'");
    assert.equal((run.notebook.cells[3] as CodeCell).outputs, []);
    assert.is((run.notebook.cells[3] as CodeCell).execution_count, null);
  } finally {
    cleanup();
  }
});

test("a hung cell hits the timeout and is named; so is a cell that kills the kernel", async () => {
  const { dir, cleanup } = scratch();
  try {
    const hung = writeNotebook(dir, "hung.ipynb", [code('console.log("start")'), code("while (true) {}")]);
    const t0 = Date.now();
    const run = await runNotebook(hung, { timeoutMs: 1500 });
    assert.ok(Date.now() - t0 < 10_000);
    assert.is(run.failure?.cellIndex, 1);
    assert.is(run.failure?.message, "CellTimeoutError: did not finish within 1.5 s");

    const dies = writeNotebook(dir, "dies.ipynb", [code("process.exit(3)")]);
    const died = await runNotebook(dies, { timeoutMs: 30_000 });
    assert.is(died.failure?.cellIndex, 0);
    assert.match(died.failure!.message, "KernelDiedError: the kernel died (exited with code 3)");
  } finally {
    cleanup();
  }
});

test("400 trivial cells run to the end (tslab alone stalls near cell 240: its idle is lost)", async () => {
  const { dir, cleanup } = scratch();
  try {
    const nb = writeNotebook(dir, "many.ipynb", Array.from({ length: 400 }, (_, i) => code(`const v${i} = ${i};`)));
    const run = await runNotebook(nb, { timeoutMs: 20_000 });
    assert.is(run.failure, undefined);
    assert.equal(run.incomplete, []);
    const counts = run.notebook.cells.map((c) => (c.cell_type === "code" ? c.execution_count : null));
    assert.equal(counts, counts.map((_, i) => i + 1));
  } finally {
    cleanup();
  }
});

test("errorSummary picks the error line out of tslab's stderr", () => {
  const stderr = (text: string): Output[] => [{ output_type: "stream", name: "stderr", text }];
  assert.is(errorSummary(stderr("evalmachine.<anonymous>:2\nthrow new Error('boom');\n^\n\nError: boom\n    at x\n")).message, "Error: boom");
  assert.is(errorSummary(stderr("1:7 - Type 'number' is not assignable to type 'string'.\n")).message, "1:7 - Type 'number' is not assignable to type 'string'.");
  assert.is(errorSummary([{ output_type: "error", ename: "ValueError", evalue: "bad\nmore", traceback: [] }]).message, "ValueError: bad");
});

test.run();
