// `reports --jobs N`: notebooks side by side, each on its own real tslab kernel; the terminal's
// lines stay whole and say whose they are; a failure, a signal, bad values of --jobs.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CLI, code, runCli, scratch, writeNotebook } from "../helpers";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (what: string, check: () => boolean, ms = 60_000) => {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A notebook of four cells; the first and the last note when its cells started and ended (ms) in `times`. */
function timed(nbs: string, name: string, times: string): void {
  const file = JSON.stringify(join(times, `${name}.json`));
  writeNotebook(nbs, `${name}.ipynb`, [
    code("const started = Date.now();"),
    code("await new Promise((r) => setTimeout(r, 1200));"),
    code("await new Promise((r) => setTimeout(r, 1200));"),
    code(`require("node:fs").writeFileSync(${file}, JSON.stringify([started, Date.now()]));`),
  ]);
}

const REPORT = ["changes.json", "fingerprint.json", "html", "ipynb", "json"];
const reportFiles = (names: string[]) => names.flatMap((n) => REPORT.map((ext) => `${n}.${ext}`)).sort();

/**
 * Every line of `stderr` is one whole event of one notebook: a line naming it (its progress
 * `[NAME] cell …`, `NAME: …` or its path), or an indented line of the block a line naming it
 * began. Returns the names in the order their lines came.
 */
function whoseLines(stderr: string, names: string[]): string[] {
  const whose: string[] = [];
  let block: string | undefined;
  for (const line of stderr.replace(/\n$/, "").split("\n")) {
    if (line.startsWith("  ") && block !== undefined) continue;
    const named = names.filter((n) => line.startsWith(`[${n}] cell `) || line.startsWith(`${n}: `) || line.startsWith(`notebooks/${n}.ipynb`));
    assert.is(named.length, 1, `a line of one notebook: ${JSON.stringify(line)}\n${stderr}`);
    block = named[0] as string;
    whose.push(block);
  }
  return whose;
}

test("--jobs 2: two notebooks run side by side, both write their reports, every line is whole and names its notebook", () => {
  const { dir, cleanup } = scratch();
  try {
    const nbs = join(dir, "notebooks");
    const times = join(dir, "times");
    mkdirSync(nbs);
    mkdirSync(times);
    timed(nbs, "first", times);
    timed(nbs, "second", times);
    const run = runCli(["reports", "--jobs", "2", "--out", "out"], { cwd: dir });
    assert.is(run.status, 0, run.stderr);
    // Each report's set, and the front page listing them.
    assert.equal(readdirSync(join(dir, "out")).sort(), [...reportFiles(["first", "second"]), "index.html"].sort());
    const [a, b] = ["first", "second"].map((n) => JSON.parse(readFileSync(join(times, `${n}.json`), "utf8")) as [number, number]) as [[number, number], [number, number]];
    assert.ok(a[0] < b[1] && b[0] < a[1], `their cells ran at the same time: ${JSON.stringify([a, b])}`);
    const whose = whoseLines(run.stderr, ["first", "second"]);
    for (const name of ["first", "second"]) {
      assert.match(run.stderr, `${name}: runs: no earlier report\n`);
      assert.match(run.stderr, `[${name}] cell 4/4 (notebook cell 4)`);
      assert.match(run.stderr, new RegExp(`^notebooks/${name}\\.ipynb: ran in [\\d.]+ s \\(no earlier report\\) → out/${name}\\.ipynb, `, "m"));
    }
    // Side by side: the second's lines begin before the first's end.
    assert.ok(whose.indexOf("second") < whose.lastIndexOf("first"), run.stderr);
    // Up to date the next time, with its line, side by side too.
    const again = runCli(["reports", "--out", "out"], { cwd: dir });
    assert.is(again.status, 0, again.stderr);
    const lines = again.stderr.trim().split("\n").sort();
    assert.is(lines.length, 2, again.stderr);
    assert.match(lines[0] ?? "", /^first: up to date \(last run .*\); --force runs it anyway$/);
    assert.match(lines[1] ?? "", /^second: up to date \(last run .*\); --force runs it anyway$/);
  } finally {
    cleanup();
  }
});

test("--jobs 1 runs one notebook after the other", () => {
  const { dir, cleanup } = scratch();
  try {
    const nbs = join(dir, "notebooks");
    const times = join(dir, "times");
    mkdirSync(nbs);
    mkdirSync(times);
    timed(nbs, "first", times);
    timed(nbs, "second", times);
    const run = runCli(["reports", "--jobs", "1", "--out", "out"], { cwd: dir });
    assert.is(run.status, 0, run.stderr);
    const [a, b] = ["first", "second"].map((n) => JSON.parse(readFileSync(join(times, `${n}.json`), "utf8")) as [number, number]) as [[number, number], [number, number]];
    assert.ok(a[1] < b[0], `one after the other: ${JSON.stringify([a, b])}`);
    assert.equal(whoseLines(run.stderr, ["first", "second"]), [...Array(6).fill("first"), ...Array(6).fill("second")], run.stderr);
  } finally {
    cleanup();
  }
});

