// The command line when things go wrong: bad output folders, signals, children of cells,
// a SIGKILLed runner, notebooks that fail in different ways (each run on the real tslab kernel).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CLI, code, ROOT, runCli, scratch, writeNotebook, writerHalfway } from "../helpers";

const cli = (args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) => runCli(args, opts);

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
const kernelFolders = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith("analysis-kernel-"));

test("a bad --out is one line before any kernel starts: a file, a folder under /proc", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "file"), "");
    const nb = writeNotebook(dir, "nb.ipynb", [code("1")]);
    for (const [out, expected] of [
      [join(dir, "file"), "is a file, not a folder"],
      [join(dir, "file", "sub"), "(ENOTDIR)"],
      ["/proc/x", "cannot create a folder in /proc"],
    ] as const) {
      const t0 = Date.now();
      const run = cli(["report", nb, "--out", out]);
      assert.ok(Date.now() - t0 < 10_000, `${out}: quick`);
      assert.is(run.status, 2, run.stderr);
      assert.is(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.match(run.stderr, `--out ${out}: `);
      assert.match(run.stderr, expected);
      assert.not.match(run.stderr, "[demo]");
    }
  } finally {
    cleanup();
  }
});

test("a Python notebook is refused by its kernel's name, without starting tslab", () => {
  const { dir, cleanup } = scratch();
  try {
    const nb = join(dir, "py.ipynb");
    writeFileSync(nb, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "python3", display_name: "Python 3 (ipykernel)", language: "python" } }, cells: [code("print(1)")] }));
    const run = cli(["report", nb, "--out", join(dir, "out")]);
    assert.is(run.status, 1);
    assert.match(run.stderr, `${nb}: its kernel is Python 3 (ipykernel) (python3), language python; the runner runs TypeScript notebooks on tslab`);
    assert.not.match(run.stderr, "cell 1/");
  } finally {
    cleanup();
  }
});

test("reports goes on after failures and sums up; a DataError is its message only; escape sequences are stripped; a dead kernel is named once", () => {
  const { dir, cleanup } = scratch();
  try {
    const nbs = join(dir, "notebooks");
    mkdirSync(nbs);
    writeNotebook(nbs, "a-data.ipynb", [code('import { DataError } from "analysis";\nthrow new DataError("events.ndjson line 3: expected \'@timestamp\' \\u001b]0;owned\\u0007\\u001b]52;c;ZWNobyBoaQ==\\u0007\\u001b[31mred");')]);
    writeNotebook(nbs, "b-dies.ipynb", [code("process.exit(3)")]);
    writeNotebook(nbs, "c-good.ipynb", [code('console.log("fine")')]);
    const run = cli(["reports", "--out", "out"], { cwd: dir });
    assert.is(run.status, 1, run.stderr);
    assert.ok(existsSync(join(dir, "out", "c-good.html")), "the notebook after the failures ran");
    assert.not.match(run.stderr, "\u001b");
    assert.not.match(run.stderr, "\u0007");
    assert.match(run.stderr, "failed at cell 1: DataError: events.ndjson line 3: expected '@timestamp' red\n");
    assert.not.match(run.stderr, /^\s+at /m, "no stack trace");
    assert.ok(existsSync(join(dir, "out", "a-data.failed.html")));
    assert.match(readFileSync(join(dir, "out", "a-data.failed.html"), "utf8"), "at ", "the report keeps the details");
    assert.is(run.stderr.split("exited with code 3").length - 1, 2, "once in the failure line, once in the summary");
    assert.match(run.stderr, "2 of 3 notebooks failed:\n  notebooks/a-data.ipynb: failed at cell 1: DataError");
    assert.match(run.stderr, "  notebooks/b-dies.ipynb: failed at cell 1: KernelDiedError: the kernel died (exited with code 3)");
  } finally {
    cleanup();
  }
});

test("out of memory in the kernel is named", () => {
  const { dir, cleanup } = scratch();
  try {
    const nb = writeNotebook(dir, "oom.ipynb", [code("const kept: number[][] = [];\nfor (;;) kept.push(new Array(1e5).fill(1.5));")]);
    const run = cli(["report", nb, "--out", join(dir, "out")], { env: { NODE_OPTIONS: "--max-old-space-size=400" } });
    assert.is(run.status, 1, run.stderr);
    assert.match(run.stderr, "failed at cell 1: KernelDiedError: the kernel ran out of memory: raise --max-old-space-size or read less");
  } finally {
    cleanup();
  }
});

// A cell starts a long-lived child and writes its pid and the kernel's; the next cell waits.
function longRun(dir: string): { nb: string; pids: string } {
  const pids = join(dir, "pids.json");
  const nb = writeNotebook(dir, "long.ipynb", [
    code(`const child = require("node:child_process").spawn("sleep", ["300"], { stdio: "ignore" });\nrequire("node:fs").writeFileSync(${JSON.stringify(pids)}, JSON.stringify({ kernel: process.pid, child: child.pid }));`),
    code("await new Promise((r) => setTimeout(r, 600_000));"),
  ]);
  return { nb, pids };
}

