// npm run bench for the Jelly Party notebook, on the full-size snapshot (npm run data -- --full):
//   notebook     the whole report as a user runs it: `node dist/engine/cli.js report notebooks/jelly-party.ipynb
//                -p eventsPath ../data/jelly/full/events.ndjson.gz` as one process (kernel, cells, HTML export)
//   fixed cost   the same command on an almost empty notebook (one trivial cell), in the same run
//   net          notebook − fixed cost: what the analysis itself costs
//   reference    reference/jelly_party.py (pandas, scipy) on the same file, as one process
// Medians of BENCH_RUNS runs (default 3), both ratios, and the peak memory of each process tree
// (the sum of the resident sets of the process and its children, sampled every 50 ms).
// Needs a built dist/ (npm run build). Skips what it cannot run, saying why.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { referenceRunner, referenceScript } from "../test/reference";
import { median, writeAlmostEmptyNotebook } from "./lib/common";
import { sampled, type Sampled as Measure } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const FULL = join(ROOT, "data", "jelly", "full", "events.ndjson.gz");
const NOTEBOOK = join(ROOT, "notebooks", "jelly-party.ipynb");
const CLI = join(ROOT, "dist", "engine", "cli.js");
const REFERENCE = referenceScript("jelly_party.py");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const TARGET_RATIO = 10;
const TARGET_PEAK = 2 * 1024 ** 3;

const measure = (command: string, args: string[], cwd = ROOT) => sampled(command, args, 50, cwd);

const seconds = (x: number) => `${x.toFixed(2)} s`;
const gib = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GiB`;

function row(name: string, xs: number[], peaks: number[]): string {
  return `${name.padEnd(14)}${seconds(median(xs)).padStart(10)}${seconds(Math.min(...xs)).padStart(10)}${seconds(Math.max(...xs)).padStart(10)}${peaks.length ? gib(Math.max(...peaks)).padStart(12) : "".padStart(12)}`;
}

async function main(): Promise<void> {
  if (!existsSync(FULL)) {
    console.log(`jelly benchmark skipped: ${FULL} is missing; write it with \`npm run data -- --full\` (about 20 s).`);
    return;
  }
  if (!existsSync(CLI)) {
    console.log("jelly benchmark skipped: dist/ is not built; run `npm run build`.");
    return;
  }
  const python = referenceRunner("jelly_party.py", ["pandas", "scipy"]);
  const pandas = python.python !== undefined;

  const scratch = join(ROOT, ".tmp", `bench-jelly-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const empty = writeAlmostEmptyNotebook();
  const out = join(scratch, "reports");
  const notebookRun = () => measure(process.execPath, [CLI, "report", NOTEBOOK, "-p", "eventsPath", "../data/jelly/full/events.ndjson.gz", "--force", "--out", out]);
  const emptyRun = () => measure(process.execPath, [CLI, "report", empty, "--force", "--out", out]);
  const referenceRun = () => measure(python.python ?? "python3", [REFERENCE, FULL]);

  try {
    const notebook: Measure[] = [];
    const fixed: Measure[] = [];
    const reference: Measure[] = [];
    await notebookRun(); // warm the file cache and the compiled library once
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`run ${i + 1}/${RUNS}: notebook`);
      notebook.push(await notebookRun());
      process.stderr.write(", almost empty notebook");
      fixed.push(await emptyRun());
      if (pandas) {
        process.stderr.write(", reference");
        reference.push(await referenceRun());
      }
      process.stderr.write("\n");
    }
    const net = notebook.map((m, i) => m.seconds - (fixed[i] as Measure).seconds);
    console.log(`jelly-party benchmark on ${FULL.slice(ROOT.length + 1)}, ${RUNS} runs, node ${process.version}`);
    console.log(`${"".padEnd(14)}${"median".padStart(10)}${"min".padStart(10)}${"max".padStart(10)}${"peak memory".padStart(12)}`);
    console.log(row("notebook", notebook.map((m) => m.seconds), notebook.map((m) => m.peakBytes)));
    console.log(row("fixed cost", fixed.map((m) => m.seconds), fixed.map((m) => m.peakBytes)));
    console.log(row("net", net, []));
    if (!pandas) {
      console.log(`reference skipped: ${python.missing}.`);
      return;
    }
    console.log(row("reference", reference.map((m) => m.seconds), reference.map((m) => m.peakBytes)));
    const ref = median(reference.map((m) => m.seconds));
    const felt = ref / median(notebook.map((m) => m.seconds));
    const netRatio = ref / median(net);
    const peak = Math.max(...notebook.map((m) => m.peakBytes));
    console.log(`ratio, as a user feels it (reference / notebook): ${felt.toFixed(1)}×`);
    console.log(`ratio, net of the runner's fixed cost (reference / net): ${netRatio.toFixed(1)}×   target ≥ ${TARGET_RATIO}×: ${netRatio >= TARGET_RATIO ? "met" : "MISSED"}`);
    console.log(`peak memory of the notebook run: ${gib(peak)}   target < 2 GiB: ${peak < TARGET_PEAK ? "met" : "MISSED"}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
