// Watch mode end to end (dist/, as `npm run watch` runs it): a changed byte in a file the notebook
// read re-runs it on a kernel started ahead; a touch does not; Ctrl-C stops it and its kernels.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { importedModules } from "../../src/engine/watch";
import { CLI, code, DEMO, markdown, ROOT, scratch, writeNotebook } from "../helpers";
import type { Notebook } from "../../src/notebook/notebook";


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
    await waitFor(/watching 1 report/);
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

/** The processes whose command line holds `text` (a test's own temporary folder, a marker). */
function processesWith(text: string): number[] {
  return readdirSync("/proc").flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text) ? [Number(pid)] : [];
    } catch {
      return []; // ended meanwhile
    }
  });
}

/** `npm run report -- NOTEBOOK ... --watch`, its kernels' folders in `temp`, its stderr collected. */
function startWatch(args: string[], temp: string) {
  const child = spawn(process.execPath, [CLI, "report", ...args, "--watch"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TMPDIR: temp } });
  const state = { log: "" };
  child.stderr.on("data", (chunk: Buffer) => (state.log += chunk.toString()));
  const waitFor = async (pattern: RegExp, ms = 90_000) => {
    const t0 = Date.now();
    while (!pattern.test(state.log)) {
      if (Date.now() - t0 > ms || child.exitCode !== null) throw new Error(`waited for ${pattern} in:\n${state.log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  return { child, state, waitFor, exited };
}

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, "g"))?.length ?? 0;
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

test("--watch on an editor's partial saves: one line each and the same one kernel waiting; the valid save then runs on it", async () => {
  const { dir, cleanup } = scratch();
  const temp = join(dir, "tmp");
  mkdirSync(temp);
  const notebook = join(dir, "demo.ipynb");
  const text = readFileSync(DEMO, "utf8");
  writeFileSync(notebook, text);
  const out = join(dir, "out");
  const w = startWatch([notebook, "-p", "dataPath", join(ROOT, "data", "demo", "visits.csv"), "--out", out], temp);
  try {
    await w.waitFor(/watching 1 report/);
    const report = sha256(join(out, "demo.html"));
    // The warm kernel starts after the line, in its own time on a loaded machine.
    for (const t0 = Date.now(); processesWith(temp).length === 0 && Date.now() - t0 < 30_000; ) await new Promise((r) => setTimeout(r, 50));
    const kernels = processesWith(temp);
    assert.is(kernels.length, 1, "one kernel waits");
    for (let i = 1; i <= 6; i++) {
      // Cut short inside a string, as a save caught halfway is.
      writeFileSync(notebook, text.slice(0, Math.floor((text.length * i) / 8)));
      await w.waitFor(new RegExp(`(waiting for the next save[^]*){${i}}`));
      assert.equal(processesWith(temp), kernels, `after invalid save ${i}: the same kernel waits, no other`);
    }
    assert.is(count(w.state.log, /demo: runs:/g), 1, "only the first run ran");
    assert.match(w.state.log, /demo\.ipynb: not a notebook, the JSON does not parse \([^\n]*\); waiting for the next save\n/);
    assert.is(sha256(join(out, "demo.html")), report, "the last good report is kept");

    writeFileSync(notebook, text.replace("A small notebook", "A small, edited notebook"));
    await w.waitFor(/demo: runs: the notebook changed[^]*ran in/);
    assert.match(w.state.log, /demo: first cell's result \d+ ms after the change/);
    assert.not.match(w.state.log, "Unexpected end of JSON input");
    assert.match(readFileSync(join(out, "demo.html"), "utf8"), "A small, edited notebook");
    assert.ok(!processesWith(temp).includes(kernels[0]!), "the warm kernel ran the report and ended");
    assert.is(processesWith(temp).length, 1, "one kernel waits for the next change");

    w.child.kill("SIGTERM");
    assert.is(await w.exited, 143);
    assert.equal(readdirSync(temp), [], "no kernel folder left");
    assert.equal(processesWith(temp), [], "no kernel left");
  } finally {
    if (w.child.exitCode === null) w.child.kill("SIGKILL");
    cleanup();
  }
});

test("--watch: SIGINT while a re-run's cell runs ends that kernel, what its cell started and the waiting kernel; status 130, no folder, the last report kept", async () => {
  const { dir, cleanup } = scratch();
  const temp = join(dir, "tmp");
  mkdirSync(temp);
  const marker = `watch-test-child-${process.pid}-${Date.now()}`;
  const quick = [code(`import { record } from "analysis/display";\nrecord("n", 1);`)];
  const notebook = writeNotebook(dir, "slow.ipynb", quick);
  const out = join(dir, "out");
  const w = startWatch([notebook, "--out", out], temp);
  try {
    await w.waitFor(/watching 1 report/);
    const report = sha256(join(out, "slow.json"));
    // The edited notebook starts a process and waits: the signal comes while its cell runs.
    writeNotebook(dir, "slow.ipynb", [...quick, code(`require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)", ${JSON.stringify(marker)}], { stdio: "ignore" });\nawait new Promise((r) => setTimeout(r, 600000));`)]);
    await w.waitFor(/\[slow\] cell 2\/2/);
    const t0 = Date.now();
    while (processesWith(marker).length === 0 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
    assert.is(processesWith(marker).length, 1, "the cell's process runs");
    w.child.kill("SIGINT");
    assert.is(await w.exited, 130);
    assert.match(w.state.log, "stopped by SIGINT: ended the kernel");
    assert.match(w.state.log, "stopped watching (SIGINT)");
    assert.equal(readdirSync(temp), [], "no kernel folder left");
    assert.equal(processesWith(temp), [], "no kernel left, the waiting one included");
    assert.equal(processesWith(marker), [], "what the cell started ended with its kernel");
    assert.is(sha256(join(out, "slow.json")), report, "the last good report is kept");
  } finally {
    if (w.child.exitCode === null) w.child.kill("SIGKILL");
    for (const pid of processesWith(marker)) process.kill(pid, "SIGKILL");
    cleanup();
  }
});

test.run();
