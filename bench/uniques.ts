// Benchmark of the unique-devices analysis, on the full-size extract (`npm run data -- --full`):
//   notebook    the whole notebook through the report CLI (kernel start, every cell, HTML export),
//               as a whole process: what a user waits for
//   fixed       an almost empty notebook (a parameter and one trivial cell) through the same CLI:
//               the runner's own cost, measured in the same run
//   net         notebook − fixed: what the analysis itself costs
//   reference   reference/unique_devices.py (pandas) on the same file, as a whole process
//   counts      the daily and monthly counts alone, as whole processes: the local path (the loader
//               and the estimator in one Node.js process) against DuckDB (bench/uniques-duckdb.py,
//               from the project's .venv: `scripts/python-env duckdb`), at 1× and 4× the rows, with
//               a check that both give the same count for every domain-day and domain-month
// Runs alternate (fixed, notebook, reference; local, DuckDB; the order turning each time), so that
// a drift of the machine's speed reaches both sides of a ratio. Medians of BENCH_RUNS runs (default
// 3), the ratios, and time and memory at 1× and 4× the rows: GNU time's peak RSS (the largest
// process: for the notebook, the kernel; it counts the memory-mapped gzip input) and the process
// tree's anonymous memory. Needs a build (`npm run build`) for the CLI; skips with a message
// without the extract or pandas, and the DuckDB line without DuckDB.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join, relative, resolve } from "node:path";
import * as pl from "nodejs-polars";
import { referenceRunner, referenceScript } from "../test/reference";
import { median, writeAlmostEmptyNotebook } from "./lib/common";
import { repeat, timed, writeFourTimes, type Measure } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const NOTEBOOK = join(ROOT, "notebooks", "unique-devices.ipynb");
const FULL = join(ROOT, "data", "uniques", "full", "webrequest.tsv.gz");
const FULL_TRUTH = join(ROOT, "data", "uniques", "full", "truth.json");
const X4 = join(ROOT, "data", "uniques", "full", "webrequest-x4.tsv.gz");
const X4_TRUTH = join(ROOT, "data", "uniques", "full", "truth-x4.json");
const REFERENCE = referenceScript("unique_devices.py");
const CLI = join(ROOT, "dist", "engine", "cli.js");
const TARGET = 6;
const DUCKDB_SCRIPT = join(ROOT, "bench", "uniques-duckdb.py");
const VENV = process.env["ANALYSIS_VENV"] ?? join(ROOT, ".venv");

/** The local path as a process: the library's loader and estimator, the tables written as Parquet. */
const LOCAL = `const { loadRequests } = require(${JSON.stringify(join(ROOT, "dist", "uniques", "load", "webrequest.js"))});
const { dailyUniques, monthlyUniques } = require(${JSON.stringify(join(ROOT, "dist", "uniques", "estimate.js"))});
const [file, out] = process.argv.slice(1);
const requests = loadRequests(file);
dailyUniques(requests).writeParquet(out + "/daily.parquet");
monthlyUniques(requests).writeParquet(out + "/monthly.parquet");`;

/** The .venv's Python when it imports duckdb; else why not. */
function duckdbPython(): { python: string } | { missing: string } {
  const python = join(VENV, "bin", "python");
  if (existsSync(python) && spawnSync(python, ["-c", "import duckdb"]).status === 0) return { python };
  return { missing: "DuckDB is not in the project's .venv; install it with `scripts/python-env duckdb`" };
}

/** Whether both wrote the same daily and monthly tables: every domain-day and domain-month. */
function sameCounts(a: string, b: string): string {
  for (const name of ["daily", "monthly"]) {
    const x = pl.readParquet(join(a, `${name}.parquet`));
    const y = pl.readParquet(join(b, `${name}.parquet`));
    if (!x.frameEqual(y)) return `DIFFER (${name}: ${x.height} rows against ${y.height})`;
  }
  return "the same count for every domain-day and domain-month";
}

/** `runs` rounds of the commands, each round in another order (a rotation), each command's measures apart. */
async function paired(label: string, commands: Array<() => Promise<Measure>>, runs = RUNS): Promise<Measure[][]> {
  const out: Measure[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < commands.length; k++) {
      const which = (i + k) % commands.length;
      (out[which] as Measure[]).push(await (commands[which] as () => Promise<Measure>)());
    }
    process.stderr.write(`  ${label} round ${i + 1}/${runs}: ${out.map((m) => (m[i] as Measure).seconds.toFixed(1)).join(" / ")} s\n`);
  }
  return out;
}

function report(notebook: string, out: string, parameters: Record<string, string>, sampleMemory = false): Promise<Measure> {
  const args = [CLI, "report", notebook, "--force", "--out", out, ...Object.entries(parameters).flatMap(([k, v]) => ["-p", k, v])];
  return timed(process.execPath, args, sampleMemory);
}

function row(name: string, ms: Measure[], extra = ""): string {
  const s = ms.map((m) => m.seconds);
  const f = (x: number) => x.toFixed(1).padStart(8);
  return `${name.padEnd(26)}${f(median(s))}${f(Math.min(...s))}${f(Math.max(...s))} s${median(ms.map((m) => m.peakMb)).toFixed(0).padStart(7)} MB${extra}`;
}

