// `npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict]`
// `npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code] [--force]` (every notebook in notebooks/)
// A notebook whose report is up to date (freshness.ts) is not run again unless --force.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DataError } from "../errors";
import { changeSummary } from "./changes";
import { baseFingerprint, lastRun, stampFiles, staleness } from "./freshness";
import { InterruptedError, KernelDiedError } from "./kernel";
import { reportName, type MimeBundle } from "./notebook";
import { checkOutDir } from "./outdir";
import type { ParameterValue } from "./parameters";
import type { Interrupted, Progress } from "./runner";

// The runner, the exporter and the parameters' parser (TypeScript's) are loaded when a notebook
// has to run: an up-to-date check needs none of them.
const load = {
  parameters: () => require("./parameters") as typeof import("./parameters"),
  runner: () => require("./runner") as typeof import("./runner"),
  publish: () => require("./publish") as typeof import("./publish"),
  prerender: () => require("../report/prerender") as typeof import("../report/prerender"),
};

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
}

export const USAGE = `usage:
  npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict] [--watch]
  npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict] [--watch]`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], notebooksDir = "notebooks"): CliOptions {
  const [command, ...rest] = argv;
  if (command !== "report" && command !== "reports") throw new UsageError(`unknown command ${JSON.stringify(command ?? "")}`);
  const options: CliOptions = { command, notebooks: [], parameters: {}, outDir: "reports", timeoutMs: 600_000, includeCode: true, force: false, strict: false, watch: false };
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
      const { parseValue, setParameter } = load.parameters();
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

function readRecords(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The statements a run's claim() calls found not to hold (recorded as `claims`). */
function falseClaims(records: Record<string, unknown>): string[] {
  const claims = records["claims"];
  return Array.isArray(claims) ? claims.flatMap((c: { text?: unknown; holds?: unknown }) => (c.holds === false ? [String(c.text)] : [])) : [];
}

function printClaims(say: (text: string) => void, untrue: readonly string[]): void {
  for (const text of untrue) say(`  ⚠ does not hold for this data: ${text}`);
}

/**
 * Why the notebook must run, or undefined when its report in the output folder is up to date;
 * `last` is what its last successful run kept (lastRun of NAME.ipynb).
 */
export async function whyRun(notebook: string, options: CliOptions, base: ReturnType<typeof baseFingerprint>, last: ReturnType<typeof lastRun>): Promise<string | undefined> {
  const name = reportName(notebook);
  if (options.force) return "--force";
  if (![".html", ".json"].every((ext) => existsSync(join(options.outDir, name + ext)))) return "no earlier report";
  return staleness(last?.fingerprint, base, notebook);
}

/** How one notebook's run ended, for the summary of `reports`. */
export interface Outcome {
  notebook: string;
  ok: boolean;
  /** One line: where the files are, or why there are none. */
  summary: string;
}

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Runs one notebook (unless its report is up to date) and writes its files; says on stderr how it went. */
export async function reportOne(notebook: string, options: CliOptions, signal?: AbortSignal, warm?: WarmKernel): Promise<Outcome> {
  const err = process.stderr;
  const say = (text: string) => err.write(forTerminal(text).replace(/\s+$/, "") + "\n");
  const name = reportName(notebook);
  const base = baseFingerprint(notebook, options.parameters, options.includeCode);
  const last = warm ? undefined : lastRun(join(options.outDir, `${name}.ipynb`));
  const why = warm?.why ?? (await whyRun(notebook, options, base, last));
  if (why === undefined) {
    say(`${name}: up to date (last run ${last?.started ?? "at an unknown time"}); --force runs it anyway`);
    const untrue = falseClaims(readRecords(join(options.outDir, `${name}.json`)));
    printClaims(say, untrue);
    const ok = !(options.strict && untrue.length > 0);
    return { notebook, ok, summary: ok ? "up to date" : `${untrue.length} claim(s) do not hold (--strict)` };
  }
  const { runNotebookThen } = load.runner();
  const { publish } = load.publish();
  // Charts are drawn in a worker thread while the notebook runs, rather than after it.
  const charts = new (load.prerender().ChartPrerenderer)();
  try {
    const onDisplay = (data: MimeBundle) => charts.offer(data);
    const printProgress = progressPrinter(err);
    const onProgress = (p: Progress) => (printProgress(p), warm?.onProgress?.(p));
    if (warm) warm.sink = onDisplay;
    const runOptions = { parameters: options.parameters, timeoutMs: options.timeoutMs, strict: options.strict, onProgress, onDisplay, ...(signal ? { signal } : {}), ...(warm ? { warm: warm.kernel } : {}) };
    // The report is written while the kernel exits.
    const { run, files, changes } = await runNotebookThen(notebook, runOptions, async (run) => {
      const known = new Map(run.inputs.map((f) => [resolve(f.path), f.sha256]));
      const fingerprint = { ...base, files: await stampFiles(notebook, run.read, known) };
      return { run, ...(await publish(run, { outDir: options.outDir, includeCode: options.includeCode, prerendered: charts, fingerprint })) };
    });
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
    say(`${notebook}: ran in ${seconds(run.durationMs)} (${why}) → ${files.join(", ")}`);
    if (changes) say(`  since the last run: ${changeSummary(changes.since ? changes.changes : undefined)}`);
    printClaims(say, falseClaims(run.records));
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

/** A kernel started ahead of a run (watch mode), with where its displays go and why the run happens. */
export interface WarmKernel {
  kernel: Promise<import("./runner").RunKernel>;
  sink?: (data: MimeBundle) => void;
  why?: string;
  onProgress?: (p: Progress) => void;
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
  if (options.watch) return (require("./watch") as typeof import("./watch")).watch(options);
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
