// The kernel's startup snapshot (kernel-snapshot.ts): a kernel started from it runs cells as a
// plain one does, and the snapshot is used only while what it was built from is unchanged.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Kernel, KernelDiedError } from "../../src/engine/kernel";
import { currentSnapshot, discardSnapshot, packagesImported, snapshotFiles, snapshotFor } from "../../src/engine/kernel-snapshot";
import { runNotebook } from "../../src/engine/runner";
import { code, DEMO, ROOT, scratch, writeNotebook } from "../helpers";

/** A scratch folder whose snapshot (some 50 MB in node_modules/.cache) goes with it. */
function folder(): { dir: string; cleanup: () => void } {
  const { dir, cleanup } = scratch();
  return {
    dir,
    cleanup: () => {
      for (const file of Object.values(snapshotFiles(dir))) rmSync(file, { force: true });
      cleanup();
    },
  };
}

const text = (outputs: readonly { output_type: string }[]) => outputs.map((o) => ("text" in o ? String(o.text) : o.output_type)).join("");

// The notebooks' folder's snapshot, which the golden reports' runs use too: one build for the suite.
const NOTEBOOKS = join(ROOT, "notebooks");

/**
 * The cells run one after the other on a kernel in `cwd` started from `snapshot`, then on a plain
 * one: each kernel's replies as "status: text". A failed cell goes last: tslab aborts the requests after it.
 */
async function fromBoth(cwd: string, snapshot: string, cells: string[]): Promise<string[][]> {
  const replies: string[][] = [];
  for (const options of [{ snapshot }, {}]) {
    const kernel = await Kernel.start({ cwd, ...options });
    try {
      const seen: string[] = [];
      for (const cell of cells) {
        const r = await kernel.execute(cell, 60_000);
        seen.push(`${r.status}: ${text(r.outputs).replace(/\u001b\[[0-9;]*m/g, "").trim()}`);
      }
      replies.push(seen);
    } finally {
      await kernel.shutdown();
    }
  }
  return replies;
}

test("a kernel from the snapshot runs cells, keeps declarations across them, and reports a type error as a plain kernel does", async () => {
  const snapshot = snapshotFor(NOTEBOOKS);
  assert.ok(snapshot, "the snapshot is built for the notebooks' folder");
  const replies = await fromBoth(NOTEBOOKS, snapshot, ['const n: number = 6 * 7;\nconsole.log("n is", n);', 'import { sep } from "node:path";\nn + sep.length', "n * 2", 'const s: string = n;']);
  assert.equal(replies[0], replies[1]);
  assert.equal(replies[0]![0], "ok: n is 42");
  assert.equal(replies[0]![1], "ok: 43");
  assert.equal(replies[0]![2], "ok: 84");
  assert.match(replies[0]![3]!, /^error: .*Type 'number' is not assignable to type 'string'/);
});

