// A second client: Jupyter's own nbclient (Debian python3-nbclient) runs the demo notebook on the
// same tslab kernel; its outputs must equal ours, and our executed notebook must validate.
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { installKernelSpec } from "../../src/engine/kernelspec";
import { coalesceStreams, serializeNotebook, type Output } from "../../src/notebook/notebook";
import { runNotebook } from "../../src/engine/runner";
import { code, DEMO, ROOT, scratch, writeNotebook } from "../helpers";
import { findPython, testWith } from "../tools";

const NBCLIENT_PYTHON = findPython(["nbclient", "nbformat"]);

// The outputs go to a file (argv[3]), not to stdout: on a loaded machine the 2 MB of the burst's
// outputs once came back through the pipe broken at 219 kB, with exit 0 (PYTHONUNBUFFERED is set
// on these machines, so stdout's text layer writes to the pipe unbuffered). A file the script
// opens itself is buffered and read only once the script has ended.
const NBCLIENT = `
import json, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="tslab", timeout=120, resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.validate(nb)
with open(sys.argv[3], "w") as out:
    json.dump([c.get("outputs", []) for c in nb.cells], out)
`;

/** The code cells' outputs as nbclient gives them, running `notebook` with `cwd` as its folder. */
function nbclientOutputs(python: string, notebook: string, cwd: string, dir: string): Output[][] {
  const file = join(dir, "nbclient-outputs.json");
  const theirs = runPython(python, NBCLIENT, [notebook, cwd, file], { ...process.env, JUPYTER_PATH: join(dir, "jupyter") });
  assert.is(theirs.status, 0, theirs.stderr);
  return JSON.parse(readFileSync(file, "utf8")) as Output[][];
}

const VALIDATE = `
import sys, nbformat
nbformat.validate(nbformat.read(sys.argv[1], as_version=4))
print("valid")
`;

function runPython(python: string, script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(python, ["-c", script, ...args], { encoding: "utf8", env, timeout: 180_000, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${python} did not run (${r.error.message})`);
  return r;
}

testWith(test, "nbclient gets the same outputs from the demo notebook as our runner", NBCLIENT_PYTHON, async (python) => {
  const { dir, cleanup } = scratch();
  try {
    // The kernelspec `npm run kernel` writes, in a folder of the test's own (the user's Jupyter is left alone).
    installKernelSpec(join(dir, "jupyter"));
    const fromNbclient = nbclientOutputs(python, DEMO, join(ROOT, "notebooks"), dir);

    const ours = await runNotebook(DEMO, { timeoutMs: 60_000 });
    const ourOutputs = ours.notebook.cells.map((c) => (c.cell_type === "code" ? c.outputs : []));
    const normal = (cells: Output[][]) => cells.map((outputs) => JSON.parse(JSON.stringify(coalesceStreams(outputs))) as unknown);
    assert.equal(normal(ourOutputs), normal(fromNbclient.map((o) => o ?? [])));
    assert.ok(ourOutputs.flat().length >= 5, "the demo produces outputs");

    const executed = join(dir, "demo.ipynb");
    writeFileSync(executed, serializeNotebook(ours.notebook));
    const valid = runPython(python, VALIDATE, [executed]);
    assert.is(valid.stdout.trim(), "valid", valid.stderr);
  } finally {
    cleanup();
  }
});

/**
 * A CPU-bound process per core, as on a loaded machine: the kernel and its client get less time
 * than they ask for. Each ends by itself when this process is gone, or after 5 minutes.
 */
function loadTheMachine(): { stop: () => void } {
  const hog = "const parent = process.ppid, end = Date.now() + 300000; for (let i = 1; ; i++) if (i % 1e6 === 0 && (process.ppid !== parent || Date.now() > end)) break;";
  const hogs = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ["-e", hog], { stdio: "ignore" }));
  return { stop: () => hogs.forEach((h) => h.kill("SIGKILL")) };
}

const BURST = 20_000;
const burstCell = code(`for (let i = 0; i < ${BURST}; i++) console.log(i + " " + "x".repeat(100));`);
const afterCell = code(`console.log("after the burst")`);
const streamLines = (outputs: readonly Output[]) => outputs.map((o) => (o.output_type === "stream" ? o.text : "")).join("").split("\n").filter((l) => l !== "");

testWith(test, `on a loaded machine, through the kernelspec (as JupyterLab starts it), nbclient gets every line of a burst of ${BURST.toLocaleString("en")}`, NBCLIENT_PYTHON, (python) => {
  // Without the launcher's gathering of writes, nbclient got about 2,100 of them, and not the next cell's line.
  const { dir, cleanup } = scratch();
  const load = loadTheMachine();
  try {
    installKernelSpec(join(dir, "jupyter"));
    const nb = writeNotebook(dir, "burst.ipynb", [burstCell, afterCell]);
    const [burst = [], after = []] = nbclientOutputs(python, nb, dir, dir);
    const lines = streamLines(burst);
    assert.is(lines.length, BURST);
    assert.ok(lines.every((l, i) => l.startsWith(`${i} `)), "in order");
    assert.equal(streamLines(after), ["after the burst"]);
  } finally {
    load.stop();
    cleanup();
  }
});

test(`on a loaded machine, the runner gets every line of a burst of ${BURST.toLocaleString("en")}, and no cell is marked incomplete`, async () => {
  const { dir, cleanup } = scratch();
  const load = loadTheMachine();
  try {
    const run = await runNotebook(writeNotebook(dir, "burst.ipynb", [burstCell, afterCell]), { timeoutMs: 120_000 });
    const [burst, after] = run.notebook.cells.map((c) => (c.cell_type === "code" ? c.outputs : []));
    const lines = streamLines(burst ?? []);
    assert.is(lines.length, BURST);
    assert.ok(lines.every((l, i) => l.startsWith(`${i} `)), "in order");
    assert.equal(streamLines(after ?? []), ["after the burst"]);
    assert.equal(run.incomplete, []);
  } finally {
    load.stop();
    cleanup();
  }
});

test.run();