for (const [signal, exit] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  test(`${signal} stops the kernel and the child its cell started, removes the kernel's folder, keeps the last report, exits ${exit}`, async () => {
    const { dir, cleanup } = scratch();
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    try {
      const { nb, pids } = longRun(dir);
      const out = join(dir, "out");
      mkdirSync(out);
      writeFileSync(join(out, "long.html"), "the last good report");
      // Detached: its own process group, so SIGINT to the group is a Ctrl-C at a terminal.
      const proc = spawn(process.execPath, [CLI, "report", nb, "--out", out], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"], detached: true });
      let stderr = "";
      proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => proc.on("exit", (c) => r(c)));
      await until("the second cell", () => existsSync(pids) && stderr.includes("cell 2/2"));
      const { kernel, child } = JSON.parse(readFileSync(pids, "utf8")) as { kernel: number; child: number };
      assert.ok(alive(kernel) && alive(child));
      if (signal === "SIGINT") process.kill(-proc.pid!, "SIGINT");
      else process.kill(proc.pid!, "SIGTERM");
      assert.is(await exited, exit, stderr);
      assert.match(stderr, `${nb}: stopped by ${signal}: ended the kernel (pid ${kernel}) and what its cells started while cell 2 ran`);
      await until("the kernel and its child to end", () => !alive(kernel) && !alive(child), 5000);
      assert.equal(kernelFolders(tmp), []);
      assert.equal(readdirSync(out), ["long.html"], "no failed page, no half file");
      assert.is(readFileSync(join(out, "long.html"), "utf8"), "the last good report");
    } finally {
      cleanup();
    }
  });
}

test("after a SIGKILL of the runner the kernel and its child end by themselves, and the next run removes the folder left", async () => {
  const { dir, cleanup } = scratch();
  const tmp = join(dir, "tmp");
  mkdirSync(tmp);
  try {
    const { nb, pids } = longRun(dir);
    const proc = spawn(process.execPath, [CLI, "report", nb, "--out", join(dir, "out")], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    await until("the second cell", () => existsSync(pids) && stderr.includes("cell 2/2"));
    const { kernel, child } = JSON.parse(readFileSync(pids, "utf8")) as { kernel: number; child: number };
    proc.kill("SIGKILL");
    await until("the kernel and its child to end", () => !alive(kernel) && !alive(child), 5000);
    assert.is(kernelFolders(tmp).length, 1, "the SIGKILLed runner could not remove its folder");
    const next = cli(["report", writeNotebook(dir, "small.ipynb", [code("1")]), "--out", join(dir, "out")], { env: { TMPDIR: tmp } });
    assert.is(next.status, 0, next.stderr);
    assert.equal(kernelFolders(tmp), []);
  } finally {
    cleanup();
  }
});

test("SIGINT during the export (the cells have run, the kernel has ended): nothing written, the last report kept, exit 130", async () => {
  const { dir, cleanup } = scratch();
  const tmp = join(dir, "tmp");
  mkdirSync(tmp);
  try {
    // A table of 20,000 rows takes the exporter seconds to sanitize and lay out; its kernel ends at once.
    const pid = join(dir, "kernel.pid");
    const nb = writeNotebook(dir, "big.ipynb", [
      code(`import * as tslab from "tslab";\nrequire("node:fs").writeFileSync(${JSON.stringify(pid)}, String(process.pid));\ntslab.display.html("<table>" + Array.from({ length: 20000 }, (_, i) => "<tr><td>" + i + "</td><td><b>row</b></td></tr>").join("") + "</table>");`),
    ]);
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "big.html"), "the last good report");
    const proc = spawn(process.execPath, [CLI, "report", nb, "--out", out], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"], detached: true });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => proc.on("exit", (c) => r(c)));
    await until("the cell", () => existsSync(pid) && stderr.includes("cell 1/1"));
    const kernel = Number(readFileSync(pid, "utf8"));
    // Ended: gone, or a zombie that the runner reaps once its export lets its event loop turn.
    const ended = () => {
      try {
        return readFileSync(`/proc/${kernel}/stat`, "utf8").replace(/^.*\) /s, "").startsWith("Z");
      } catch {
        return true;
      }
    };
    await until("the kernel to end after its cell", ended, 60_000);
    assert.equal(readdirSync(out), ["big.html"], "the export has not written yet");
    process.kill(-proc.pid!, "SIGINT");
    assert.is(await exited, 130, stderr);
    assert.match(stderr, `${nb}: stopped by SIGINT: ended the kernel`);
    assert.not.match(stderr, "ran in");
    assert.equal(readdirSync(out), ["big.html"], "no report, no failed page, no temporary file");
    assert.is(readFileSync(join(out, "big.html"), "utf8"), "the last good report");
    assert.equal(kernelFolders(tmp), []);
  } finally {
    cleanup();
  }
});

test("a 10 MB temporary file that a writer killed by SIGKILL left beside the report is removed by the next run; a running writer's is not", async () => {
  const { dir, cleanup } = scratch();
  const out = join(dir, "out");
  mkdirSync(out);
  const nb = writeNotebook(dir, "small.ipynb", [code("1")]);
  const running = await writerHalfway(join(out, "small.json"));
  try {
    const killed = await writerHalfway(join(out, "small.ipynb"));
    killed.kill("SIGKILL");
    await new Promise((r) => killed.once("exit", r));
    const left = `small.ipynb.${killed.pid}.0.tmp`;
    assert.ok(readdirSync(out).includes(left));
    const run = cli(["report", nb, "--out", out]);
    assert.is(run.status, 0, run.stderr);
    const files = readdirSync(out);
    assert.not.ok(files.includes(left), "the killed writer's file is gone");
    assert.ok(files.includes(`small.json.${running.pid}.0.tmp`), "the running writer keeps its own");
    assert.equal(files.filter((f) => !f.endsWith(".tmp")).sort(), ["small.changes.json", "small.fingerprint.json", "small.html", "small.ipynb", "small.json"]);
  } finally {
    running.kill("SIGKILL");
    cleanup();
  }
});

test.run();
