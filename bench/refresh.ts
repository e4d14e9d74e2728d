// npm run bench -- refresh: what a person waits for when re-running reports that are up to date,
// each command timed as a whole process, medians over BENCH_RUNS runs (default 5), in pairs.
//   npm over the CLI   `npm run report` against `node dist/engine/cli.js report` on an up-to-date
//                      demo report: what npm and the build check add (target ≤ 0.3 s)
//   reports, all fresh `npm run reports` over the four notebooks, all up to date (target ≤ 1.5 s)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

function main(): void {
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
    const overhead = viaNpm.map((t, i) => t - (viaCli[i] as number));
    console.log(`refresh benchmark, ${RUNS} paired runs, node ${process.version}; whole processes, medians [min–max]`);
    const line = (name: string, xs: number[], target?: number) =>
      console.log(`${name.padEnd(34)}${fmt(median(xs)).padStart(8)}  [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]${target === undefined ? "" : `   target ≤ ${fmt(target)}: ${median(xs) <= target ? "met" : "MISSED"}`}`);
    line("npm run report (up to date)", viaNpm);
    line("node dist/engine/cli.js report", viaCli);
    line("npm over the CLI (pairwise)", overhead, 300);
    line("npm run reports, 4 up to date", all, 1500);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main();
