// npm run bench -- fixed-cost: where the runner's fixed cost goes, as whole processes: an almost
// empty notebook through `report --force`, against the steps it is made of, each a process of its
// own that stops after that step (medians over BENCH_RUNS runs). The steps overlap in the real run
// (the report module loads while the kernel exits), so they add up to a little more than the whole.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { median, writeAlmostEmptyNotebook } from "./lib/common";
import { wall } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const DIST = join(ROOT, "dist");

async function main(): Promise<void> {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-fixed-"));
  try {
    const nb = writeAlmostEmptyNotebook(dir);
    const req = (m: string) => `require(${JSON.stringify(join(DIST, m))})`;
    const steps: [string, string[], number?][] = [
      ["Node.js starts and exits", ["-e", ""]],
      ["+ the CLI loads, refuses its arguments", [join(DIST, "engine", "cli.js"), "report"], 2],
      ["+ the runner loads", ["-e", `${req("engine/runner")}`]],
      ["+ a kernel starts and answers", ["-e", `${req("engine/kernel")}.Kernel.start({ cwd: ${JSON.stringify(dir)} }).then((k) => k.shutdown())`]],
      ["+ the first cell's reply", ["-e", `${req("engine/kernel")}.Kernel.start({ cwd: ${JSON.stringify(dir)} }).then(async (k) => { await k.execute("1 + 1"); await k.shutdown(); })`]],
      ["the report module loads (export)", ["-e", `${req("report")}`]],
      ["the whole: report --force", [join(DIST, "engine", "cli.js"), "report", nb, "--force", "--out", join(dir, "out")]],
    ];
    const times = new Map<string, number[]>(steps.map(([name]) => [name, []]));
    await wall(steps[steps.length - 1]![1]); // the page cache, and a first report to replace
    for (let i = 0; i < RUNS; i++) for (const [name, args, status] of steps) times.get(name)!.push(await wall(args, { status: status ?? 0 }));
    console.log(`the runner's fixed cost, ${RUNS} runs each, whole processes, node ${process.version}`);
    for (const [name, xs] of times) console.log(`  ${name.padEnd(42)}${median(xs).toFixed(3).padStart(8)} s  (min ${Math.min(...xs).toFixed(3)}, max ${Math.max(...xs).toFixed(3)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
