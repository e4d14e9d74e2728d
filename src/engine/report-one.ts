// One notebook's report: run it unless its report is up to date (freshness.ts), write its files,
// and say on stderr how it went.
import { DataError } from "../errors";
import { removeLeftovers } from "../io/atomic";
import type { CliOptions } from "./args";
import { changeSummary } from "../notebook/changes";
import { baseFingerprint, fingerprintOf, staleness, type BaseFingerprint } from "./freshness";
import { readLastReport, type LastReport } from "./last-report";
import { InterruptedError, KernelDiedError, throwIfStopped } from "./kernel";
import type { Run } from "./manifest";
import { reportName } from "../notebook/notebook";
import type { Interrupted, Progress } from "./runner";
import { startRunKernelSoon, type RunKernel } from "./run-kernel";
import { stderrTerminal, type Terminal } from "./terminal";
import { claimsThat } from "../notebook/collect";

// The runner and the exporter are loaded when a notebook has to run: an up-to-date check needs neither.
const load = {
  runner: () => require("./runner") as typeof import("./runner"),
  publish: () => require("./publish") as typeof import("./publish"),
};

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

/** One event's text for the terminal: made safe, without trailing blanks. */
function clean(text: string): string {
  return forTerminal(text).replace(/\s+$/, "");
}

function progressLine(name: string, p: Progress): string {
  return forTerminal(`[${name}] cell ${p.step}/${p.steps} (notebook cell ${p.cellIndex + 1}) · ${seconds(p.elapsedMs)}`);
}

function printClaims(say: (text: string) => void, records: Record<string, unknown>): string[] {
  const untrue = claimsThat(records, false);
  for (const text of untrue) say(`  ⚠ does not hold for this data: ${text}`);
  for (const text of claimsThat(records, null)) say(`  ? not checked on this data (what it needs is missing): ${text}`);
  return untrue;
}

/**
 * Why the notebook must run, or undefined when its report in the output folder is up to date;
 * `last` is its last report there (readLastReport).
 */
export async function whyRun(notebook: string, options: CliOptions, base: BaseFingerprint, last: LastReport): Promise<string | undefined> {
  if (options.force) return "--force";
  if (last.state === "none") return "no earlier report";
  if (last.state === "stale") return last.why;
  return staleness(last.seal.fingerprint, base, notebook);
}

/** How one run ended, for the summary of `reports`. */
export interface Outcome {
  notebook: string;
  /** The run's report name. */
  name: string;
  ok: boolean;
  /** One line: where the files are, or why there are none. */
  summary: string;
}

/**
 * Runs one notebook (unless its report is up to date) and writes its files; says on `terminal`
 * (stderr) how it went: the line saying why it runs at once, then its progress, and at the end
 * what came of it as one block, which another notebook's lines never split.
 */
export async function reportOne(run: Run, options: CliOptions, signal?: AbortSignal, warm?: WarmKernel, terminal: Terminal = stderrTerminal()): Promise<Outcome> {
  const block: string[] = [];
  const say = (text: string) => void block.push(clean(text));
  const { name } = run;
  try {
    return { name, ...(await reportOneSaying(run, options, say, terminal, signal, warm)) };
  } finally {
    terminal.done(name);
    if (block.length > 0) terminal.lines(block.join("\n"));
  }
}

