// The command line end to end: `node dist/engine/cli.js report ...` as `npm run report` runs it
// (npm test builds dist/ first); cli.integration.test.ts opens its report in headless Chromium.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseArgs } from "../../src/engine/args";
import { code, DEMO, markdown, ROOT, runCli, scratch, writeNotebook } from "../helpers";

const cli = (args: string[]) => runCli(args);

test("arguments: repeated -p with JSON-or-string values, --out, --timeout, --no-code", () => {
  const o = parseArgs(["report", "nb.ipynb", "-p", "topN", "5", "-p", "path", "../x.csv", "--out", "o", "--timeout", "2.5", "--no-code"]);
  assert.equal(o.parameters, { topN: 5, path: "../x.csv" });
  assert.equal([o.runs.map((r) => r.notebook), o.outDir, o.timeoutMs, o.includeCode], [["nb.ipynb"], "o", 2500, false]);
  assert.throws(() => parseArgs(["report"]), /exactly one notebook/);
  assert.throws(() => parseArgs(["report", "a.ipynb", "-p", "x"]), /-p x needs a value/);
  assert.throws(() => parseArgs(["report", "a.ipynb", "--timeout", "soon"]), /--timeout takes a number/);
  // A value may start with a dash; an unknown option is named as Node's parser names it.
  assert.equal(parseArgs(["report", "a.ipynb", "-p", "offset", "-5"]).parameters, { offset: -5 });
  assert.throws(() => parseArgs(["report", "a.ipynb", "--frobnicate"]), /^Unknown option '--frobnicate'$/);
  assert.throws(() => parseArgs(["report", "a.ipynb", "--out"]), /^Option '-o, --out <value>' argument missing$/);
  assert.equal(parseArgs(["reports"], join(ROOT, "notebooks")).runs.map((r) => r.notebook.split("/").pop()).includes("demo.ipynb"), true);
});

test("reports without a manifest: every notebook in the folder but a hidden one", () => {
  const { dir, cleanup } = scratch();
  const cwd = process.cwd();
  try {
    mkdirSync(join(dir, "notebooks"));
    for (const name of ["b.ipynb", "a.ipynb", ".bench-empty-1.ipynb"]) writeNotebook(join(dir, "notebooks"), name, [code("1")]);
    process.chdir(dir);
    assert.equal(parseArgs(["reports"]).runs.map((r) => [r.notebook, r.name]), [
      [join("notebooks", "a.ipynb"), "a"],
      [join("notebooks", "b.ipynb"), "b"],
    ]);
  } finally {
    process.chdir(cwd);
    cleanup();
  }
});

test("a run writes NAME.ipynb, NAME.html and NAME.json; a failed run writes NAME.failed.html and keeps the good report", async () => {
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "out");
    const ok = cli(["report", DEMO, "-p", "topN", "2", "--out", out]);
    assert.is(ok.status, 0, ok.stderr);
    assert.match(ok.stderr, /\[demo\] cell 1\/\d+/);
    const records = JSON.parse(readFileSync(join(out, "demo.json"), "utf8")) as Record<string, unknown>;
    assert.equal(records["busiest_days"], ["2024-05-16", "2024-05-09"]);
    const executed = JSON.parse(readFileSync(join(out, "demo.ipynb"), "utf8")) as { metadata: { analysis: { parameters: unknown } } };
    assert.equal(executed.metadata.analysis.parameters, { dataPath: "../data/demo/visits.csv", topN: 2 });
    const good = readFileSync(join(out, "demo.html"), "utf8");
    assert.match(good, /visits\.csv/);

    // The same notebook name, now failing in its fourth cell.
    const nbDir = join(dir, "nb");
    mkdirSync(nbDir);
    const failing = writeNotebook(nbDir, "demo.ipynb", [markdown("# Demo"), code("const a = 1;"), markdown("text"), code('throw new Error("the data is gone\\nsecond line")')]);
    const bad = cli(["report", failing, "--out", out]);
    assert.is(bad.status, 1);
    assert.match(bad.stderr, `${failing} failed at cell 4: Error: the data is gone\n`);
    assert.ok(existsSync(join(out, "demo.failed.html")));
    assert.match(readFileSync(join(out, "demo.failed.html"), "utf8"), "the data is gone");
    assert.is(readFileSync(join(out, "demo.html"), "utf8"), good, "the last good report is kept");

    // Unknown parameters: an error listing the known ones, nothing written.
    const unknown = cli(["report", DEMO, "-p", "topn", "2", "--out", join(dir, "none")]);
    assert.is(unknown.status, 1);
    assert.match(unknown.stderr, "unknown parameter topn; the notebook's parameters are: dataPath, topN");
    assert.not.ok(existsSync(join(dir, "none")));

    // A good run again removes the stale failure page.
    const again = cli(["report", DEMO, "--out", out]);
    assert.is(again.status, 0, again.stderr);
    assert.not.ok(existsSync(join(out, "demo.failed.html")));
  } finally {
    cleanup();
  }
});

test.run();
