// Executes a notebook's code cells in order on a fresh tslab kernel, as JupyterLab's
// "Restart and run all" would, and collects what a report needs.
import { dirname, relative, resolve } from "node:path";
import { CellTimeoutError, InterruptedError, Kernel, KernelDiedError } from "./kernel";
import { checkKernel, coalesceStreams, readNotebook, sourceOf, type Notebook, type Output } from "../notebook/notebook";
import { injectParameters, type Parameterised, type ParameterValue } from "./parameters";
import type { InputFile } from "../notebook/input-file";
import { collectClaims, collectRecords, type Records } from "../notebook/collect";
import type { Tracked } from "./track/tracker";
import { startRunKernel, stopRunKernel, type RunKernel } from "./run-kernel";

export interface Progress {
  notebook: string;
  /** 1-based position among the code cells that run, and how many there are. */
  step: number;
  steps: number;
  /** 0-based index into the notebook's cells. */
  cellIndex: number;
  elapsedMs: number;
}

export interface RunOptions {
  parameters?: Record<string, ParameterValue>;
  /** Per cell; a cell running longer kills the kernel and fails the run. */
  timeoutMs?: number;
  onProgress?: (p: Progress) => void;
  /** A claim() that does not hold fails its cell, as an error would. */
  strict?: boolean;
  /** A kernel already started for this notebook (startRunKernel); the run shuts it down. */
  warm?: Promise<RunKernel>;
  /** Stops the run: the kernel and what its cells started end, and runNotebook rejects with InterruptedError. */
  signal?: AbortSignal;
  /** See StartOptions.iopubTimeoutMs. */
  iopubTimeoutMs?: number;
}

/** Where a stopped run was; the CLI prints it. */
export interface Interrupted {
  notebookPath: string;
  /** 0-based index of the cell that was running, if one was. */
  cellIndex?: number;
  kernelPid?: number;
}

export interface Failure {
  /** 0-based index into the executed notebook's cells. */
  cellIndex: number;
  /** The error's first line, e.g. `DataError: events.ndjson line 3: ...` or `1:7 - Type 'number' is not assignable...`. */
  message: string;
  /** Everything the cell wrote to stderr, or the error's traceback. */
  detail: string;
}

