// npm run bench -- fixed-cost: where the runner's fixed cost goes, as whole processes: an almost
// empty notebook through `report --force`, against the steps it is made of, each a process of its
// own that stops after that step (medians over BENCH_RUNS runs), on the Node.js that runs the bench
// (run it under each version: `PATH="$(scripts/node-version 24)/bin:$PATH" npm run bench -- fixed-cost`).
// The kernel's steps are tslab's own: its modules load, then its compiler is prepared (the lib and
// @types declarations parsed and bound) before it answers. The whole run overlaps steps (the
// exporter loads in the CLI while the kernel prepares its compiler), so they add up to more.
// V8's code cache (src/engine/compile-cache.ts) is on, as in a real run; the last rows have it off.
// The notebook is in notebooks/ for the run (bench/lib/common.ts), so that its kernel starts from
// the folder's startup snapshot as a user's would; a row has the snapshot off.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { snapshotFor } from "../src/engine/kernel-snapshot";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { median, writeAlmostEmptyNotebook } from "./lib/common";
import { wall } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const DIST = join(ROOT, "dist");
const OFF = { ANALYSIS_COMPILE_CACHE: "off" };

interface Step {
  name: string;
  command?: string;
  args: string[];
  okStatus?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

async function main(): Promise<void> {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-fixed-"));
  try {
    // In the notebooks' folder, as a user's notebook is: its kernels start from the snapshot (kernel-snapshot.ts).
    const nb = writeAlmostEmptyNotebook();
    const notebooks = join(ROOT, "notebooks");
    snapshotFor(notebooks);
    const out = join(dir, "out");
    const req = (m: string) => `require(${JSON.stringify(join(DIST, m))})`;
    // tslab's modules and its compiler, from the notebook's folder, with the cache as the launcher has it.
    const cached = `${req("engine/compile-cache")}.enableCompileCache();`;
    const tslab = `const t = require("path").dirname(require.resolve("tslab/package.json")); const c = require(t + "/dist/converter"); require(t + "/dist/jupyter");`;
    const kernel = (after: string, snapshot = false) =>
      `${req("engine/kernel")}.Kernel.start({ cwd: ${JSON.stringify(snapshot ? notebooks : dir)}${snapshot ? `, snapshot: ${req("engine/kernel-snapshot")}.snapshotFor(${JSON.stringify(notebooks)})` : ""} }).then(async (k) => { ${after} await k.shutdown(); })`;
    const whole = [join(DIST, "engine", "cli.js"), "report", nb, "--force", "--out", out];
    const steps: Step[] = [
      { name: "Node.js starts and exits", args: ["-e", ""] },
      { name: "+ the CLI loads, refuses its arguments", args: [join(DIST, "engine", "cli.js"), "report"], okStatus: 2 },
      { name: "+ the runner loads", args: ["-e", `${cached} ${req("engine/runner")}`] },
      { name: "kernel: tslab and TypeScript load", args: ["-e", `${cached} ${tslab}`], cwd: dir },
      { name: "kernel: + its compiler is prepared", args: ["-e", `${cached} ${tslab} c.createConverter({ isJS: false, isBrowser: false }); process.exit(0);`], cwd: dir },
      { name: "+ a kernel starts and answers", args: ["-e", kernel("")] },
      { name: "+ the first cell's reply", args: ["-e", kernel(`await k.execute("1 + 1");`)] },
      { name: "from the snapshot: the first cell's reply", args: ["-e", kernel(`await k.execute("1 + 1");`, true)] },
      { name: "the exporter loads (report module)", args: ["-e", `${cached} ${req("engine/publish")}`] },
      { name: "the whole: report --force", args: whole },
      { name: "the whole through npm run report", command: "npm", args: ["run", "--silent", "report", "--", nb, "--force", "--out", out] },
      { name: "snapshot off: the whole: report --force", args: whole, env: { ANALYSIS_KERNEL_SNAPSHOT: "off" } },
      { name: "cache off: a kernel's first cell's reply", args: ["-e", kernel(`await k.execute("1 + 1");`)], env: OFF },
      { name: "cache off: the whole: report --force", args: whole, env: OFF },
    ];
    const times = new Map<string, number[]>(steps.map(({ name }) => [name, []]));
    const run = (s: Step) => wall(s.args, { ...(s.command ? { command: s.command } : {}), ...(s.okStatus !== undefined ? { status: s.okStatus } : {}), ...(s.cwd ? { cwd: s.cwd } : {}), ...(s.env ? { env: s.env } : {}) });
    for (const s of steps) await run(s); // the page cache, the code cache, and a first report to replace
    const load = loadavg()[0]!;
    for (let i = 0; i < RUNS; i++) for (const s of steps) times.get(s.name)!.push(await run(s));
    console.log(`the runner's fixed cost, ${RUNS} runs each, whole processes, node ${process.version}, load average ${load.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    for (const [name, xs] of times) console.log(`  ${name.padEnd(44)}${median(xs).toFixed(3).padStart(8)} s  (min ${Math.min(...xs).toFixed(3)}, max ${Math.max(...xs).toFixed(3)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
