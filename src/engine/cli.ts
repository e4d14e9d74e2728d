// `npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code]`
// `npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code]` (every notebook in notebooks/)
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../errors";
import { ChartPrerenderer } from "../report/prerender";
import { parseValue, type ParameterValue } from "./parameters";
import { InterruptedError, KernelDiedError } from "./kernel";
import { checkOutDir } from "./outdir";
import { publish, reportName } from "./publish";
import type { MimeBundle } from "./notebook";
import { runNotebookThen, type Interrupted, type Progress } from "./runner";

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
      options.parameters[name] = parseValue(next());
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

/**
 * Text from a notebook (an error message, a stack) made safe for a terminal: escape sequences
 * (colours, window titles, clipboard writes) and other control characters removed.
 */
export function forTerminal(text: string): string {
  return text
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, "") // OSC … BEL or ST
    .replace(/\u001b[P^_X][^\u001b]*(\u001b\\)?/g, "") // DCS, PM, APC, SOS … ST
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "") // CSI
    .replace(/\u001b[ -/]*[0-~]?/g, "") // other ESC sequences
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

function progressPrinter(stream: NodeJS.WriteStream): (p: Progress) => void {
  return (p) => {
    const line = forTerminal(`[${reportName(p.notebook)}] cell ${p.step}/${p.steps} (notebook cell ${p.cellIndex + 1}) · ${seconds(p.elapsedMs)}`);
    if (stream.isTTY) stream.write(`\r\u001b[K${line}`);
    else stream.write(`${line}\n`);
  };
}

/** How one notebook's run ended, for the summary of `reports`. */
export interface Outcome {
  notebook: string;
  ok: boolean;
  /** One line: where the files are, or why there are none. */
  summary: string;
}

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Runs one notebook and writes its files; says on stderr how it went. */
async function reportOne(notebook: string, options: CliOptions, signal: AbortSignal): Promise<Outcome> {
  const err = process.stderr;
  const say = (text: string) => err.write(forTerminal(text).replace(/\s+$/, "") + "\n");
  // Charts are drawn in a worker thread while the notebook runs, rather than after it.
  const charts = new ChartPrerenderer();
  try {
    const runOptions = { parameters: options.parameters, timeoutMs: options.timeoutMs, signal, onProgress: progressPrinter(err), onDisplay: (data: MimeBundle) => charts.offer(data) };
    // The report is written while the kernel exits.
    const { run, files } = await runNotebookThen(notebook, runOptions, async (run) => ({ run, ...(await publish(run, { outDir: options.outDir, includeCode: options.includeCode, prerendered: charts })) }));
    if (err.isTTY) err.write("\r\u001b[K");
    for (const c of run.incomplete) say(`${notebook}: output incomplete in cell ${c.cellIndex + 1}: ${c.message}`);
    if (run.failure) {
      say(`${notebook} failed at cell ${run.failure.cellIndex + 1}: ${run.failure.message}`);
      // A DataError says what is wrong with the input; the kernel's stack stays in the report.
      const detail = run.failure.message.startsWith("DataError:") ? "" : forTerminal(run.failure.detail).trim();
      if (detail !== "" && detail !== run.failure.message) say(detail.replace(/^/gm, "  "));
      say(`  see ${files.join(", ")} (the last good report, if any, is kept)`);
      return { notebook, ok: false, summary: `failed at cell ${run.failure.cellIndex + 1}: ${run.failure.message}` };
    }
    say(`${notebook}: ran in ${seconds(run.durationMs)} → ${files.join(", ")}`);
    return { notebook, ok: run.incomplete.length === 0, summary: run.incomplete.length === 0 ? files.join(", ") : `output incomplete in ${run.incomplete.length} cell(s)` };
  } catch (e) {
    if (err.isTTY) err.write("\r\u001b[K");
    if (e instanceof InterruptedError) {
      const where = (e as InterruptedError & { where?: Interrupted }).where;
      const cell = where?.cellIndex !== undefined ? ` while cell ${where.cellIndex + 1} ran` : "";
      const pid = where?.kernelPid !== undefined ? ` (pid ${where.kernelPid})` : "";
      say(`${notebook}: stopped by ${e.message}: ended the kernel${pid} and what its cells started${cell}, removed its connection file; no report written, the last good one is kept`);
      return { notebook, ok: false, summary: `stopped by ${e.message}` };
    }
    if (e instanceof DataError || e instanceof KernelDiedError) {
      // A DataError names its file already; a kernel that did not start does not.
      say(e instanceof DataError ? e.message : `${notebook}: ${e.message}`);
      return { notebook, ok: false, summary: forTerminal(e.message.split("\n")[0] ?? "") };
    }
    // Anything else is a bug here, not in the notebook: its stack, and the other notebooks still run.
    say(`${notebook}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { notebook, ok: false, summary: forTerminal(e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e)) };
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
  try {
    checkOutDir(options.outDir);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    process.stderr.write(`${forTerminal(e.message)}\n`);
    return 2;
  }
  // The first Ctrl-C (or SIGTERM) stops the kernel and ends the run cleanly; a second one exits at once.
  const stop = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(EXIT_CODES[name] ?? 1);
    stop.abort(name);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const outcomes: Outcome[] = [];
    for (const notebook of options.notebooks) {
      if (stop.signal.aborted) break;
      outcomes.push(await reportOne(notebook, options, stop.signal));
    }
    if (stop.signal.aborted) return EXIT_CODES[String(stop.signal.reason)] ?? 1;
    const failed = outcomes.filter((o) => !o.ok);
    if (options.command === "reports" && failed.length > 0) {
      process.stderr.write(`${failed.length} of ${outcomes.length} notebooks failed:\n${failed.map((o) => forTerminal(`  ${o.notebook}: ${o.summary}`)).join("\n")}\n`);
    }
    return failed.length === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${forTerminal(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      process.exit(1);
    },
  );
}