test("a failure in one notebook does not stop the one beside it, and is in the summary", () => {
  const { dir, cleanup } = scratch();
  try {
    const nbs = join(dir, "notebooks");
    const times = join(dir, "times");
    mkdirSync(nbs);
    mkdirSync(times);
    writeNotebook(nbs, "a-fails.ipynb", [code("await new Promise((r) => setTimeout(r, 300));"), code('throw new Error("no such column: visits");')]);
    timed(nbs, "b-good", times);
    const run = runCli(["reports", "--jobs", "2", "--out", "out"], { cwd: dir });
    assert.is(run.status, 1, run.stderr);
    whoseLines(run.stderr.replace(/1 of 2 notebooks failed:\n.*\n$/s, ""), ["a-fails", "b-good"]);
    assert.match(run.stderr, "notebooks/a-fails.ipynb failed at cell 2: Error: no such column: visits\n");
    assert.ok(run.stderr.endsWith("1 of 2 notebooks failed:\n  notebooks/a-fails.ipynb: failed at cell 2: Error: no such column: visits\n"), run.stderr);
    const out = readdirSync(join(dir, "out"));
    assert.ok(reportFiles(["b-good"]).every((f) => out.includes(f)), out.join(" "));
    assert.ok(out.includes("a-fails.failed.html"));
    assert.ok(existsSync(join(times, "b-good.json")), "the good one ran to its end");
  } finally {
    cleanup();
  }
});

test("SIGINT while two notebooks run ends both kernels and what their cells started, writes nothing, exits 130", async () => {
  const { dir, cleanup } = scratch();
  const tmp = join(dir, "tmp");
  const nbs = join(dir, "notebooks");
  const pids = join(dir, "pids");
  mkdirSync(tmp);
  mkdirSync(nbs);
  mkdirSync(pids);
  try {
    for (const name of ["one", "two"]) {
      writeNotebook(nbs, `${name}.ipynb`, [
        code(`const child = require("node:child_process").spawn("sleep", ["300"], { stdio: "ignore" });\nrequire("node:fs").writeFileSync(${JSON.stringify(join(pids, `${name}.json`))}, JSON.stringify({ kernel: process.pid, child: child.pid }));`),
        code("await new Promise((r) => setTimeout(r, 600_000));"),
      ]);
    }
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "one.html"), "the last good report");
    // Detached: its own process group, so SIGINT to the group is a Ctrl-C at a terminal.
    const proc = spawn(process.execPath, [CLI, "reports", "--jobs", "2", "--out", out], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"], detached: true });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => proc.on("exit", (c) => r(c)));
    await until("both second cells", () => stderr.includes("[one] cell 2/2") && stderr.includes("[two] cell 2/2") && readdirSync(pids).length === 2);
    const started = ["one", "two"].map((n) => JSON.parse(readFileSync(join(pids, `${n}.json`), "utf8")) as { kernel: number; child: number });
    assert.ok(started.every((p) => alive(p.kernel) && alive(p.child)));
    process.kill(-proc.pid!, "SIGINT");
    assert.is(await exited, 130, stderr);
    for (const [i, name] of ["one", "two"].entries()) {
      assert.match(stderr, `notebooks/${name}.ipynb: stopped by SIGINT: ended the kernel (pid ${started[i]!.kernel}) and what its cells started while cell 2 ran`);
    }
    await until("the kernels and their children to end", () => started.every((p) => !alive(p.kernel) && !alive(p.child)), 5000);
    assert.equal(readdirSync(tmp).filter((n) => n.startsWith("analysis-")), [], "no kernel or tracking folder left");
    assert.equal(readdirSync(out), ["one.html"], "no report, no failed page, no half file");
    assert.is(readFileSync(join(out, "one.html"), "utf8"), "the last good report");
    whoseLines(stderr, ["one", "two"]);
  } finally {
    cleanup();
  }
});

test("--jobs takes a whole number from 1: 0, x, 1.5, -1 or nothing is a usage error (exit 2) before any kernel starts", () => {
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(join(dir, "notebooks"));
    writeNotebook(join(dir, "notebooks"), "nb.ipynb", [code("1")]);
    for (const value of ["0", "x", "1.5", "-1", ""]) {
      const run = runCli(["reports", "--out", "out", ...(value === "" ? ["--jobs"] : [`--jobs=${value}`])], { cwd: dir });
      assert.is(run.status, 2, `${value}: ${run.stderr}`);
      assert.match(run.stderr.split("\n")[0] ?? "", "--jobs", value);
      assert.match(run.stderr, "usage:");
      assert.not.ok(existsSync(join(dir, "out")), "nothing ran");
    }
    const watch = runCli(["reports", "--watch", "--jobs", "2"], { cwd: dir });
    assert.is(watch.status, 2, watch.stderr);
    assert.match(watch.stderr, "--jobs does not combine with --watch");
  } finally {
    cleanup();
  }
});

test.run();
