// The committed reports, for the tests that open them in Chromium: as committed (reports/NAME.html)
// and exported again now from their executed notebooks (reports/NAME.ipynb, whose metadata holds
// what the header shows), so that the exporter of this checkout is checked on real outputs
// without running the notebooks. Also a failure page made from one of them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Notebook, Output } from "../../src/notebook/notebook";
import { renderReport, type ReportInfo } from "../../src/report";
import { ROOT } from "../helpers";

export const REPORTS = join(ROOT, "reports");

/** NAME of each committed report: reports/NAME.html with its executed notebook NAME.ipynb (not the comparison pages, the front page or a NAME.failed.html). */
export function committedReports(): string[] {
  return readdirSync(REPORTS)
    .filter((f) => f.endsWith(".ipynb") && existsSync(join(REPORTS, f.replace(/\.ipynb$/, ".html"))))
    .map((f) => f.replace(/\.ipynb$/, ""))
    .sort();
}

/** NAME of each committed notebooks/NAME.ipynb that has a report of its own name (its default run). */
export function defaultReports(): string[] {
  return committedReports().filter((name) => existsSync(join(ROOT, "notebooks", `${name}.ipynb`)));
}

/** The committed comparison pages and the front page (written from the recorded results). */
export function committedOverviews(): string[] {
  return readdirSync(REPORTS)
    .filter((f) => f.endsWith(".compare.html") || f === "index.html")
    .sort();
}

interface Analysis {
  started: string;
  duration_seconds: number;
  parameters: Record<string, unknown>;
  inputs: ReportInfo["inputs"];
  versions: Record<string, string>;
  git_commit?: string;
}

export function committedNotebook(name: string): Notebook {
  return JSON.parse(readFileSync(join(REPORTS, `${name}.ipynb`), "utf8")) as Notebook;
}

export function infoOf(nb: Notebook, name: string): ReportInfo {
  const a = nb.metadata["analysis"] as Analysis;
  return {
    notebookPath: `notebooks/${name}.ipynb`,
    started: new Date(a.started),
    durationMs: a.duration_seconds * 1000,
    parameters: a.parameters,
    inputs: a.inputs,
    versions: a.versions,
    ...(a.git_commit ? { gitCommit: a.git_commit } : {}),
    changes: { changes: [], file: `${name}.changes.json`, since: new Date(a.started) },
    tracking: { mode: "preload", outside: [], changedDuringRun: [], env: {} },
  };
}

/** reports/NAME.ipynb exported by this checkout's exporter. */
export async function reexport(name: string): Promise<string> {
  const nb = committedNotebook(name);
  return renderReport(nb, infoOf(nb, name), { includeCode: true });
}

/**
 * The page a failed run writes (NAME.failed.html), from the demo: its fourth code cell fails
 * with the kernel's error, the cells after it did not run.
 */
export async function failurePage(): Promise<string> {
  const nb = committedNotebook("demo");
  const codeCells = nb.cells.flatMap((c, i) => (c.cell_type === "code" ? [i] : []));
  const failedAt = codeCells[3] as number;
  const error: Output = { output_type: "stream", name: "stderr", text: "3:7 - Property 'visitz' does not exist on type 'DataFrame'. Did you mean 'visits'?\n" };
  const cells = nb.cells.map((cell, i) => (cell.cell_type === "code" && i >= failedAt ? { ...cell, outputs: i === failedAt ? [error] : [], execution_count: null } : cell));
  const failed: Notebook = { ...nb, cells };
  const info: ReportInfo = { ...infoOf(failed, "demo"), failure: { cellIndex: failedAt, message: "Property 'visitz' does not exist on type 'DataFrame'." } };
  delete info.changes;
  return renderReport(failed, info, { includeCode: true });
}
