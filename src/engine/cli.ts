// `npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code]`
// `npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code]` (every notebook in notebooks/)
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../errors";
import { ChartPrerenderer } from "../report/prerender";
import { parseValue, setParameter, type ParameterValue } from "./parameters";
import { publish, reportName } from "./publish";
import type { MimeBundle } from "./notebook";
import { runNotebookThen, type Progress } from "./runner";

export interface CliOptions {
  command: "report" | "reports";
  notebooks: string[];
  parameters: Record<string, ParameterValue>;
  outDir: string;
  timeoutMs: number;
  includeCode: boolean;
}

export const USAGE = `usage:
  npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code]
  npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code]`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], notebooksDir = "notebooks"): CliOptions {
  const [command, ...rest] = argv;
  if (command !== "report" && command !== "reports") throw new UsageError(`unknown command ${JSON.stringify(command ?? "")}`);
  const options: CliOptions = { command, notebooks: [], parameters: {}, outDir: "reports", timeoutMs: 600_000, includeCode: true };
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
      setParameter(options.parameters, name, parseValue(next()));
    } else if (arg === "--out" || arg === "-o") {
      options.outDir = next();
    } else if (arg === "--timeout") {
      const seconds = Number(next());
      if (!(seconds > 0)) throw new UsageError(`--timeout takes a number of seconds greater than 0`);
      options.timeoutMs = seconds * 1000;
    } else if (arg === "--no-code") {
      options.includeCode = false;
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

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function progressPrinter(stream: NodeJS.WriteStream): (p: Progress) => void {
  return (p) => {
    const line = `[${reportName(p.notebook)}] cell ${p.step}/${p.steps} (notebook cell ${p.cellIndex + 1}) · ${seconds(p.elapsedMs)}`;
    if (stream.isTTY) stream.write(`\r\u001b[K${line}`);
    else stream.write(`${line}\n`);
  };
}

/** Runs one notebook and writes its files; returns false when the run failed. */
async function reportOne(notebook: string, options: CliOptions): Promise<boolean> {
  const err = process.stderr;
  // Charts are drawn in a worker thread while the notebook runs, rather than after it.
  const charts = new ChartPrerenderer();
  try {
    const runOptions = { parameters: options.parameters, timeoutMs: options.timeoutMs, onProgress: progressPrinter(err), onDisplay: (data: MimeBundle) => charts.offer(data) };
    // The report is written while the kernel exits.
    const { run, files } = await runNotebookThen(notebook, runOptions, async (run) => ({ run, ...(await publish(run, { outDir: options.outDir, includeCode: options.includeCode, prerendered: charts })) }));
    if (err.isTTY) err.write("\r\u001b[K");
    if (run.failure) {
      err.write(`${notebook} failed at cell ${run.failure.cellIndex + 1}: ${run.failure.message}\n`);
      const detail = run.failure.detail.trim();
      if (detail !== "" && detail !== run.failure.message) err.write(detail.replace(/^/gm, "  ") + "\n");
      err.write(`  see ${files.join(", ")} (the last good report, if any, is kept)\n`);
      return false;
    }
    err.write(`${notebook}: ran in ${seconds(run.durationMs)} → ${files.join(", ")}\n`);
    return true;
  } finally {
    await charts.close();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  let ok = true;
  for (const notebook of options.notebooks) {
    try {
      ok = (await reportOne(notebook, options)) && ok;
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      process.stderr.write(`${e.message}\n`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
