// What a notebook author's cell sees of the library: its published declarations (dist/), compiled
// as tslab compiles a cell (moduleResolution Node10, which ignores package.json "exports"; not
// strict; the TypeScript tslab loads). chart() takes Vega-Lite's own spec type, so a wrong mark or
// a misspelled channel is a compile error; loaders and table builders hand out polars DataFrames.
// Then the same through the runner, as `npm run report` shows it. Reads dist/: `npm test` builds it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runNotebook } from "../src/engine/runner";
import { code, ROOT, scratch, writeNotebook } from "./helpers";

// tslab depends on typescript ^5.1 and loads whichever its require finds: the one checked here.
const ts = require(require.resolve("typescript", { paths: [require.resolve("tslab")] })) as typeof import("typescript");

/** The compiler's messages for each cell's code, with tslab's options, from a folder inside the project. */
function cellErrors(...sources: string[]): string[][] {
  const dir = scratch();
  try {
    const files = sources.map((source, i) => {
      const file = join(dir.dir, `cell${i}.ts`);
      writeFileSync(file, `export {};\n${source}\n`);
      return file;
    });
    // One program for all, as the declarations are the slow part to read.
    const program = ts.createProgram(files, {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      skipLibCheck: true,
      noEmit: true,
    });
    return files.map((f) => ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")));
  } finally {
    dir.cleanup();
  }
}

const DISPLAY = 'import { chart, show } from "analysis/display";\n';
const FRAMES = `
import * as pl from "nodejs-polars";
import { show } from "analysis/display";
import { loadUsers, info, invitesTable, inviteCounts, inviteTree } from "analysis/clubhouse";
import { loadEvents } from "analysis/jelly";
import { loadRequests } from "analysis/uniques/load/webrequest";
async function cell() {
  const users = await loadUsers("x.db");
  const frames: pl.DataFrame[] = [users.frame, info(users), invitesTable(inviteCounts(inviteTree(users))), (await loadEvents("e.ndjson")).frame, loadRequests("r.tsv").counts];
  show(frames[0]!);
}`;
// chart() names Vega-Lite's spec through one generated file (scripts/vega-lite-types): the same type.
const SAME = `
import type { TopLevelSpec } from "vega-lite";
import type { ChartSpec } from "analysis/display";
type Same = [TopLevelSpec] extends [ChartSpec] ? ([ChartSpec] extends [TopLevelSpec] ? "same" : "narrower") : "wider";
const same: Same = "same";`;
const [valid = [], wrongMark = [], misspelled = [], frames = [], loose = [], same = []] = cellErrors(
  `${DISPLAY}chart({ title: "t", data: { values: [{ a: 1 }] }, mark: { type: "bar", tooltip: true }, encoding: { x: { field: "a", type: "quantitative" } } });`,
  `${DISPLAY}chart({ data: { values: [] }, mark: "bars" });`,
  `${DISPLAY}chart({ data: { values: [] }, mark: "bar", encoding: { colour: { field: "a", type: "nominal" } } });`,
  FRAMES,
  `${DISPLAY}show({ height: 0, columns: [], dtypes: [], head: () => null, getColumn: () => ({ toArray: () => [] }) });`,
  SAME,
);

test("chart()'s spec type is Vega-Lite's TopLevelSpec, written from the vega-lite installed", () => {
  assert.equal(same, []);
  const header = readFileSync(join(ROOT, "dist", "display", "vega-lite-spec.d.ts"), "utf8").split("\n", 1)[0];
  const installed = (require("vega-lite/package.json") as { version: string }).version;
  assert.ok(header?.includes(`from vega-lite ${installed}:`), `dist/display/vega-lite-spec.d.ts is not from vega-lite ${installed}: run node scripts/build.js --force`);
});

test("a valid Vega-Lite spec compiles in a cell", () => {
  assert.equal(valid, []);
});

test("a wrong mark is a compile error naming it", () => {
  assert.ok(wrongMark.some((e) => e.includes(`Type '"bars"' is not assignable`)), wrongMark.join("\n---\n"));
});

test("a misspelled channel is a compile error naming it", () => {
  assert.ok(misspelled.some((e) => e.includes("'colour' does not exist")), misspelled.join("\n---\n"));
});

test("loaders and table builders hand out polars DataFrames; show() takes one", () => {
  assert.equal(frames, []);
  assert.ok(loose.length > 0, "show() takes a DataFrame, not any object shaped like a few of its members");
});

test("a cell with a wrong mark fails the run with the compiler's message", async () => {
  const dir = scratch();
  try {
    const nb = writeNotebook(dir.dir, "bad-mark.ipynb", [code('import { chart } from "analysis/display";'), code('chart({ data: { values: [{ a: 1 }] }, mark: "bars" });')]);
    const run = await runNotebook(nb);
    assert.is(run.failure?.cellIndex, 1);
    assert.match(run.failure?.message ?? "", /^1:\d+ - Type '"bars"' is not assignable to type/);
  } finally {
    dir.cleanup();
  }
});

test.run();
