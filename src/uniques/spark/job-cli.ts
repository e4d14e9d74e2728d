// `npm run spark:unique-devices -- --input PATH... --out DIR [--master URL] [--table NAME] [--conf K=V]...`:
// unique devices per domain for every day and month of the input, computed by Spark (job.ts),
// written to DIR/daily and DIR/monthly as Parquet; the notebook reads them with -p countsPath DIR.
import { readArgs, reportUsage, UsageError } from "../../args";
import { DataError } from "../../errors";
import { runSparkJob, type SparkJobOptions } from "./job";

const USAGE = "usage: npm run spark:unique-devices -- (--input PATH... | --table NAME) --out DIR [--master local[*]|yarn|k8s://...|spark://...] [--conf KEY=VALUE]...";

const OPTIONS = {
  input: { type: "string", multiple: true },
  out: { type: "string" },
  master: { type: "string" },
  table: { type: "string" },
  conf: { type: "string", multiple: true },
} as const;

export function parseArguments(argv: string[]): SparkJobOptions {
  const { values, tokens } = readArgs(argv, OPTIONS);
  // `--input a b c`: the paths after --input, up to the next option, are its values too.
  const paths: string[] = [];
  let afterInput = false;
  for (const token of tokens) {
    if (token.kind === "option") {
      afterInput = token.name === "input";
      if (afterInput && token.value !== undefined) paths.push(token.value);
    } else if (token.kind === "positional") {
      if (!afterInput) throw new UsageError(`unexpected argument '${token.value}'`);
      paths.push(token.value);
    }
  }
  const { out, master, table, conf = [] } = values;
  if (out === undefined) throw new UsageError("--out DIR is required");
  if (out.trim() === "") throw new UsageError(`--out: expected a folder, got '${out}'`);
  for (const c of conf) if (!/^[^=]+=/.test(c)) throw new UsageError(`--conf: expected KEY=VALUE, got '${c}'`);
  if ((table === undefined) === (paths.length === 0)) throw new UsageError("give either --input PATH... or --table NAME");
  return { input: table === undefined ? { paths } : { table }, out, ...(master === undefined ? {} : { master }), ...(conf.length > 0 ? { conf } : {}) };
}

export async function main(argv: string[]): Promise<number> {
  let options: SparkJobOptions;
  try {
    options = parseArguments(argv);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage(e, USAGE);
    throw e;
  }
  try {
    const result = await runSparkJob({ ...options, log: (text) => process.stderr.write(text) });
    process.stderr.write(`unique devices: wrote ${result.out}/daily and ${result.out}/monthly in ${result.seconds.toFixed(1)} s (spark-submit from ${result.submit.via})\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof DataError ? 2 : 1;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
