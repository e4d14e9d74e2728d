// noteInput(path): a loader names a file it reads. The report runner sees every file the kernel
// opens without it (src/engine/track/); a named file is listed among the inputs even where the
// tracking is only Node-level and the reader is native code it does not wrap.
// Outside the runner (in JupyterLab) this does nothing.
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";

/** The environment variable naming the run's tracking log (src/engine/track/), where the kernel's events go, one a line. */
export const TRACK_LOG = "ANALYSIS_TRACK_LOG";

export function noteInput(path: string): void {
  const log = process.env[TRACK_LOG];
  if (log) appendFileSync(log, `P ${resolve(path)}\n`);
}
