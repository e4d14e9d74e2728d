// Writes a run's files: NAME.ipynb, NAME.html and NAME.json on success; on failure only
// NAME.failed.html, so the last good report stays in place.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { renderReport } from "../report";
import { diffRecords } from "./changes";
import { lastRun, type Fingerprint } from "./freshness";
import { writeAtomic } from "../io/atomic";
import { ensureOutDir } from "./outdir";
import { reportName, serializeNotebook } from "./notebook";
import { gitCommit, versions } from "./provenance";
import type { RunResult } from "./runner";

export interface PublishOptions {
  outDir: string;
  includeCode: boolean;
  /** What the run saw, kept in NAME.ipynb so that the next run can tell whether it is up to date. */
  fingerprint?: Fingerprint;
}

export interface Published {
  files: string[];
  /** What moved since the last run: undefined after a failure; `since` undefined when there was no earlier run. */
  changes?: { since?: Date; changes: import("./changes").Change[] };
}

/** The results of the last successful run in `outDir`, or undefined when there is none. */
function earlierRun(outDir: string, name: string): { records: Record<string, unknown>; started?: Date } | undefined {
  let records: Record<string, unknown>;
  try {
    records = JSON.parse(readFileSync(join(outDir, `${name}.json`), "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const started = lastRun(join(outDir, `${name}.ipynb`))?.started;
  return { records, ...(started ? { started: new Date(started) } : {}) };
}

export async function publish(run: RunResult, { outDir, includeCode, fingerprint }: PublishOptions): Promise<Published> {
  const name = reportName(run.notebookPath);
  const commit = gitCommit();
  const earlier = run.failure ? undefined : earlierRun(outDir, name);
  const changes = run.failure ? undefined : { changes: earlier ? diffRecords(earlier.records, run.records) : [], file: `${name}.changes.json`, ...(earlier ? { since: earlier.started ?? new Date(NaN) } : {}) };
  const info = {
    notebookPath: run.notebookPath,
    started: run.started,
    durationMs: run.durationMs,
    parameters: run.parameters,
    inputs: run.inputs,
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
        versions: info.versions,
        ...(info.gitCommit ? { git_commit: info.gitCommit } : {}),
        ...(run.failure ? { failure: run.failure } : {}),
        ...(fingerprint && !run.failure ? { fingerprint } : {}),
        ...(run.incomplete.length > 0 ? { output_incomplete: run.incomplete } : {}),
      },
    },
  };
  const html = await renderReport(notebook, info, { includeCode });
  ensureOutDir(outDir);
  if (run.failure) {
    const failed = join(outDir, `${name}.failed.html`);
    writeAtomic(failed, html);
    return { files: [failed] };
  }
  const files = [join(outDir, `${name}.ipynb`), join(outDir, `${name}.html`), join(outDir, `${name}.json`), join(outDir, `${name}.changes.json`)];
  writeAtomic(files[0] as string, serializeNotebook(notebook));
  writeAtomic(files[2] as string, JSON.stringify(run.records, null, 2) + "\n");
  writeAtomic(files[3] as string, JSON.stringify(changes?.changes ?? [], null, 2) + "\n");
  writeAtomic(files[1] as string, html);
  rmSync(join(outDir, `${name}.failed.html`), { force: true });
  return { files, ...(changes ? { changes } : {}) };
}