async function main(): Promise<void> {
  if (!existsSync(FULL) || !existsSync(FULL_TRUTH)) {
    console.log(`skipped: ${relative(ROOT, FULL)} is missing; write it with \`npm run data -- --full\` (about 2 minutes).`);
    return;
  }
  const { python, missing } = referenceRunner("unique_devices.py", ["pandas"]);
  if (python === undefined) {
    console.log(`skipped: ${missing}`);
    return;
  }
  if (!existsSync(CLI) || !existsSync(join(ROOT, "dist", "uniques", "index.js"))) {
    console.log("skipped: the CLI is not built; run `npm run build` first.");
    return;
  }
  await writeFourTimes(FULL, FULL_TRUTH, X4, X4_TRUTH);
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-uniques-"));
  try {
    const full = { webrequestPath: relative(join(ROOT, "notebooks"), FULL), truthPath: relative(join(ROOT, "notebooks"), FULL_TRUTH) };
    const x4 = { webrequestPath: relative(join(ROOT, "notebooks"), X4), truthPath: relative(join(ROOT, "notebooks"), X4_TRUTH) };
    const empty = writeAlmostEmptyNotebook(`const webrequestPath: string = "";`);
    const rows = (file: string) => `${(statSync(file).size / 1e6).toFixed(0)} MB gzipped`;
    const load = () => loadavg().map((x) => x.toFixed(2)).join(", ");
    console.log(`unique-devices benchmark, ${RUNS} rounds, node ${process.version}; ${relative(ROOT, FULL)} (${rows(FULL)}), 4×: ${rows(X4)}; load average at the start ${load()}`);
    await report(empty, dir, {}); // warm the file cache and the kernel's modules once
    const [fixed, notebook, reference] = (await paired("fixed / notebook / reference, 1×", [() => report(empty, dir, {}), () => report(NOTEBOOK, dir, full), () => timed(python, [REFERENCE, FULL, FULL_TRUTH])])) as [Measure[], Measure[], Measure[]];
    const notebook4 = await repeat("notebook 4×", () => report(NOTEBOOK, dir, x4));
    const memory1 = await report(NOTEBOOK, dir, full, true);
    const memory4 = await report(NOTEBOOK, dir, x4, true);
    const m = (xs: Measure[]) => median(xs.map((x) => x.seconds));
    const net = m(notebook) - m(fixed);
    const net4 = m(notebook4) - m(fixed);
    console.log(`${"".padEnd(26)}${"median".padStart(8)}${"min".padStart(8)}${"max".padStart(8)}  ${"peak RSS".padStart(8)}`);
    console.log(row("fixed (empty notebook)", fixed));
    console.log(row("notebook, 1× rows", notebook, `   net ${net.toFixed(1)} s`));
    console.log(row("notebook, 4× rows", notebook4, `   net ${net4.toFixed(1)} s (${(net4 / net).toFixed(2)}× the 1× net)`));
    console.log(row("reference (pandas), 1×", reference));
    const gross = m(reference) / m(notebook);
    const netRatio = m(reference) / net;
    console.log(`ratio reference / notebook (as a user waits): ${gross.toFixed(1)}×   target ≥ 4×: ${gross >= 4 ? "met" : "MISSED"}`);
    console.log(`ratio reference / net (the analysis itself):   ${netRatio.toFixed(1)}×   target ≥ ${TARGET}×: ${netRatio >= TARGET ? "met" : "MISSED"}`);
    const mb = (x: number) => `${x.toFixed(0)} MB`;
    console.log(`memory of the notebook's processes (one more run each, sampling /proc): anonymous ${mb(memory1.anonMb)} at 1×, ${mb(memory4.anonMb)} at 4× (${(memory4.anonMb / memory1.anonMb).toFixed(2)}× for 4× the rows);`);
    console.log(`  peak RSS ${mb(memory1.peakMb)} and ${mb(memory4.peakMb)} (it counts the memory-mapped gzip input, ${rows(FULL)} and ${rows(X4)}). The reference: peak RSS ${mb(median(reference.map((x) => x.peakMb)))} at 1×.`);

    const duck = duckdbPython();
    if ("missing" in duck) {
      console.log(`counts against DuckDB: skipped: ${duck.missing}.`);
    } else {
      const version = spawnSync(duck.python, ["-c", "import duckdb; print(duckdb.__version__)"], { encoding: "utf8" }).stdout.trim();
      console.log(`the counts alone, local path (loader and estimator, one Node.js process) against DuckDB ${version} (bench/uniques-duckdb.py), whole processes:`);
      for (const [label, file] of [["1×", FULL], ["4×", X4]] as const) {
        const local = join(dir, "local");
        const duckOut = join(dir, "duckdb");
        mkdirSync(local, { recursive: true });
        mkdirSync(duckOut, { recursive: true });
        const [ours, theirs] = (await paired(`local / DuckDB, ${label}`, [() => timed(process.execPath, ["-e", LOCAL, file, local]), () => timed(duck.python, [DUCKDB_SCRIPT, file, duckOut])])) as [Measure[], Measure[]];
        console.log(row(`local path, ${label}`, ours));
        console.log(row(`DuckDB, ${label}`, theirs, `   DuckDB / local ${(m(theirs) / m(ours)).toFixed(2)}×; ${sameCounts(local, duckOut)}`));
      }
    }
    console.log(`load average at the end ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