export interface RunResult {
  notebookPath: string;
  notebook: Notebook;
  parameters: Record<string, ParameterValue>;
  records: Records;
  /** The files the run read, each with the SHA-256 of the bytes it read (or marked as changed while it ran). */
  inputs: InputFile[];
  /** Everything the run read, as the fingerprint keeps it (track/tracker.ts). */
  tracked: Tracked;
  started: Date;
  durationMs: number;
  failure?: Failure;
  /** Cells whose outputs may be incomplete (lost kernel messages), each with why. */
  incomplete: { cellIndex: number; message: string }[];
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The line a person needs: an `XxxError: ...` line if the output has one, else the first line written. */
export function errorSummary(outputs: readonly Output[]): { message: string; detail: string } {
  const error = outputs.find((o) => o.output_type === "error");
  if (error?.output_type === "error") {
    return { message: `${error.ename}: ${error.evalue}`.split("\n")[0] ?? "", detail: error.traceback.join("\n").replace(ANSI, "") };
  }
  const detail = outputs
    .map((o) => (o.output_type === "stream" && o.name === "stderr" ? o.text : ""))
    .join("")
    .replace(ANSI, "");
  const lines = detail.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const named = lines.find((l) => /^[\w$]*(Error|Exception)(: |$)/.test(l) || /^\d+:\d+ - /.test(l));
  return { message: named ?? lines[0] ?? "the kernel reported an error without a message", detail };
}

/** The files as the report's header lists them: relative to the working folder, with what the run saw. */
function inputFiles(notebookPath: string, tracked: Tracked): InputFile[] {
  const base = dirname(resolve(notebookPath));
  const shown = (path: string) => relative(process.cwd(), resolve(base, path)) || path;
  return tracked.files.flatMap((f): InputFile[] => {
    if (f.kind === "file") return [{ path: shown(f.path), bytes: f.stat.size, sha256: f.sha256 }];
    if (f.kind === "changed") return [{ path: shown(f.path), bytes: f.bytes, changedDuringRun: true }];
    return [];
  });
}

export function runNotebook(notebookPath: string, options: RunOptions = {}): Promise<RunResult> {
  return runNotebookThen(notebookPath, options, (run) => Promise.resolve(run));
}

/**
 * runNotebook, handing the result to `then` (to write the report, say) while the kernel exits: a
 * kernel that held a large dataset takes a moment to give its memory back. Both are awaited.
 */
export async function runNotebookThen<T>(notebookPath: string, options: RunOptions, then: (run: RunResult) => Promise<T>): Promise<T> {
  let prepared: Parameterised;
  try {
    const source = readNotebook(notebookPath);
    checkKernel(source, notebookPath);
    prepared = injectParameters(source, options.parameters ?? {}, notebookPath);
  } catch (e) {
    // A kernel started for this run is this run's to stop, whatever happens.
    if (options.warm) await stopRunKernel(options.warm);
    throw e;
  }
  const { notebook, used } = prepared;
  const started = new Date();
  const t0 = performance.now();
  // Outputs from an earlier run must not survive into this one, even below a failure.
  for (const cell of notebook.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }
  const steps = notebook.cells.flatMap((c, i) => (c.cell_type === "code" && sourceOf(c).trim() !== "" ? [i] : []));
  const { kernel, tracker, env } = await (options.warm ?? startRunKernel(notebookPath, options.iopubTimeoutMs));
  // What the kernel read to start (and a warm kernel's imports) is its own; the cells' reads count.
  tracker.cellsBegin();
  let failure: Failure | undefined;
  let countFrom: number | undefined;
  const incomplete: RunResult["incomplete"] = [];
  let running: number | undefined;
  const stop = () => kernel.interrupt(String(options.signal?.reason ?? "stopped"));
  options.signal?.addEventListener("abort", stop);
  try {
    for (const [n, cellIndex] of steps.entries()) {
      const cell = notebook.cells[cellIndex];
      if (cell?.cell_type !== "code") continue;
      if (options.signal?.aborted) throw new InterruptedError(String(options.signal.reason));
      options.onProgress?.({ notebook: notebookPath, step: n + 1, steps: steps.length, cellIndex, elapsedMs: performance.now() - t0 });
      running = cellIndex;
      try {
        const reply = await kernel.execute(sourceOf(cell), options.timeoutMs);
        cell.outputs = coalesceStreams(reply.outputs);
        // Counted from 1 as in a fresh kernel, also on one that ran a warm-up cell (watch.ts).
        countFrom ??= (reply.executionCount ?? 1) - 1;
        cell.execution_count = reply.executionCount === null ? null : reply.executionCount - countFrom;
        if (reply.incomplete) {
          incomplete.push({ cellIndex, message: reply.incomplete });
          cell.metadata["analysis"] = { ...(cell.metadata["analysis"] as object | undefined), output_incomplete: reply.incomplete };
        }
        if (reply.status !== "ok") {
          failure = { cellIndex, ...errorSummary(cell.outputs) };
          break;
        }
        const untrue = options.strict ? collectClaims(cell.outputs).find((c) => c.holds === false) : undefined;
        if (untrue) {
          failure = { cellIndex, message: `a claim does not hold (--strict): ${untrue.text}`, detail: untrue.text };
          break;
        }
      } catch (e) {
        if (!(e instanceof CellTimeoutError || e instanceof KernelDiedError)) throw e;
        const partial = (e as { outputs?: Output[] }).outputs ?? [];
        cell.outputs = coalesceStreams(partial);
        const [first = "", ...rest] = e.message.split("\n");
        failure = { cellIndex, message: `${e.name}: ${first}`, detail: rest.join("\n") };
        break;
      }
    }
    running = undefined;
  } catch (e) {
    await kernel.shutdown();
    tracker.dispose();
    if (e instanceof InterruptedError) {
      Object.assign(e, { where: { notebookPath, ...(running !== undefined ? { cellIndex: running } : {}), ...(kernel.pid ? { kernelPid: kernel.pid } : {}) } satisfies Interrupted });
    }
    throw e;
  } finally {
    options.signal?.removeEventListener("abort", stop);
  }
  const durationMs = performance.now() - t0;
  const exited = kernel.shutdown();
  let tracked: Tracked;
  try {
    tracked = await tracker.finish(notebookPath, env);
  } finally {
    tracker.dispose();
  }
  try {
    return await then({
      notebookPath,
      notebook,
      parameters: used,
      records: collectRecords(notebook),
      inputs: inputFiles(notebookPath, tracked),
      tracked,
      started,
      durationMs,
      ...(failure ? { failure } : {}),
      incomplete,
    });
  } finally {
    await exited;
  }
}
