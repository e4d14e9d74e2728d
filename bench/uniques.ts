// Benchmark of the unique-devices analysis, on the full-size extract (`npm run data -- --full`):
//   notebook    the whole notebook through the report CLI (kernel start, every cell, HTML export),
//               as a whole process: what a user waits for
//   fixed       an almost empty notebook (a parameter and one trivial cell) through the same CLI:
//               the runner's own cost, measured in the same run
//   net         notebook − fixed: what the analysis itself costs
//   reference   reference/unique_devices.py (pandas) on the same file, as a whole process
// Medians of BENCH_RUNS runs (default 3), the ratios reference / notebook and reference / net,
// and time and memory at 1× and 4× the rows: GNU time's peak RSS (the largest process: for the
// notebook, the kernel; it counts the memory-mapped gzip input) and the process tree's anonymous memory.
// Needs a build (`npm run build`) for the CLI; skips with a message without the extract or pandas.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import { referenceRunner, referenceScript } from "../test/reference";
import { median, writeAlmostEmptyNotebook } from "./lib/common";

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

interface Measure {
  seconds: number;
  /** The largest resident set of one process of the tree (GNU time's %M): it includes file pages, such as the memory-mapped input. */
  peakMb: number;
  /** The largest sum over the process tree of anonymous resident memory (RssAnon): what the computation itself holds. */
  anonMb: number;
}

/** Anonymous resident memory of `root` and its descendants, in kB, read from /proc. */
function treeAnonKb(root: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p !== root && p > 1) p = parent.get(p);
    if (p !== root) continue;
    try {
      total += Number(/RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * Runs a command under GNU time. With `sampleMemory`, also samples the tree's anonymous memory
 * every 200 ms: reading /proc costs CPU, so the timed runs do not sample and one extra run does.
 */
async function timed(command: string, args: string[], sampleMemory = false, cwd = ROOT): Promise<Measure> {
  const child = spawn("/usr/bin/time", ["-f", "%e %M", command, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let anonKb = 0;
  const sampler = sampleMemory ? setInterval(() => child.pid !== undefined && (anonKb = Math.max(anonKb, treeAnonKb(child.pid))), 200) : undefined;
  const [status] = (await once(child, "exit")) as [number | null];
  clearInterval(sampler);
  const last = stderr.trimEnd().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  if (status !== 0 || seconds === undefined || kb === undefined || Number.isNaN(seconds)) {
    throw new Error(`${command} ${args.join(" ")} failed (status ${status}):\n${stderr.slice(-2000)}`);
  }
  return { seconds, peakMb: kb / 1024, anonMb: sampleMemory ? anonKb / 1024 : NaN };
}

async function repeat(label: string, f: () => Promise<Measure>): Promise<Measure[]> {
  const out: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    out.push(await f());
    process.stderr.write(`  ${label} run ${i + 1}/${RUNS}: ${(out[i] as Measure).seconds.toFixed(1)} s\n`);
  }
  return out;
}

function report(notebook: string, out: string, parameters: Record<string, string>, sampleMemory = false): Promise<Measure> {
  const args = [CLI, "report", notebook, "--out", out, ...Object.entries(parameters).flatMap(([k, v]) => ["-p", k, v])];
  return timed(process.execPath, args, sampleMemory);
}

/**
 * Four times the rows: the full extract four times over, each copy's addresses moved into its own
 * range (2001:db8:k::a.b.c.d), so that its devices and bots are new ones with the same behaviour.
 * The truth is the full truth times four. Written once, beside the full extract.
 */
async function writeFourTimes(): Promise<void> {
  if (existsSync(X4) && existsSync(X4_TRUTH)) return;
  console.log(`writing ${relative(ROOT, X4)} (four copies of the full extract; once) ...`);
  const tmp = `${X4}.${process.pid}.tmp`;
  const gzip = createGzip({ level: 1 });
  const sink = createWriteStream(tmp);
  gzip.pipe(sink);
  for (let copy = 0; copy < 4; copy++) {
    const lines = createInterface({ input: createReadStream(FULL).pipe(createGunzip()), crlfDelay: Infinity });
    let first = true;
    let batch: string[] = [];
    for await (const line of lines) {
      if (first) {
        first = false;
        if (copy === 0) batch.push(line);
        continue;
      }
      const f = line.split("\t");
      if (copy > 0) f[2] = `2001:db8:${copy}::${f[2] as string}`;
      batch.push(f.join("\t"));
      if (batch.length >= 20_000) {
        if (!gzip.write(batch.join("\n") + "\n")) await once(gzip, "drain");
        batch = [];
      }
    }
    if (batch.length > 0 && !gzip.write(batch.join("\n") + "\n")) await once(gzip, "drain");
  }
  gzip.end();
  await once(sink, "close");
  renameSync(tmp, X4);
  const truth = JSON.parse(readFileSync(FULL_TRUTH, "utf8")) as { daily: Record<string, number>; monthly: Record<string, number> };
  const times4 = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, 4 * v]));
  writeFileSync(X4_TRUTH, JSON.stringify({ ...truth, description: "four copies of the full simulation", daily: times4(truth.daily), monthly: times4(truth.monthly) }));
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
  await writeFourTimes();
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-uniques-"));
  try {
    const full = { webrequestPath: relative(join(ROOT, "notebooks"), FULL), truthPath: relative(join(ROOT, "notebooks"), FULL_TRUTH) };
    const x4 = { webrequestPath: relative(join(ROOT, "notebooks"), X4), truthPath: relative(join(ROOT, "notebooks"), X4_TRUTH) };
    const empty = writeAlmostEmptyNotebook(dir, `const webrequestPath: string = "";`);
    const rows = (file: string) => `${(statSync(file).size / 1e6).toFixed(0)} MB gzipped`;
    console.log(`unique-devices benchmark, ${RUNS} runs each, node ${process.version}; ${relative(ROOT, FULL)} (${rows(FULL)}), 4×: ${rows(X4)}`);
    await report(empty, dir, {}); // warm the file cache and the kernel's modules once
    const fixed = await repeat("fixed", () => report(empty, dir, {}));
    const notebook = await repeat("notebook 1×", () => report(NOTEBOOK, dir, full));
    const reference = await repeat("reference 1×", () => timed(python, [REFERENCE, FULL, FULL_TRUTH]));
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
    console.log(`ratio reference / notebook (as a user waits): ${gross.toFixed(1)}×`);
    console.log(`ratio reference / net (the analysis itself):   ${netRatio.toFixed(1)}×   target ≥ ${TARGET}×: ${netRatio >= TARGET ? "met" : "MISSED"}`);
    const mb = (x: number) => `${x.toFixed(0)} MB`;
    console.log(`memory of the notebook's processes (one more run each, sampling /proc): anonymous ${mb(memory1.anonMb)} at 1×, ${mb(memory4.anonMb)} at 4× (${(memory4.anonMb / memory1.anonMb).toFixed(2)}× for 4× the rows);`);
    console.log(`  peak RSS ${mb(memory1.peakMb)} and ${mb(memory4.peakMb)} (it counts the memory-mapped gzip input, ${rows(FULL)} and ${rows(X4)}). The reference: peak RSS ${mb(median(reference.map((x) => x.peakMb)))} at 1×.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
