// noteInput(path): a loader names a file it reads. The report runner sees every file the kernel
// opens without it (src/engine/track/); a named file is listed among the inputs even where the
// tracking is only Node-level and the reader is native code it does not wrap.
// Outside the runner (in JupyterLab) this does nothing.
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";

/** The environment variable naming the file the runner collects the paths in, one a line. */
export const INPUTS_LOG = "ANALYSIS_INPUTS_LOG";

export function noteInput(path: string): void {
  const log = process.env[INPUTS_LOG];
  if (log) appendFileSync(log, `P ${resolve(path)}\n`);
}
