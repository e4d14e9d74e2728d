// npm run bench -- refresh: what a person waits for when re-running reports that are up to date,
// each command timed as a whole process, medians over BENCH_RUNS runs (default 5), in pairs.
//   npm over the CLI   `npm run report` against `node dist/engine/cli.js report` on an up-to-date
//                      demo report: what npm and the build check add (target ≤ 0.3 s)
//   reports, all fresh `npm run reports` over the four notebooks, all up to date (target ≤ 1.5 s)
//   watch latency      `report --watch` on the demo notebook: from a changed byte in its CSV to the
//                      first cell's result, on the kernel started ahead (target ≤ 0.3 s)
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median } from "./lib/common";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);

function wall(command: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.stderr}`);
  if (!/up to date/.test(r.stderr)) throw new Error(`${command} ${args.join(" ")} ran a notebook; expected an up-to-date report:\n${r.stderr}`);
  return ms;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Milliseconds from each change to the first cell's result, as the watch mode measures and prints them. */
async function watchLatency(out: string): Promise<number[]> {
  const csv = join(out, "visits.csv");
  copyFileSync(join(ROOT, "data", "demo", "visits.csv"), csv);
  const child = spawn(process.execPath, ["dist/engine/cli.js", "report", "notebooks/demo.ipynb", "-p", "dataPath", csv, "--out", join(out, "watch"), "--watch"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (c: Buffer) => (log += c.toString()));
  const until = async (test: () => boolean) => {
    for (const t0 = Date.now(); !test(); await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() - t0 > 120_000 || child.exitCode !== null) throw new Error(`watch mode stalled:\n${log}`);
    }
  };
  const runs = () => log.split("\n").filter((l) => / ran in /.test(l)).length;
  try {
    await until(() => /watching 1 notebook/.test(log));
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Time for the kernel started after the last run to be ready, as between two saves.
      await new Promise((r) => setTimeout(r, 4000));
      const before = runs();
      const text = readFileSync(csv, "utf8");
      writeFileSync(csv, text.replace(/^(2024-05-06,Mon,)(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`));
      await until(() => runs() > before);
      const found = [...log.matchAll(/first cell's result (\d+) ms after the change/g)].pop();
      ms.push(Number(found?.[1]));
    }
    return ms;
  } finally {
    child.kill("SIGINT");
    await new Promise((r) => child.once("exit", r));
  }
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "bench-refresh-"));
  try {
    // One real run of each notebook makes the reports that the timed commands find up to date.
    const first = spawnSync("npm", ["run", "--silent", "reports", "--", "--out", out], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    if (first.status !== 0) throw new Error(`npm run reports failed:\n${first.stderr}`);

    const viaNpm: number[] = [];
    const viaCli: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      viaNpm.push(wall("npm", ["run", "--silent", "report", "--", "notebooks/demo.ipynb", "--out", out]));
      viaCli.push(wall(process.execPath, ["dist/engine/cli.js", "report", "notebooks/demo.ipynb", "--out", out]));
      all.push(wall("npm", ["run", "--silent", "reports", "--", "--out", out]));
    }
    const latency = await watchLatency(out);
    const overhead = viaNpm.map((t, i) => t - (viaCli[i] as number));
    console.log(`refresh benchmark, ${RUNS} paired runs, node ${process.version}; whole processes, medians [min–max]`);
    const line = (name: string, xs: number[], target?: number) =>
      console.log(`${name.padEnd(34)}${fmt(median(xs)).padStart(8)}  [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]${target === undefined ? "" : `   target ≤ ${fmt(target)}: ${median(xs) <= target ? "met" : "MISSED"}`}`);
    line("npm run report (up to date)", viaNpm);
    line("node dist/engine/cli.js report", viaCli);
    line("npm over the CLI (pairwise)", overhead, 300);
    line("npm run reports, 4 up to date", all, 1500);
    line("watch: change → first cell's result", latency, 300);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
