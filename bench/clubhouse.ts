// npm run bench -- clubhouse: the Clubhouse notebook on the full-size database (1,300,515 users)
// against the original pandas analysis, as medians over several runs:
//   notebook        notebooks/clubhouse.ipynb through `npm run report`'s CLI, as a whole process
//                   (kernel start, every cell, HTML export with the charts drawn, shutdown)
//   empty notebook  one trivial cell through the same CLI: the runner's fixed cost
//   notebook, net   the two subtracted: what the analysis itself costs
//   pandas          the reference script (reference/clubhouse.py) as a whole process
// Runs are interleaved so that a busy machine slows all of them alike. Peak memory is the largest
// total RSS of the process and its children (the CLI and its kernel), sampled every 20 ms.
// Targets: net ratio (pandas / notebook net) at least 4, peak memory under 1.5 GB.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { FULL } from "../src/clubhouse/simulate/data-cli";
import { referenceRunner, referenceScript } from "../test/reference";
import { median, writeAlmostEmptyNotebook } from "./lib/common";
import { sampled, type Sampled as Sample } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const REFERENCE = referenceScript("clubhouse.py");
const NOTEBOOK = join(ROOT, "notebooks", "clubhouse.ipynb");

/** Runs a command to the end; its wall time and the peak RSS of its process tree, sampled every 20 ms. */
const measure = (command: string, args: string[]) => sampled(command, args, 20);

function row(name: string, xs: number[], peaks?: number[]): string {
  const f = (x: number) => x.toFixed(2).padStart(8);
  const mem = peaks ? `${(Math.max(...peaks) / 2 ** 20).toFixed(0).padStart(8)} MiB` : "";
  return `${name.padEnd(30)}${f(median(xs))}${f(Math.min(...xs))}${f(Math.max(...xs))} s${mem}`;
}

async function main(): Promise<void> {
  if (!existsSync(FULL.path)) {
    console.log(`skipped: the full-size database ${relative(ROOT, FULL.path)} is not there; write it with \`npm run data -- --full\` (about 10 s, 160 MB)`);
    return;
  }
  if (!existsSync(join(ROOT, "dist", "engine", "cli.js"))) throw new Error("dist/ is not built: run npm run build (npm run bench does)");
  const { python, missing } = referenceRunner("clubhouse.py", ["pandas", "numpy"]);
  if (python === undefined) {
    console.log(`skipped: ${missing}`);
    return;
  }
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, ".tmp", "bench-clubhouse-"));
  try {
    const empty = writeAlmostEmptyNotebook();
    const dbParam = relative(join(ROOT, "notebooks"), FULL.path);
    const cli = (notebook: string, extra: string[]) => measure(process.execPath, [join(ROOT, "dist", "engine", "cli.js"), "report", notebook, ...extra, "--force", "--out", join(scratch, "out")]);
    const runs = { notebook: [] as Sample[], empty: [] as Sample[], pandas: [] as Sample[] };
    console.log(`clubhouse benchmark: ${RUNS} runs each, interleaved, on ${relative(ROOT, FULL.path)} (${(readFileSync(FULL.path).length / 2 ** 20).toFixed(0)} MiB); node ${process.version}`);
    for (let i = 0; i < RUNS; i++) {
      runs.empty.push(await cli(empty, []));
      runs.notebook.push(await cli(NOTEBOOK, ["-p", "dbPath", dbParam]));
      runs.pandas.push(await measure(python, [REFERENCE, FULL.path]));
      process.stdout.write(`  run ${i + 1}/${RUNS}: notebook ${runs.notebook[i]!.seconds.toFixed(2)} s, empty ${runs.empty[i]!.seconds.toFixed(2)} s, pandas ${runs.pandas[i]!.seconds.toFixed(2)} s\n`);
    }
    const seconds = (xs: Sample[]) => xs.map((s) => s.seconds);
    const peaks = (xs: Sample[]) => xs.map((s) => s.peakBytes);
    // Net per run (the same round's empty run), then the median: noise stays paired.
    const net = runs.notebook.map((s, i) => s.seconds - runs.empty[i]!.seconds);
    console.log(`\n${"".padEnd(30)}${"median".padStart(8)}${"min".padStart(8)}${"max".padStart(8)}  ${"peak RSS".padStart(12)}`);
    console.log(row("notebook (npm run report)", seconds(runs.notebook), peaks(runs.notebook)));
    console.log(row("almost-empty notebook", seconds(runs.empty), peaks(runs.empty)));
    console.log(row("notebook, net", net));
    console.log(row("pandas reference", seconds(runs.pandas), peaks(runs.pandas)));
    const gross = median(seconds(runs.pandas)) / median(seconds(runs.notebook));
    const netRatio = median(seconds(runs.pandas)) / median(net);
    const peak = Math.max(...peaks(runs.notebook));
    console.log(`\nratio pandas / notebook, whole process: ${gross.toFixed(2)}×`);
    console.log(`ratio pandas / notebook, net:           ${netRatio.toFixed(2)}×   target >= 4: ${netRatio >= 4 ? "met" : "MISSED"}`);
    console.log(`peak memory of the notebook run:        ${(peak / 2 ** 30).toFixed(2)} GiB   target < 1.5 GB: ${peak < 1.5e9 ? "met" : "MISSED"}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
