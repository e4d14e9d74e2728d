// The report command's arguments: `report NOTEBOOK [-p NAME VALUE]... [--out DIR] ...` or `reports [...]`.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { readArgs, UsageError } from "../args";
import { notebooksIn } from "../notebook/notebook";
import { MANIFEST, readManifest, REPORT_NAME, runOf, type Run, type RunSet } from "./manifest";
import type { ParameterValue } from "./parameters";

export { UsageError };

// The parameters' parser (TypeScript's) is loaded only when a -p is given.
const parameters = () => require("./parameters") as typeof import("./parameters");

export interface CliOptions {
  command: "report" | "reports";
  /** What runs: `report`'s one notebook, or `reports`' manifest (manifest.ts) and the notebooks it does not list. */
  runs: Run[];
  /** The comparisons of `reports`: runs of one manifest entry, side by side on NAME.compare.html. */
  sets: RunSet[];
  /** The manifest `reports` read, if any. */
  manifest?: string;
  /** `report`'s -p values (a run's own are in `runs`). */
  parameters: Record<string, ParameterValue>;
  outDir: string;
  timeoutMs: number;
  includeCode: boolean;
  /** Run even when the report is up to date. */
  force: boolean;
  /** A claim that does not hold fails the run. */
  strict: boolean;
  /** Keep running: re-run a notebook when it or a file it read changes, on a kernel started ahead. */
  watch: boolean;
  /** Print what each notebook's fingerprint holds and whether it would run; run nothing. */
  explain: boolean;
  /** Also print each report to NAME.pdf with Chromium (report/pdf.ts). */
  pdf: boolean;
  /** How many notebooks `reports` runs at once (each on its own kernel); 1 runs them one after another. */
  jobs: number;
}

export const USAGE = `usage:
  npm run report -- NOTEBOOK [-p NAME VALUE]... [--name NAME] [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict] [--watch] [--explain] [--pdf]
  npm run reports -- [--manifest FILE] [--jobs N] [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict] [--watch] [--explain] [--pdf]`;

const OPTIONS = {
  parameter: { type: "string", short: "p", multiple: true },
  out: { type: "string", short: "o" },
  timeout: { type: "string" },
  "no-code": { type: "boolean" },
  force: { type: "boolean" },
  strict: { type: "boolean" },
  watch: { type: "boolean" },
  explain: { type: "boolean" },
  pdf: { type: "boolean" },
  jobs: { type: "string", short: "j" },
  name: { type: "string" },
  manifest: { type: "string" },
} as const;

/**
 * `-p NAME VALUE` takes two values, which parseArgs has no form for: each is passed to it as
 * `--parameter=NAME=VALUE` (a name is an identifier, so the first `=` ends it), which also lets a
 * value start with a dash (`-p offset -5`).
 */
function joinParameters(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if ((arg === "-p" || arg === "--parameter") && i + 2 < argv.length) {
      out.push(`--parameter=${argv[i + 1]}=${argv[i + 2]}`);
      i += 2;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function parseArgs(argv: readonly string[], notebooksDir = "notebooks"): CliOptions {
  const [command, ...rest] = argv;
  if (command !== "report" && command !== "reports") throw new UsageError(`unknown command ${JSON.stringify(command ?? "")}`);
  const { values, positionals } = readArgs(joinParameters(rest), OPTIONS);
  const options: CliOptions = {
    command,
    runs: [],
    sets: [],
    parameters: {},
    outDir: values.out ?? "reports",
    timeoutMs: 600_000,
    includeCode: !values["no-code"],
    force: values.force ?? false,
    strict: values.strict ?? false,
    watch: values.watch ?? false,
    explain: values.explain ?? false,
    pdf: values.pdf ?? false,
    // One kernel a core: a notebook's time is mostly its kernel's CPU.
    jobs: availableParallelism(),
  };
  for (const pair of values.parameter ?? []) {
    const at = pair.indexOf("=");
    if (at < 0) throw new UsageError(`-p ${pair} needs a value: -p NAME VALUE`);
    const name = pair.slice(0, at);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new UsageError(`-p ${name}: a parameter name is an identifier`);
    const { parseValue, setParameter } = parameters();
    setParameter(options.parameters, name, parseValue(pair.slice(at + 1)));
  }
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0)) throw new UsageError(`--timeout takes a number of seconds greater than 0`);
    options.timeoutMs = seconds * 1000;
  }
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) throw new UsageError(`--jobs takes how many notebooks run at once, a whole number from 1 (got ${JSON.stringify(values.jobs)})`);
    if (options.watch) throw new UsageError("--jobs does not combine with --watch, which runs one notebook at a time");
    options.jobs = Number(values.jobs);
  }
  if (values.out !== undefined && values.out.trim() === "") throw new UsageError("--out needs a folder");
  if (options.pdf && options.watch) throw new UsageError("--pdf does not combine with --watch: print with --pdf once the reports are up to date");
  if (command === "report") {
    if (positionals.length !== 1) throw new UsageError("report takes exactly one notebook");
    if (values.manifest !== undefined) throw new UsageError("--manifest is for reports; report runs the one notebook it is given");
    if (values.name !== undefined && !REPORT_NAME.test(values.name)) throw new UsageError(`--name ${JSON.stringify(values.name)}: a report name is letters, digits, - and _ (at most 100, starting with a letter or digit): it names the report's files`);
    options.runs = [runOf(positionals[0] as string, options.parameters, values.name)];
  }
  if (command === "reports") {
    if (positionals.length > 0) throw new UsageError("reports runs what reports.json lists and every notebook in notebooks/; use report for one");
    if (Object.keys(options.parameters).length > 0) throw new UsageError("-p applies to one notebook: use report, or give the values in reports.json");
    if (values.name !== undefined) throw new UsageError("--name applies to one notebook: use report, or name the runs in reports.json");
    const manifest = values.manifest ?? (existsSync(MANIFEST) ? MANIFEST : undefined);
    if (manifest !== undefined) {
      // A DataError naming the manifest: the CLI prints it as one line and exits 2.
      const plan = readManifest(manifest, notebooksDir);
      options.manifest = manifest;
      options.runs = plan.runs;
      options.sets = plan.sets;
    } else {
      options.runs = notebooksIn(notebooksDir).map((f) => runOf(join(notebooksDir, f)));
    }
  }
  return options;
}