test("a kernel in another folder starts from the notebooks' snapshot and runs as a plain one: local modules, their types, its own files, an error's stack", async () => {
  const { dir, cleanup } = scratch();
  try {
    const snapshot = snapshotFor(NOTEBOOKS);
    assert.ok(snapshot);
    const stamp = JSON.parse(readFileSync(snapshotFiles(NOTEBOOKS).stamp, "utf8")) as { sourceFileCache: boolean };
    assert.is(stamp.sourceFileCache, true, "the build kept the declarations it parsed (TypeScript's parse hook was found)");
    writeFileSync(join(dir, "rate.ts"), "export const rate: number = 3;\nexport function scaled(n: number): number { return n * rate; }\n");
    writeFileSync(join(dir, "days.txt"), "mon\ntue\nwed\n");
    const replies = await fromBoth(dir, snapshot, [
      'import { scaled } from "./rate";\nimport { readFileSync } from "node:fs";\nconst days = readFileSync("days.txt", "utf8").trim().split("\\n");\nscaled(days.length)',
      `process.cwd() === ${JSON.stringify(dir)} && days.join(",")`,
      // A thrown error, with its stack (Error.stackTraceLimit is restored after the snapshot's build).
      'class RowError extends Error { name = "RowError" }\nfunction check(row: number): never { throw new RowError(`bad row ${row}`); }\ncheck(scaled(1))',
    ]);
    assert.equal(replies[0], replies[1]);
    assert.equal(replies[0]![0], "ok: 9");
    assert.equal(replies[0]![1], "ok: mon,tue,wed");
    assert.match(replies[0]![2]!, /^error: [^]*\nRowError: bad row 3\n {4}at check \(/);
  } finally {
    cleanup();
  }
});

test("the snapshot's stamp holds every declaration file the compiler read, and those of the packages the folder's notebooks import; a change to either puts the snapshot out of use; a killed build leaves nothing in the way", () => {
  // A scratch folder of its own: another test job may be starting kernels from the notebooks' one.
  const { dir, cleanup } = folder();
  try {
    writeNotebook(dir, "uses-polars.ipynb", [code('import pl from "nodejs-polars";\nimport { sep } from "node:path";\nimport { scaled } from "./rate";')]);
    assert.equal(packagesImported(dir), ["nodejs-polars"], "neither Node's own modules nor relative paths");
    // What a build killed a moment ago leaves: its lock, naming a process that is gone, and its
    // temporary files. They neither hold up the next build nor stay.
    const { blob, stamp } = snapshotFiles(dir);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const remains = [`${blob}.${gone}.part`, `${blob}.${gone}.js`, `${stamp}.${gone}.files`];
    mkdirSync(dirname(blob), { recursive: true });
    for (const file of [...remains, blob.replace(/\.blob$/, ".lock")]) writeFileSync(file, file.endsWith(".lock") ? String(gone) : "half");
    const first = snapshotFor(dir);
    assert.ok(first, "built, the dead build's lock notwithstanding");
    assert.equal(remains.filter((f) => existsSync(f)), [], "the dead build's files are gone");
    const original = readFileSync(stamp, "utf8");
    const kept = JSON.parse(original) as { files: [string, string][]; warm: [string, number, number][]; node: string; types: string[] };
    const names = kept.files.map(([f]) => f);
    const nodeTypes = names.find((f) => f.includes(join("@types", "node", "")) && f.endsWith("index.d.ts"));
    assert.ok(nodeTypes, "@types/node");
    assert.ok(names.some((f) => /lib\.es2022\.d\.ts$/.test(f)), "TypeScript's lib");
    assert.is(kept.node, process.version);
    assert.ok(kept.types.includes("node"));
    const polars = kept.warm.findIndex(([f]) => f.includes(join("nodejs-polars", "")) && f.endsWith(".d.ts"));
    assert.ok(polars >= 0, "nodejs-polars' declarations, parsed ahead");
    assert.is(currentSnapshot(dir), first, "in use before a change");
    // As if @types/node's index.d.ts had other bytes since the build (the stamp is what is compared).
    const at = names.indexOf(nodeTypes);
    kept.files[at] = [kept.files[at]![0], "0".repeat(64)];
    writeFileSync(stamp, JSON.stringify(kept));
    assert.is(currentSnapshot(dir), undefined, "not used after it (snapshotFor then builds it again)");
    // As if one of polars' declaration files had another size.
    const again = JSON.parse(original) as typeof kept;
    const [file, size, time] = again.warm[polars]!;
    again.warm[polars] = [file, size + 1, time];
    writeFileSync(stamp, JSON.stringify(again));
    assert.is(currentSnapshot(dir), undefined, "nor after a package's declarations changed");
    writeFileSync(stamp, original);
    assert.is(currentSnapshot(dir), first, "the stamp as built: in use");
  } finally {
    cleanup();
  }
});

test("a snapshot a kernel cannot start from is a KernelDiedError (the runner then removes it and starts the kernel plainly)", async () => {
  const { dir, cleanup } = folder();
  try {
    const bad = join(dir, "damaged.blob");
    writeFileSync(bad, "not a snapshot");
    let error: unknown;
    await Kernel.start({ cwd: dir, snapshot: bad, startupTimeoutMs: 20_000 }).then(
      (k) => k.shutdown(),
      (e: unknown) => void (error = e),
    );
    assert.instance(error, KernelDiedError);
    // What run-kernel.ts does then, to the folder's snapshot (here stand-ins for its two files).
    const { blob, stamp } = snapshotFiles(dir);
    writeFileSync(blob, "");
    writeFileSync(stamp, "{}");
    discardSnapshot(dir, "test");
    assert.not.ok(existsSync(blob) || existsSync(stamp), "the snapshot and its stamp are gone");
  } finally {
    cleanup();
  }
});

test("the demo notebook gives the same outputs from the snapshot (its folder's) as with ANALYSIS_KERNEL_SNAPSHOT=off", async () => {
  assert.ok(snapshotFor(NOTEBOOKS));
  const on = await runNotebook(DEMO, { timeoutMs: 60_000 });
  process.env["ANALYSIS_KERNEL_SNAPSHOT"] = "off";
  let off;
  try {
    off = await runNotebook(DEMO, { timeoutMs: 60_000 });
  } finally {
    delete process.env["ANALYSIS_KERNEL_SNAPSHOT"];
  }
  const outputs = (r: typeof on) => r.notebook.cells.map((c) => (c.cell_type === "code" ? c.outputs : []));
  assert.equal(outputs(on), outputs(off));
  assert.equal(on.records, off.records);
});

test.run();
