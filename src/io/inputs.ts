// noteInput(path): a loader says which file it reads, so that the report runner can tell later
// whether the report is still up to date by the bytes of every file the notebook read (a folder's
// files, a sidecar), not only the paths its parameters name. The readers do their own I/O in
// native code (polars, SQLite), where no hook on Node's fs would see it, so each loader says it.
// Outside the runner (in JupyterLab) this does nothing.
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";

/** The environment variable naming the file the runner collects the paths in, one a line. */
export const INPUTS_LOG = "ANALYSIS_INPUTS_LOG";

export function noteInput(path: string): void {
  const log = process.env[INPUTS_LOG];
  if (log) appendFileSync(log, resolve(path) + "\n");
}