async function reportOneSaying(run: Run, options: CliOptions, say: (text: string) => void, terminal: Terminal, signal?: AbortSignal, warm?: WarmKernel): Promise<Omit<Outcome, "name">> {
  const { notebook, name } = run;
  // A run named otherwise than its notebook says both: several runs of one notebook can be under way.
  const label = name === reportName(notebook) ? notebook : `${name} (${notebook})`;
  // Temporary files a killed run left beside the report.
  removeLeftovers(options.outDir, `${name}.`);
  const base = baseFingerprint(notebook, run.parameters, options.includeCode);
  const last = readLastReport(options.outDir, name);
  const why = warm?.why ?? (await whyRun(notebook, options, base, last));
  if (why === undefined && last.state === "intact") {
    say(`${name}: up to date (last run ${last.seal.started}); --force runs it anyway`);
    const untrue = printClaims(say, last.records);
    const ok = !(options.strict && untrue.length > 0);
    return { notebook, ok, summary: ok ? "up to date" : `${untrue.length} claim(s) do not hold (--strict)` };
  }
  // The kernel starts first: the runner and the exporter load while it does (another process,
  // another core), and the exporter gets ready to sanitize.
  const kernel = warm?.kernel ?? (await startRunKernelSoon(notebook, () => load.publish().prepareExport())).started;
  const { runNotebookThen } = load.runner();
  terminal.lines(clean(`${name}: runs: ${why ?? "no earlier report"}`));
  try {
    const onProgress = (p: Progress) => (terminal.progress(name, progressLine(name, p)), warm?.onProgress?.(p));
    const runOptions = { parameters: run.parameters, timeoutMs: options.timeoutMs, strict: options.strict, onProgress, warm: kernel, ...(signal ? { signal } : {}) };
    // The report is written while the kernel exits.
    const { ran, files, changes } = await runNotebookThen(notebook, runOptions, async (ran) => {
      // A signal after the last cell stops the export: nothing is written.
      await throwIfStopped(signal);
      const fingerprint = fingerprintOf(base, ran.tracked);
      const { publish } = load.publish();
      return { ran, ...(await publish(ran, { name, outDir: options.outDir, includeCode: options.includeCode, fingerprint, last, ...(signal ? { signal } : {}) })) };
    });
    for (const c of ran.incomplete) say(`${label}: output incomplete in cell ${c.cellIndex + 1}: ${c.message}`);
    if (ran.failure) {
      say(`${label} failed at cell ${ran.failure.cellIndex + 1}: ${ran.failure.message}`);
      // A DataError says what is wrong with the input; the kernel's stack stays in the report.
      const detail = ran.failure.message.startsWith("DataError:") ? "" : forTerminal(ran.failure.detail).trim();
      if (detail !== "" && detail !== ran.failure.message) say(detail.replace(/^/gm, "  "));
      say(`  see ${files.join(", ")} (the last good report, if any, is kept)`);
      return { notebook, ok: false, summary: `failed at cell ${ran.failure.cellIndex + 1}: ${ran.failure.message}` };
    }
    say(`${label}: ran in ${seconds(ran.durationMs)} (${why}) → ${files.join(", ")}`);
    for (const f of ran.inputs) if ("changedDuringRun" in f) say(`  ⚠ ${f.path} changed while the notebook ran: the report holds what it read, and is not up to date`);
    if (ran.tracked.outside.length > 0) say(`  it reached ${ran.tracked.outside.join(" and ")}: bytes cannot tell whether it is up to date, so it runs every time`);
    if (ran.tracked.mode === "none") say(`  what it read was not tracked: it runs every time`);
    if (changes) say(`  since the last run: ${changeSummary(changes.since ? changes.changes : undefined)}`);
    printClaims(say, ran.records);
    return { notebook, ok: ran.incomplete.length === 0, summary: ran.incomplete.length === 0 ? files.join(", ") : `output incomplete in ${ran.incomplete.length} cell(s)` };
  } catch (e) {
    if (e instanceof InterruptedError) {
      const where = (e as InterruptedError & { where?: Interrupted }).where;
      const cell = where?.cellIndex !== undefined ? ` while cell ${where.cellIndex + 1} ran` : "";
      const pid = where?.kernelPid !== undefined ? ` (pid ${where.kernelPid})` : "";
      say(`${label}: stopped by ${e.message}: ended the kernel${pid} and what its cells started${cell}, removed its connection file; no report written, the last good one is kept`);
      return { notebook, ok: false, summary: `stopped by ${e.message}` };
    }
    if (e instanceof DataError || e instanceof KernelDiedError) {
      // A DataError names its file already; a kernel that did not start does not.
      say(e instanceof DataError ? e.message : `${label}: ${e.message}`);
      return { notebook, ok: false, summary: forTerminal(e.message.split("\n")[0] ?? "") };
    }
    // Anything else is a bug here, not in the notebook: its stack, and the other notebooks still run.
    say(`${label}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { notebook, ok: false, summary: forTerminal(e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e)) };
  }
}

/** A kernel started ahead of a run (watch mode), and why the run happens. */
export interface WarmKernel {
  kernel: Promise<RunKernel>;
  why?: string;
  onProgress?: (p: Progress) => void;
}
