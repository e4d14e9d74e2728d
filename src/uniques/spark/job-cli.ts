// `npm run spark:unique-devices -- --input PATH... --out DIR [--master URL] [--table NAME] [--conf K=V]...`:
// unique devices per domain for every day and month of the input, computed by Spark (job.ts),
// written to DIR/daily and DIR/monthly as Parquet; the notebook reads them with -p countsPath DIR.
import { DataError } from "../../errors";
import { runSparkJob, type SparkJobOptions } from "./job";

const USAGE = "usage: npm run spark:unique-devices -- (--input PATH... | --table NAME) --out DIR [--master local[*]|yarn|k8s://...|spark://...] [--conf KEY=VALUE]...";

export function parseArguments(argv: string[]): SparkJobOptions {
  const paths: string[] = [];
  const conf: string[] = [];
  let table: string | undefined;
  let out: string | undefined;
  let master: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = argv[i + 1];
    if (arg === "--input") {
      // One or more paths, up to the next option.
      while (argv[i + 1] !== undefined && !(argv[i + 1] as string).startsWith("--")) paths.push(argv[++i] as string);
      if (paths.length === 0) throw new DataError(`--input: expected one or more paths\n${USAGE}`);
    } else if (["--out", "--master", "--table", "--conf"].includes(arg) && value !== undefined && !value.startsWith("--")) {
      i++;
      if (arg === "--out" && value.trim() === "") throw new DataError(`--out: expected a folder, got '${value}'\n${USAGE}`);
      if (arg === "--out") out = value;
      else if (arg === "--master") master = value;
      else if (arg === "--table") table = value;
      else if (!/^[^=]+=/.test(value)) throw new DataError(`--conf: expected KEY=VALUE, got '${value}'\n${USAGE}`);
      else conf.push(value);
    } else throw new DataError(`unknown or incomplete argument '${arg}'\n${USAGE}`);
  }
  if (out === undefined) throw new DataError(`--out DIR is required\n${USAGE}`);
  if ((table === undefined) === (paths.length === 0)) throw new DataError(`give either --input PATH... or --table NAME\n${USAGE}`);
  return { input: table === undefined ? { paths } : { table }, out, ...(master === undefined ? {} : { master }), ...(conf.length > 0 ? { conf } : {}) };
}

export async function main(argv: string[]): Promise<number> {
  let options: SparkJobOptions;
  try {
    options = parseArguments(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
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
