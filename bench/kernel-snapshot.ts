// npm run bench -- kernel-snapshot: what a V8 startup snapshot of a prepared kernel compiler would
// save. The fixed cost's largest step is tslab preparing its compiler in every kernel process (the
// lib and @types declarations parsed and bound, about 0.6 s; see fixed-cost.ts). This builds a
// snapshot that holds tslab's converter so prepared (bench/lib/kernel-snapshot-entry.js, in the
// notebooks' folder) and compares, as whole processes in alternating pairs, the time until the
// Clubhouse notebook's first two cells (its parameters and its imports) are type-checked and
// converted: from the snapshot against the way a kernel does it today (tslab loaded from the code
// cache, its compiler prepared). Nothing in the runner uses the snapshot yet.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { median } from "./lib/common";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const NOTEBOOKS = join(ROOT, "notebooks");

interface Run {
  seconds: number;
  /** ms from the process's start to each cell converted. */
  converted: number[];
}

function timed(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: NOTEBOOKS, encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 || /diagnostics:/.test(r.stdout)) throw new Error(`${args.slice(0, 2).join(" ")}: ${r.stdout}${r.stderr}`);
  return { seconds, converted: [...r.stdout.matchAll(/converted at (\d+) ms/g)].map((m) => Number(m[1])) };
}

function main(): void {
  const nb = JSON.parse(readFileSync(join(NOTEBOOKS, "clubhouse.ipynb"), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  const cells = nb.cells
    .filter((c) => c.cell_type === "code")
    .slice(0, 2)
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-snapshot-"));
  try {
    const blob = join(dir, "kernel.blob");
    const t0 = performance.now();
    const built = spawnSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", join(__dirname, "lib", "kernel-snapshot-entry.js")], { cwd: NOTEBOOKS, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`the snapshot did not build: ${built.stderr}`);
    const buildSeconds = (performance.now() - t0) / 1000;
    const cache = `require(${JSON.stringify(join(ROOT, "dist", "engine", "compile-cache"))}).enableCompileCache();`;
    const plain = `${cache} const t = require("path").dirname(require.resolve("tslab/package.json")); const c = require(t + "/dist/converter").createConverter({ isJS: false, isBrowser: false }); let d = ""; for (const cell of JSON.parse(process.argv[1])) { const r = c.convert(d, cell); if (r.diagnostics.length) console.log("diagnostics: " + r.diagnostics.map((x) => x.messageText).join("; ")); d = r.declOutput ?? d; console.log("converted at " + performance.now().toFixed(0) + " ms"); } process.exit(0);`;
    const arg = JSON.stringify(cells);
    const runs = { plain: [] as Run[], snapshot: [] as Run[] };
    const load = loadavg()[0]!;
    timed(["-e", plain, arg]); // the code cache and the page cache
    timed(["--snapshot-blob", blob, arg]);
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? (["plain", "snapshot"] as const) : (["snapshot", "plain"] as const);
      for (const way of order) runs[way].push(way === "plain" ? timed(["-e", plain, arg]) : timed(["--snapshot-blob", blob, arg]));
    }
    const at = (xs: Run[], cell: number) => median(xs.map((r) => r.converted[cell]!)) / 1000;
    console.log(`a startup snapshot of tslab's prepared compiler, ${RUNS} pairs, whole processes, node ${process.version}, load average ${load.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    console.log(`  built in ${buildSeconds.toFixed(1)} s, ${(statSync(blob).size / 2 ** 20).toFixed(0)} MiB`);
    console.log(`                                              today  snapshot`);
    for (const [label, cell] of [["the parameters cell converted", 0], ["the import cell converted", 1]] as const) {
      console.log(`  ${label.padEnd(40)}${at(runs.plain, cell).toFixed(3).padStart(7)} s${at(runs.snapshot, cell).toFixed(3).padStart(8)} s`);
    }
    console.log(`  the whole process${"".padEnd(23)}${median(runs.plain.map((r) => r.seconds)).toFixed(3).padStart(7)} s${median(runs.snapshot.map((r) => r.seconds)).toFixed(3).padStart(8)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
