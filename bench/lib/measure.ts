// Measuring whole processes for the benchmarks: time and memory (GNU time's, or sampled from /proc
// over the process tree), and the four-times-larger unique-devices extract that bench/uniques.ts and
// bench/spark.ts both run.
import { spawn } from "node:child_process";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { createGunzip } from "node:zlib";
import { writeAtomic, writeStreamAtomic } from "../../src/io/atomic";

const ROOT = resolve(__dirname, "..", "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);

export interface Measure {
  seconds: number;
  /** The largest resident set of one process of the tree (GNU time's %M): it includes file pages, such as the memory-mapped input. */
  peakMb: number;
  /** The largest sum over the process tree of anonymous resident memory (RssAnon): what the computation itself holds. */
  anonMb: number;
  /** User and system CPU seconds of the process and the children it waited for: what a busy machine's other work changes least. */
  cpu: number;
}

/** `root` and every process below it, from /proc. */
function processTree(root: number): number[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const task of safely(() => readdirSync(`/proc/${out[i]}/task`), [])) {
      const children = safely(() => readFileSync(`/proc/${out[i]}/task/${task}/children`, "utf8"), "").trim();
      if (children) out.push(...children.split(/\s+/).map(Number));
    }
  }
  return out;
}

/** The sum of a /proc/PID/status field in kB (VmRSS, RssAnon) over the process tree of `root`. */
function treeKb(root: number, field: string): number {
  const pattern = new RegExp(`${field}:\\s+(\\d+) kB`);
  return processTree(root).reduce((sum, pid) => sum + Number(pattern.exec(safely(() => readFileSync(`/proc/${pid}/status`, "utf8"), ""))?.[1] ?? 0), 0);
}

/** What `read` returns, or `otherwise` when the process it reads is gone meanwhile. */
function safely<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

/** Anonymous resident memory of `root` and its descendants, in kB, read from /proc. */
export function treeAnonKb(root: number): number {
  return treeKb(root, "RssAnon");
}

export interface Sampled {
  seconds: number;
  /** The largest sum of the resident sets of the process tree, as sampled. */
  peakBytes: number;
}

/**
 * Runs a command to its end: its wall time, and the peak of the resident sets of its process tree
 * added up (the CLI and its kernel), sampled every `everyMs`.
 */
export function sampled(command: string, args: string[], everyMs: number, cwd = ROOT): Promise<Sampled> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    const timer = setInterval(() => child.pid !== undefined && (peak = Math.max(peak, treeKb(child.pid, "VmRSS") * 1024)), everyMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr.slice(-2000)}`));
      else resolvePromise({ seconds, peakBytes: peak });
    });
  });
}

/** Seconds from spawn to exit of a process (`command`, Node.js by default); fails unless it exits with `status`. */
export async function wall(args: string[], { env = {}, status = 0, cwd = ROOT, command = process.execPath }: { env?: NodeJS.ProcessEnv; status?: number; cwd?: string; command?: string } = {}): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== status) throw new Error(`${args.join(" ")} ended with ${code}:\n${stderr.slice(-2000)}`);
  return (performance.now() - t0) / 1000;
}

/**
 * Runs a command under GNU time. With `sampleMemory`, also samples the tree's anonymous memory
 * every 200 ms: reading /proc costs CPU, so the timed runs do not sample and one extra run does.
 */
export async function timed(command: string, args: string[], sampleMemory = false, cwd = ROOT): Promise<Measure> {
  const child = spawn("/usr/bin/time", ["-f", "%e %M %U %S", command, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let anonKb = 0;
  const sampler = sampleMemory ? setInterval(() => child.pid !== undefined && (anonKb = Math.max(anonKb, treeAnonKb(child.pid))), 200) : undefined;
  const [status] = (await once(child, "exit")) as [number | null];
  clearInterval(sampler);
  const last = stderr.trimEnd().split("\n").pop() ?? "";
  const [seconds, kb, user, system] = last.split(" ").map(Number);
  if (status !== 0 || seconds === undefined || kb === undefined || user === undefined || system === undefined || Number.isNaN(seconds)) {
    throw new Error(`${command} ${args.join(" ")} failed (status ${status}):\n${stderr.slice(-2000)}`);
  }
  return { seconds, peakMb: kb / 1024, anonMb: sampleMemory ? anonKb / 1024 : NaN, cpu: user + system };
}

export async function repeat(label: string, f: () => Promise<Measure>): Promise<Measure[]> {
  const out: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    out.push(await f());
    process.stderr.write(`  ${label} run ${i + 1}/${RUNS}: ${(out[i] as Measure).seconds.toFixed(1)} s\n`);
  }
  return out;
}

/**
 * Four times the rows: the full extract four times over, each copy's addresses moved into its own
 * range (2001:db8:k::a.b.c.d), so that its devices and bots are new ones with the same behaviour.
 * The truth is the full truth times four. Written once, beside the full extract.
 */
export async function writeFourTimes(FULL: string, FULL_TRUTH: string, X4: string, X4_TRUTH: string): Promise<void> {
  if (existsSync(X4) && existsSync(X4_TRUTH)) return;
  console.log(`writing ${relative(ROOT, X4)} (four copies of the full extract; once) ...`);
  async function* copies(): AsyncGenerator<string> {
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
          yield batch.join("\n") + "\n";
          batch = [];
        }
      }
      if (batch.length > 0) yield batch.join("\n") + "\n";
    }
  }
  await writeStreamAtomic(X4, copies(), { gzipLevel: 1 });
  const truth = JSON.parse(readFileSync(FULL_TRUTH, "utf8")) as { daily: Record<string, number>; monthly: Record<string, number> };
  const times4 = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, 4 * v]));
  writeAtomic(X4_TRUTH, JSON.stringify({ ...truth, description: "four copies of the full simulation", daily: times4(truth.daily), monthly: times4(truth.monthly) }));
}

