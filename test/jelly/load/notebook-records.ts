// What the Jelly Party notebook records (reports/NAME.json: every record() and claim) when the
// report runner runs it on a given snapshot, a file or a folder: the measure of "the same data".
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli, scratch } from "../../helpers";
import { SAMPLE } from "./filebeat";

const NOTEBOOK = join(ROOT, "notebooks", "jelly-party.ipynb");
/** snapshot:jelly as npm runs it (the integration tests build dist/ first, as npm test does). */
export const SNAPSHOT_CLI = join(ROOT, "dist", "jelly", "load", "snapshot-cli.js");

/** The records of a run on `eventsPath`, its report written into `out` (a folder of its own when omitted). */
export function notebookRecords(eventsPath: string, out?: string): unknown {
  const own = out === undefined ? scratch() : undefined;
  const dir = out ?? (own as { dir: string }).dir;
  try {
    const run = reportOn(eventsPath, dir);
    if (run.status !== 0) throw new Error(`the notebook failed on ${eventsPath} (exit ${run.status}): ${(run.stderr ?? "").slice(-2000)}`);
    return JSON.parse(readFileSync(join(dir, "jelly-party.json"), "utf8"));
  } finally {
    own?.cleanup();
  }
}

/** `npm run report -- notebooks/jelly-party.ipynb -p eventsPath PATH --out DIR`, to its end. */
export function reportOn(eventsPath: string, out: string) {
  return runCli(["report", NOTEBOOK, "-p", "eventsPath", eventsPath, "--out", out], { timeout: 300_000 });
}

let sample: unknown;
/** The records on the committed sample (run once per test process). */
export function sampleRecords(): unknown {
  return (sample ??= notebookRecords(SAMPLE));
}

/** Runs `npm run snapshot:jelly -- ARGS` as a process: its exit status and what it printed. */
export function snapshotCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [SNAPSHOT_CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 300_000 });
  return { status: run.status, stderr: run.stderr };
}

