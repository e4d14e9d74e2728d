// `npm run sql:unique-devices -- --period daily|monthly [--date 2016-01-15 [--partitioned]]
// [--table wmf.webrequest] [--dialect spark|sqlite]`: prints the statement (Spark SQL / HiveQL by
// default), for one period, or without --date for every period in the table.
import { DataError } from "../../errors";
import type { Period } from "../definition";
import { uniquesSql, type Dialect } from "./sql";

const USAGE = "usage: npm run sql:unique-devices -- --period daily|monthly [--date YYYY-MM-DD [--partitioned]] [--table NAME] [--dialect spark|sqlite]";

export function parseArguments(argv: string[]): { period: Period; date?: string; table?: string; partitioned: boolean; dialect: Dialect } {
  const options = new Map<string, string>();
  let partitioned = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--partitioned") partitioned = true;
    else if (["--period", "--date", "--table", "--dialect"].includes(arg) && argv[i + 1] !== undefined) options.set(arg.slice(2), argv[++i] as string);
    else throw new DataError(`unknown or incomplete argument '${arg}'\n${USAGE}`);
  }
  const period = options.get("period");
  if (period !== "daily" && period !== "monthly") throw new DataError(`--period: expected daily or monthly, got ${period === undefined ? "nothing" : `'${period}'`}\n${USAGE}`);
  const date = options.get("date");
  if (date === undefined && partitioned) throw new DataError(`--partitioned needs --date (the partitions of one period)\n${USAGE}`);
  const dialect = options.get("dialect") ?? "spark";
  if (dialect !== "spark" && dialect !== "sqlite") throw new DataError(`--dialect: expected spark or sqlite, got '${dialect}'\n${USAGE}`);
  const table = options.get("table");
  return { period: period === "daily" ? "day" : "month", ...(date === undefined ? {} : { date }), ...(table === undefined ? {} : { table }), partitioned, dialect };
}

export function main(argv: string[]): number {
  try {
    process.stdout.write(uniquesSql(parseArguments(argv)));
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
