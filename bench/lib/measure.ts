// Measuring whole processes for the benchmarks: time and memory, and the four-times-larger
// unique-devices extract that bench/uniques.ts and bench/spark.ts both run.
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
}

/** Anonymous resident memory of `root` and its descendants, in kB, read from /proc. */
export function treeAnonKb(root: number): number {
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
export async function timed(command: string, args: string[], sampleMemory = false, cwd = ROOT): Promise<Measure> {
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

