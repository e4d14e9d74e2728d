// Benchmark of the two ways to count unique devices on one machine, side by side, on the full-size
// extract (`npm run data -- --full uniques`), on it four times over, and on it as Parquet:
//   local   one Node.js process: the loader and the estimator (loadRequests, dailyUniques,
//           monthlyUniques), writing the daily and monthly tables as Parquet
//   spark   npm run spark:unique-devices in local mode (local[*], pyspark's Spark from the
//           project's .venv or SPARK_HOME): JVM start, the definition's statement, Parquet out
// Both are whole processes under GNU time (seconds; peak RSS of the largest process); one more run
// each samples the process tree's anonymous memory. The two outputs are compared: every domain,
// day and month must agree. Medians of BENCH_RUNS runs (default 3); BENCH_INPUTS=full,parquet runs
// some of the inputs (full, x4, parquet; default all).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import * as pl from "nodejs-polars";
import { replaceFile } from "../src/io/atomic";
import { readCounts } from "../src/uniques/load/counts";
import { findJava, findSparkSubmit, INSTALL_SPARK } from "../src/uniques/spark/job";
import { median } from "./lib/common";
import { repeat, timed, writeFourTimes, type Measure } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const FULL = join(ROOT, "data", "uniques", "full", "webrequest.tsv.gz");
const FULL_TRUTH = join(ROOT, "data", "uniques", "full", "truth.json");
const X4 = join(ROOT, "data", "uniques", "full", "webrequest-x4.tsv.gz");
const X4_TRUTH = join(ROOT, "data", "uniques", "full", "truth-x4.json");
const FULL_PARQUET = join(ROOT, "data", "uniques", "full", "webrequest.parquet");
const SPARK_CLI = join(ROOT, "dist", "uniques", "spark", "job-cli.js");
/** The local path as a process: the library's loader and estimator, the tables written as Parquet. */
const LOCAL = `const { loadRequests } = require(${JSON.stringify(join(ROOT, "dist", "uniques", "load", "webrequest.js"))});
const { dailyUniques, monthlyUniques } = require(${JSON.stringify(join(ROOT, "dist", "uniques", "estimate.js"))});
const [file, out] = process.argv.slice(1);
const requests = loadRequests(file);
dailyUniques(requests).writeParquet(out + "/daily.parquet");
monthlyUniques(requests).writeParquet(out + "/monthly.parquet");`;

function sameCounts(out: string, local: string): string {
  for (const [period, name] of [["day", "daily"], ["month", "monthly"]] as const) {
    const spark = readCounts(out, period);
    const mine = pl.readParquet(join(local, `${name}.parquet`));
    if (!spark.frameEqual(mine)) return `DIFFER (${name}: ${spark.height} rows from Spark, ${mine.height} locally)`;
  }
  return "equal for every domain, day and month";
}

function row(name: string, ms: Measure[], memory: Measure): string {
  const s = ms.map((m) => m.seconds);
  const f = (x: number) => x.toFixed(1).padStart(8);
  return `${name.padEnd(30)}${f(median(s))}${f(Math.min(...s))}${f(Math.max(...s))} s${median(ms.map((m) => m.peakMb)).toFixed(0).padStart(8)} MB${memory.anonMb.toFixed(0).padStart(8)} MB`;
}

async function main(): Promise<void> {
  if (!existsSync(FULL) || !existsSync(FULL_TRUTH)) {
    console.log(`skipped: ${relative(ROOT, FULL)} is missing; write it with \`npm run data -- --full uniques\`.`);
    return;
  }
  try {
    findJava(findSparkSubmit().env);
  } catch (e) {
    console.log(`skipped: ${e instanceof Error ? e.message : String(e)} (${INSTALL_SPARK} installs pyspark into .venv)`);
    return;
  }
  if (!existsSync(SPARK_CLI)) {
    console.log("skipped: the CLI is not built; run `npm run build` first.");
    return;
  }
  const wanted = (process.env["BENCH_INPUTS"] ?? "full,x4,parquet").split(",");
  if (wanted.includes("x4")) await writeFourTimes(FULL, FULL_TRUTH, X4, X4_TRUTH);
  if (wanted.includes("parquet") && !existsSync(FULL_PARQUET)) {
    console.log(`writing ${relative(ROOT, FULL_PARQUET)} (the full extract as Parquet; once) ...`);
    replaceFile(FULL_PARQUET, (tmp) => pl.scanCSV(FULL, { sep: "\t", quoteChar: undefined, inferSchemaLength: 0, missingUtf8IsEmptyString: true }).sinkParquet(tmp).collectSync({ engine: "streaming" }));
  }
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-spark-"));
  const size = (file: string) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;
  console.log(`unique devices, local path against Spark local[*], ${process.env["BENCH_RUNS"] ?? 3} runs each, node ${process.version}, spark-submit from ${findSparkSubmit().via}`);
  console.log(`${"".padEnd(30)}${"median".padStart(8)}${"min".padStart(8)}${"max".padStart(8)}  ${"peak RSS".padStart(8)}  ${"anon".padStart(8)}`);
  try {
    const inputs = [["full", "full .tsv.gz", FULL], ["x4", "4× .tsv.gz", X4], ["parquet", "full .parquet", FULL_PARQUET]] as const;
    for (const [, label, file] of inputs.filter(([name]) => wanted.includes(name))) {
      const local = join(dir, "local");
      const out = join(dir, "spark");
      mkdirSync(local, { recursive: true });
      const runLocal = (sample = false) => timed(process.execPath, ["-e", LOCAL, file, local], sample);
      const runSpark = (sample = false) => timed(process.execPath, [SPARK_CLI, "--input", file, "--out", out], sample);
      // One run each (BENCH_RUNS=1) samples memory in that run; more runs sample in one extra run.
      const single = (process.env["BENCH_RUNS"] ?? "3") === "1";
      const localRuns = await repeat(`local ${label}`, () => runLocal(single));
      const sparkRuns = await repeat(`spark ${label}`, () => runSpark(single));
      const localMemory = single ? (localRuns[0] as Measure) : await runLocal(true);
      const sparkMemory = single ? (sparkRuns[0] as Measure) : await runSpark(true);
      console.log(`${label} (${size(file)})`);
      console.log(row("  local (polars, one process)", localRuns, localMemory));
      console.log(row("  spark local[*]", sparkRuns, sparkMemory));
      console.log(`  counts: ${sameCounts(out, local)}; spark / local time ${(median(sparkRuns.map((m) => m.seconds)) / median(localRuns.map((m) => m.seconds))).toFixed(2)}×`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
