// `npm run sql:unique-devices -- --period daily|monthly [--date 2016-01-15 [--partitioned]]
// [--table wmf.webrequest] [--dialect spark|sqlite]`: prints the statement (Spark SQL / HiveQL by
// default), for one period, or without --date for every period in the table.
import { readArgs, reportUsage, UsageError } from "../../args";
import { DataError } from "../../errors";
import type { Period } from "../definition";
import { uniquesSql, type Dialect } from "./sql";

const USAGE = "usage: npm run sql:unique-devices -- --period daily|monthly [--date YYYY-MM-DD [--partitioned]] [--table NAME] [--dialect spark|sqlite]";

const OPTIONS = {
  period: { type: "string" },
  date: { type: "string" },
  table: { type: "string" },
  dialect: { type: "string" },
  partitioned: { type: "boolean" },
} as const;

export function parseArguments(argv: string[]): { period: Period; date?: string; table?: string; partitioned: boolean; dialect: Dialect } {
  const { values, positionals } = readArgs(argv, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const { period, date, table, dialect = "spark", partitioned = false } = values;
  if (period !== "daily" && period !== "monthly") throw new UsageError(`--period: expected daily or monthly, got ${period === undefined ? "nothing" : `'${period}'`}`);
  if (date === undefined && partitioned) throw new UsageError("--partitioned needs --date (the partitions of one period)");
  if (dialect !== "spark" && dialect !== "sqlite") throw new UsageError(`--dialect: expected spark or sqlite, got '${dialect}'`);
  return { period: period === "daily" ? "day" : "month", ...(date === undefined ? {} : { date }), ...(table === undefined ? {} : { table }), partitioned, dialect };
}

export function main(argv: string[]): number {
  try {
    process.stdout.write(uniquesSql(parseArguments(argv)));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return reportUsage(e, USAGE);
    // A date that is not one: DataError says which.
    if (e instanceof DataError) return reportUsage(e, USAGE);
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
