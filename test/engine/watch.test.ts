// Watch mode end to end (dist/, as `npm run watch` runs it): a changed byte in a file the notebook
// read re-runs it on a kernel started ahead; a touch does not; Ctrl-C stops it and its kernels.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { importedModules } from "../../src/engine/watch";
import { CLI, code, DEMO, markdown, ROOT, scratch } from "../helpers";
import type { Notebook } from "../../src/engine/notebook";


test("the packages a notebook imports, for the warm-up cell", () => {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [markdown('import "not/code";'), code('import * as pl from "nodejs-polars";\nimport { chart } from "analysis/display";\nimport "./local";'), code('import type { X } from "analysis/display";\nconst s = "import x from \'y\'";')],
  };
  assert.equal(importedModules(nb), ["nodejs-polars", "analysis/display"]);
});

test("--watch: re-runs on a changed byte, not on a touch; SIGINT stops it with status 130 and leaves no kernel folder", async () => {
  const { dir, cleanup } = scratch();
  // The kernels' folders go to a temporary folder of this test's own, to be counted at the end.
  const temp = join(dir, "tmp");
  mkdirSync(temp);
  const child = spawn(process.execPath, [CLI, "report", DEMO, "-p", "dataPath", join(dir, "visits.csv"), "--out", join(dir, "out"), "--watch"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TMPDIR: temp } });
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const waitFor = async (pattern: RegExp, ms = 90_000) => {
    const t0 = Date.now();
    while (!pattern.test(log)) {
      if (Date.now() - t0 > ms || child.exitCode !== null) throw new Error(`waited for ${pattern} in:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    const csv = join(dir, "visits.csv");
    copyFileSync(join(ROOT, "data", "demo", "visits.csv"), csv);
    await waitFor(/watching 1 notebook/);
    // Give the warm kernel its start-up, then touch: the bytes decide, nothing runs.
    await new Promise((r) => setTimeout(r, 3000));
    const later = new Date(Date.now() + 10_000);
    utimesSync(csv, later, later);
    await new Promise((r) => setTimeout(r, 1000));
    assert.not.match(log, "changed) →");

    writeFileSync(csv, readFileSync(csv, "utf8").replace("2024-05-06,Mon,1204,31", "2024-05-06,Mon,1205,31"));
    await waitFor(/since the last run: 1 change/);
    assert.match(log, /demo: first cell's result \d+ ms after the change/);
    assert.match(log, "visits.csv changed)");
    assert.match(log, "total_visits 16282 → 16283");
    assert.equal(JSON.parse(readFileSync(join(dir, "out", "demo.json"), "utf8"))["total_visits"], 16283);

    child.kill("SIGINT");
    const status = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    assert.is(status, 130);
    assert.match(log, "stopped watching (SIGINT)");
    assert.equal(readdirSync(temp), [], "the waiting kernel was stopped and its folder removed");
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    cleanup();
  }
});

test.run();
