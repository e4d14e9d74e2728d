// Executes a notebook's code cells in order on a fresh tslab kernel, as JupyterLab's
// "Restart and run all" would, and collects what a report needs.
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { INPUTS_LOG } from "../io/inputs";
import { CellTimeoutError, InterruptedError, Kernel, KernelDiedError } from "./kernel";
import { checkKernel, coalesceStreams, readNotebook, sourceOf, type Notebook, type Output } from "./notebook";
import { injectParameters, type ParameterValue } from "./parameters";
import { describeFiles, describeInputs, type InputFile } from "./provenance";
import { collectClaims, collectRecords, type Records } from "./collect";

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
  /** The files the parameters name and the files the loaders said they read (noteInput), hashed: the inputs as the run found them. */
  inputs: InputFile[];
  /** Absolute paths of every file the run read or looked for, the inputs' and the absent ones'. */
  read: string[];
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

/** A kernel started for a notebook's run, and the file its loaders note their inputs in (src/io/inputs.ts). */
export interface RunKernel {
  kernel: Kernel;
  inputsLog: string;
}

/** Starts the kernel a run of this notebook needs (before the run, to have it warm: see watch.ts). */
export async function startRunKernel(notebookPath: string, iopubTimeoutMs?: number): Promise<RunKernel> {
  const inputsLog = join(tmpdir(), `analysis-inputs-${randomUUID()}.log`);
  try {
    const kernel = await Kernel.start({ cwd: dirname(resolve(notebookPath)), ...(iopubTimeoutMs !== undefined ? { iopubTimeoutMs } : {}), env: { ...process.env, [INPUTS_LOG]: inputsLog } });
    return { kernel, inputsLog };
  } catch (e) {
    rmSync(inputsLog, { force: true });
    throw e;
  }
}

export function runNotebook(notebookPath: string, options: RunOptions = {}): Promise<RunResult> {
  return runNotebookThen(notebookPath, options, (run) => Promise.resolve(run));
}

/**
 * runNotebook, handing the result to `then` (to write the report, say) while the kernel exits: a
 * kernel that held a large dataset takes a moment to give its memory back. Both are awaited.
 */
export async function runNotebookThen<T>(notebookPath: string, options: RunOptions, then: (run: RunResult) => Promise<T>): Promise<T> {
  const source = readNotebook(notebookPath);
  checkKernel(source, notebookPath);
  const { notebook, used } = injectParameters(source, options.parameters ?? {}, notebookPath);
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
  // The inputs are hashed while the kernel works.
  const inputs = describeInputs(notebookPath, used);
  inputs.catch(() => {}); // awaited below; not an unhandled rejection if the kernel fails to start first
  const { kernel, inputsLog } = await (options.warm ?? startRunKernel(notebookPath, options.iopubTimeoutMs));
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
        const untrue = options.strict ? collectClaims(cell.outputs).find((c) => !c.holds) : undefined;
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
    rmSync(inputsLog, { force: true });
    if (e instanceof InterruptedError) {
      Object.assign(e, { where: { notebookPath, ...(running !== undefined ? { cellIndex: running } : {}), ...(kernel.pid ? { kernelPid: kernel.pid } : {}) } satisfies Interrupted });
    }
    throw e;
  } finally {
    options.signal?.removeEventListener("abort", stop);
  }
  const durationMs = performance.now() - t0;
  const exited = kernel.shutdown();
  const declared = await inputs;
  const noted = readInputsLog(inputsLog);
  const read = [...new Set([...declared.map((f) => resolve(f.path)), ...noted])];
  try {
    return await then({
      notebookPath,
      notebook,
      parameters: used,
      records: collectRecords(notebook),
      inputs: [...declared, ...(await describeFiles(noted.filter((f) => !declared.some((d) => resolve(d.path) === f))))],
      read,
      started,
      durationMs,
      ...(failure ? { failure } : {}),
      incomplete,
    });
  } finally {
    await exited;
  }
}

function readInputsLog(file: string): string[] {
  try {
    return [...new Set(readFileSync(file, "utf8").split("\n").filter((l) => l !== ""))];
  } catch {
    return []; // nothing was noted
  } finally {
    rmSync(file, { force: true });
  }
}
