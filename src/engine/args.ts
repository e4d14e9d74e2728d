// The report command's arguments: `report NOTEBOOK [-p NAME VALUE]... [--out DIR] ...` or `reports [...]`.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ParameterValue } from "./parameters";

// The parameters' parser (TypeScript's) is loaded only when a -p is given.
const parameters = () => require("./parameters") as typeof import("./parameters");

export interface CliOptions {
  command: "report" | "reports";
  notebooks: string[];
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
}

export const USAGE = `usage:
  npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict] [--watch] [--explain]
  npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict] [--watch] [--explain]`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], notebooksDir = "notebooks"): CliOptions {
  const [command, ...rest] = argv;
  if (command !== "report" && command !== "reports") throw new UsageError(`unknown command ${JSON.stringify(command ?? "")}`);
  const options: CliOptions = { command, notebooks: [], parameters: {}, outDir: "reports", timeoutMs: 600_000, includeCode: true, force: false, strict: false, watch: false, explain: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "-p" || arg === "--parameter") {
      const name = next();
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new UsageError(`-p ${name}: a parameter name is an identifier`);
      const { parseValue, setParameter } = parameters();
      setParameter(options.parameters, name, parseValue(next()));
    } else if (arg === "--out" || arg === "-o") {
      options.outDir = next();
    } else if (arg === "--timeout") {
      const seconds = Number(next());
      if (!(seconds > 0)) throw new UsageError(`--timeout takes a number of seconds greater than 0`);
      options.timeoutMs = seconds * 1000;
    } else if (arg === "--no-code") {
      options.includeCode = false;
    } else if (arg === "--force") {
      options.force = true;
    } else if (arg === "--strict") {
      options.strict = true;
    } else if (arg === "--watch") {
      options.watch = true;
    } else if (arg === "--explain") {
      options.explain = true;
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.notebooks.push(arg);
    }
  }
  if (command === "report" && options.notebooks.length !== 1) throw new UsageError("report takes exactly one notebook");
  if (command === "reports") {
    if (options.notebooks.length > 0) throw new UsageError("reports runs every notebook in notebooks/; use report for one");
    if (Object.keys(options.parameters).length > 0) throw new UsageError("-p applies to one notebook: use report");
    options.notebooks = readdirSync(notebooksDir)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
      .map((f) => join(notebooksDir, f));
  }
  return options;
}
