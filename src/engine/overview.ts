// After `npm run reports`: a comparison page per set of runs (NAME.compare.html and .json, from
// the runs' recorded results) and the front page, index.html, listing every report the runs make
// and any other found in the folder, each with whether it is up to date now. Both are written
// whole (atomically), also when every report was up to date.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic } from "../io/atomic";
import { compareRuns } from "../report/compare";
import { renderComparePage } from "../report/compare-page";
import { renderIndexPage, type IndexEntry, type IndexStatus } from "../report/index-page";
import type { CliOptions } from "./args";
import { baseFingerprint } from "./freshness";
import { readLastReport, SEAL, type LastReport } from "./last-report";
import type { Run, RunSet } from "./manifest";
import { ensureOutDir } from "./outdir";
import type { Outcome } from "./report-one";
import { whyRun } from "./report-one";
import { isObject } from "../json";
import { claimsThat } from "../notebook/collect";

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** The report's title, from the `<title>` at the top of NAME.html (its first heading), if there is one. */
export function reportTitle(html: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(html, "r");
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(8192);
    const n = readSync(fd, head, 0, head.length, 0);
    const m = /<title>([^<]*)<\/title>/.exec(head.subarray(0, n).toString("utf8"));
    if (!m) return undefined;
    const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
    return (m[1] as string).replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] as string);
  } finally {
    closeSync(fd);
  }
}

function recordsOf(last: LastReport): { records?: Record<string, unknown>; started?: string } {
  if (last.state === "intact") return { records: last.records, started: last.seal.started };
  if (last.state === "stale") return { ...(last.records ? { records: last.records } : {}), ...(last.started ? { started: last.started } : {}) };
  return {};
}

/** A report's last set (readLastReport), read once for the comparisons and the front page. */
type LastOf = (name: string) => LastReport;

/** NAME.compare.json and NAME.compare.html for one set, from its runs' NAME.json. */
export function writeComparison(outDir: string, set: RunSet, runs: readonly Run[], lastOf: LastOf): void {
  const compared = set.runs.map((name) => {
    const run = runs.find((r) => r.name === name);
    return { name, parameters: run?.parameters ?? {}, ...recordsOf(lastOf(name)) };
  });
  const comparison = compareRuns(set.name, set.notebook, compared, set.grid);
  const title = set.runs.map((n) => reportTitle(join(outDir, `${n}.html`))).find((t) => t !== undefined);
  writeAtomic(join(outDir, `${set.name}.compare.json`), JSON.stringify(comparison, null, 2) + "\n");
  writeAtomic(join(outDir, `${set.name}.compare.html`), renderComparePage(comparison, title));
}

/** Whether the run's last attempt failed: its NAME.failed.html is newer than its last good set. */
function failedPage(outDir: string, name: string, last: LastReport): string | undefined {
  const page = `${name}.failed.html`;
  const failed = statSync(join(outDir, page), { throwIfNoEntry: false });
  if (failed === undefined) return undefined;
  const sealed = statSync(join(outDir, name + SEAL), { throwIfNoEntry: false });
  return last.state !== "intact" || sealed === undefined || failed.mtimeMs >= sealed.mtimeMs ? page : undefined;
}

async function entryOf(outDir: string, name: string, run: Run | undefined, options: CliOptions, outcome: Outcome | undefined, lastOf: LastOf): Promise<IndexEntry> {
  const last = lastOf(name);
  const { records, started } = recordsOf(last);
  const nb = readJson(join(outDir, `${name}.ipynb`));
  const analysis = isObject(nb) && isObject(nb["metadata"]) && isObject(nb["metadata"]["analysis"]) ? nb["metadata"]["analysis"] : undefined;
  const changes = readJson(join(outDir, `${name}.changes.json`));
  const failed = failedPage(outDir, name, last);
  let status: IndexStatus;
  if (failed !== undefined) status = { state: "failed", page: failed, ...(outcome && !outcome.ok ? { message: outcome.summary } : {}) };
  else if (run === undefined) status = { state: "not listed" };
  else if (last.state === "none") status = { state: "none" };
  else {
    const why = await whyRun(run.notebook, { ...options, force: false }, baseFingerprint(run.notebook, run.parameters, options.includeCode), last);
    status = why === undefined ? { state: "up to date" } : { state: "stale", why };
  }
  const parameters = run?.parameters ?? (last.state === "intact" ? last.seal.fingerprint.parameters : undefined);
  const title = reportTitle(join(outDir, `${name}.html`));
  return {
    name,
    ...(run ? { notebook: run.notebook } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
    ...(started ? { started } : {}),
    ...(typeof analysis?.["duration_seconds"] === "number" ? { durationMs: analysis["duration_seconds"] * 1000 } : {}),
    status,
    report: last.state !== "none" && statSync(join(outDir, `${name}.html`), { throwIfNoEntry: false }) !== undefined,
    untrue: claimsThat(records, false),
    unchecked: claimsThat(records, null).length,
    ...(Array.isArray(changes) ? { changes: { count: changes.length, results: new Set(changes.map((c: unknown) => (isObject(c) ? c["name"] : undefined))).size } } : {}),
    ...(run?.set ? { set: run.set } : {}),
  };
}

/** The reports sealed in `outDir` (NAME.fingerprint.json), by name. */
function sealedIn(outDir: string): string[] {
  try {
    return readdirSync(outDir)
      .filter((f) => f.endsWith(SEAL))
      .map((f) => f.slice(0, -SEAL.length))
      .sort();
  } catch {
    return [];
  }
}

/** Writes the comparison pages and the front page; returns the front page's path. */
export async function writeOverview(options: CliOptions, outcomes: readonly Outcome[]): Promise<string> {
  const { outDir, runs, sets } = options;
  ensureOutDir(outDir);
  const read = new Map<string, LastReport>();
  const lastOf: LastOf = (name) => {
    let last = read.get(name);
    if (last === undefined) read.set(name, (last = readLastReport(outDir, name)));
    return last;
  };
  for (const set of sets) writeComparison(outDir, set, runs, lastOf);
  const listed = new Set(runs.map((r) => r.name));
  const entries: IndexEntry[] = [];
  for (const run of runs) entries.push(await entryOf(outDir, run.name, run, options, outcomes.find((o) => o.name === run.name), lastOf));
  for (const name of sealedIn(outDir)) if (!listed.has(name)) entries.push(await entryOf(outDir, name, undefined, options, undefined, lastOf));
  const index = join(outDir, "index.html");
  writeAtomic(index, renderIndexPage({ entries, sets }));
  return index;
}
