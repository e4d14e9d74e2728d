// `npm run data [-- --full] [NAME...]`: writes each analysis's simulated data set: the small
// samples the notebooks read by default (committed), or with --full the full-size ones the
// benchmarks use (in data/NAME/full/, not committed). The simulators are seeded: same bytes each time.
import { readArgs, reportUsage, UsageError } from "./args";
import * as clubhouse from "./clubhouse/simulate/data-cli";
import * as jelly from "./jelly/simulate/data-cli";
import * as uniques from "./uniques/simulate/data-cli";

interface DataSet {
  writeSample(): Promise<string>;
  writeFull(): Promise<string>;
}

const SETS: Record<string, DataSet> = { clubhouse, jelly, uniques };

const USAGE = `usage: npm run data -- [--full] [${Object.keys(SETS).join("|")}]...`;

async function main(argv: readonly string[]): Promise<number> {
  let full: boolean;
  let names: string[];
  try {
    const { values, positionals } = readArgs(argv, { full: { type: "boolean" } });
    const unknown = positionals.filter((n) => !(n in SETS));
    if (unknown.length > 0) throw new UsageError(`no data set named '${unknown[0]}'`);
    full = values.full ?? false;
    names = positionals;
  } catch (e) {
    if (e instanceof UsageError) return reportUsage(e, USAGE);
    throw e;
  }
  for (const name of names.length > 0 ? names : Object.keys(SETS)) {
    const set = SETS[name] as DataSet;
    const t0 = performance.now();
    const file = await (full ? set.writeFull() : set.writeSample());
    process.stderr.write(`${name}: wrote ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
