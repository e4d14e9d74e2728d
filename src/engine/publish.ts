// Writes a run's files: on success the set NAME.ipynb, NAME.json, NAME.changes.json and NAME.html,
// then its seal NAME.fingerprint.json (last-report.ts); on failure only NAME.failed.html, so the
// last good report stays in place.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { prepareSanitizer, renderReport } from "../report";
import { diffRecords } from "../notebook/changes";
import type { Fingerprint } from "./freshness";
import { throwIfStopped } from "./kernel";
import { writeAtomic } from "../io/atomic";
import { SEAL, sealOf, type LastReport } from "./last-report";
import { ensureOutDir } from "./outdir";
import { reportName, serializeNotebook } from "../notebook/notebook";
import { gitCommit, versions } from "./provenance";
import type { RunResult } from "./runner";

export interface PublishOptions {
  /** The report's name (its files' names): the notebook's file name unless the run is named otherwise. */
  name?: string;
  outDir: string;
  includeCode: boolean;
  /** What the run saw, sealed with the set so that the next run can tell whether it is up to date. */
  fingerprint?: Fingerprint;
  /** The last report in `outDir` (readLastReport), to say what changed since. */
  last?: LastReport;
  /** Aborted (SIGINT, SIGTERM) before the first file is written: nothing is written (InterruptedError). */
  signal?: AbortSignal;
}

export interface Published {
  files: string[];
  /** What moved since the last run: undefined after a failure; `since` undefined when there was no earlier run. */
  changes?: { since?: Date; changes: import("../notebook/changes").Change[] };
}

/** The results of the last successful run, as far as they can be read, or undefined when there is none. */
function earlierRun(last: LastReport | undefined): { records: Record<string, unknown>; started?: Date } | undefined {
  if (last === undefined || last.state === "none") return undefined;
  const records = last.records;
  if (records === undefined) return undefined;
  const started = last.state === "intact" ? last.seal.started : last.started;
  return { records, ...(started ? { started: new Date(started) } : {}) };
}

/** Makes ahead what the first export needs (the sanitizer's window), while a kernel starts. */
export function prepareExport(): void {
  prepareSanitizer();
}

export async function publish(run: RunResult, { name = reportName(run.notebookPath), outDir, includeCode, fingerprint, last, signal }: PublishOptions): Promise<Published> {
  // The reports this run (or another beside it) is writing are not a change to the code.
  const commit = gitCommit(process.cwd(), [outDir]);
  const earlier = run.failure ? undefined : earlierRun(last);
  const changes = run.failure ? undefined : { changes: earlier ? diffRecords(earlier.records, run.records) : [], file: `${name}.changes.json`, ...(earlier ? { since: earlier.started ?? new Date(NaN) } : {}) };
  const changedDuringRun = run.inputs.flatMap((f) => ("changedDuringRun" in f ? [f.path] : []));
  const info = {
    notebookPath: run.notebookPath,
    started: run.started,
    durationMs: run.durationMs,
    parameters: run.parameters,
    inputs: run.inputs,
    tracking: { mode: run.tracked.mode, outside: run.tracked.outside, changedDuringRun, env: run.tracked.env },
    versions: versions(),
    ...(commit ? { gitCommit: commit } : {}),
    ...(run.failure ? { failure: { cellIndex: run.failure.cellIndex, message: run.failure.message } } : {}),
    ...(changes ? { changes } : {}),
    ...(run.incomplete.length > 0 ? { incomplete: run.incomplete } : {}),
  };
  const notebook = {
    ...run.notebook,
    metadata: {
      ...run.notebook.metadata,
      analysis: {
        started: info.started.toISOString(),
        duration_seconds: Math.round(info.durationMs) / 1000,
        parameters: info.parameters,
        inputs: info.inputs,
        tracking: run.tracked.mode,
        versions: info.versions,
        ...(info.gitCommit ? { git_commit: info.gitCommit } : {}),
        ...(run.failure ? { failure: run.failure } : {}),
        ...(run.incomplete.length > 0 ? { output_incomplete: run.incomplete } : {}),
      },
    },
  };
  const html = await renderReport(notebook, info, { includeCode });
  // The last moment to stop: from here the files are written whole, as a set.
  await throwIfStopped(signal);
  ensureOutDir(outDir);
  if (run.failure) {
    const failed = join(outDir, `${name}.failed.html`);
    writeAtomic(failed, html);
    return { files: [failed] };
  }
  const contents = new Map<string, string>([
    [`${name}.ipynb`, serializeNotebook(notebook)],
    [`${name}.json`, JSON.stringify(run.records, null, 2) + "\n"],
    [`${name}.changes.json`, JSON.stringify(changes?.changes ?? [], null, 2) + "\n"],
    [`${name}.html`, html],
  ]);
  // The old seal goes first: until the new one is written, the set is not up to date.
  const seal = join(outDir, name + SEAL);
  rmSync(seal, { force: true });
  for (const [file, content] of contents) writeAtomic(join(outDir, file), content);
  if (fingerprint) writeAtomic(seal, JSON.stringify(sealOf(info.started.toISOString(), fingerprint, contents), null, 2) + "\n");
  rmSync(join(outDir, `${name}.failed.html`), { force: true });
  const files = [...contents.keys()].map((f) => join(outDir, f));
  return { files, ...(changes ? { changes } : {}) };
}
