// npm run bench: the runner's own costs, as medians over several runs.
//   first result   process start of the kernel → the first cell's reply (target < 2 s)
//   per cell       a trivial cell's round trip once the kernel is warm (target < 0.1 s)
//   demo run       the whole demo notebook (kernel start, 7 cells, shutdown)
//   export         rendering the executed demo notebook to HTML, and the report's size
//   5,000 cells    a notebook of 5,000 trivial cells, start to end, once (BENCH_MANY_CELLS=N for another count;
//                  tslab's own bin/tslab stalls near cell 240, a lost status idle)
import { join, resolve } from "node:path";
import { Kernel } from "../src/engine/kernel";
import { runNotebook } from "../src/engine/runner";
import { versions } from "../src/engine/provenance";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { renderReport } from "../src/report";
import { median } from "./lib/common";

const ROOT = resolve(__dirname, "..");
const DEMO = join(ROOT, "notebooks", "demo.ipynb");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const TRIVIAL_CELLS = 30;
/** tslab's cost per cell grows with the cells before it: 5,000 take many minutes. */
const MANY_CELLS = Number(process.env["BENCH_MANY_CELLS"] ?? 5000);

function row(name: string, xs: number[], unit: string, target?: number): string {
  const fmt = (x: number) => x.toFixed(1).padStart(9);
  const t = target === undefined ? "" : `   target < ${target} ${unit}: ${median(xs) < target ? "met" : "MISSED"} (median/target ${(median(xs) / target).toFixed(2)})`;
  return `${name.padEnd(22)}${fmt(median(xs))}${fmt(Math.min(...xs))}${fmt(Math.max(...xs))} ${unit}${t}`;
}

async function main(): Promise<void> {
  const first: number[] = [];
  const perCell: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const kernel = await Kernel.start({ cwd: join(ROOT, "notebooks") });
    await kernel.execute("1");
    first.push(performance.now() - t0);
    const times: number[] = [];
    for (let c = 0; c < TRIVIAL_CELLS; c++) {
      const t = performance.now();
      await kernel.execute(`const x${c} = ${c} + 1;`);
      times.push(performance.now() - t);
    }
    perCell.push(median(times));
    await kernel.shutdown();
  }

  const demo: number[] = [];
  let last = await runNotebook(DEMO);
  for (let i = 0; i < Math.max(3, RUNS - 2); i++) {
    const t = performance.now();
    last = await runNotebook(DEMO);
    demo.push(performance.now() - t);
  }
  if (last.failure) throw new Error(`the demo notebook failed: ${last.failure.message}`);

  const info = {
    notebookPath: "notebooks/demo.ipynb",
    started: last.started,
    durationMs: last.durationMs,
    parameters: last.parameters,
    inputs: last.inputs,
    versions: versions(),
  };
  const exportMs: number[] = [];
  let html = "";
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    html = await renderReport(last.notebook, info, { includeCode: true });
    exportMs.push(performance.now() - t);
  }
  const bytes = Buffer.byteLength(html);

  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-"));
  let manyMs = NaN;
  let manyOk = false;
  try {
    const cells = Array.from({ length: MANY_CELLS }, (_, i) => ({ cell_type: "code", source: `const v${i} = ${i};`, metadata: {}, outputs: [], execution_count: null }));
    const nb = join(dir, "many.ipynb");
    writeFileSync(nb, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
    const t = performance.now();
    const many = await runNotebook(nb, { timeoutMs: 60_000 });
    manyMs = performance.now() - t;
    manyOk = many.failure === undefined && many.incomplete.length === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`runner benchmark, ${RUNS} runs (${TRIVIAL_CELLS} trivial cells a run), node ${process.version}`);
  console.log(`${"".padEnd(22)}${"median".padStart(9)}${"min".padStart(9)}${"max".padStart(9)}`);
  console.log(row("first result", first, "ms", 2000));
  console.log(row("per trivial cell", perCell, "ms", 100));
  console.log(row("demo notebook run", demo, "ms"));
  console.log(row("export to HTML", exportMs, "ms"));
  console.log(`${`${MANY_CELLS} trivial cells`.padEnd(22)}${(manyMs / 1000).toFixed(1).padStart(9)} s  ${manyOk ? "all ran, no message lost" : "FAILED or incomplete"}`);
  console.log(`${"report size".padEnd(22)}${(bytes / 1024).toFixed(0).padStart(9)} KiB (demo report, one chart, vega runtime inline)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
