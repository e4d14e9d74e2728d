// nbformat 4 documents: reading with clear errors, and the output shapes a run collects.
// https://nbformat.readthedocs.io/en/latest/format_description.html
import { readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { DataError } from "../errors";

/** A MIME bundle: MIME type → data (a string, a list of lines, or a JSON value for JSON types). */
export type MimeBundle = Record<string, unknown>;

export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | { output_type: "display_data"; data: MimeBundle; metadata: Record<string, unknown> }
  | { output_type: "execute_result"; execution_count: number | null; data: MimeBundle; metadata: Record<string, unknown> }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

export interface CodeCell {
  cell_type: "code";
  id?: string;
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  execution_count: number | null;
  outputs: Output[];
}

export interface TextCell {
  cell_type: "markdown" | "raw";
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  attachments?: Record<string, MimeBundle>;
}

export type Cell = CodeCell | TextCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/** A cell's source as one string (nbformat allows a list of lines). */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

export function tagsOf(cell: Cell): string[] {
  const tags = cell.metadata["tags"];
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

export function parseNotebook(text: string, file: string): Notebook {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${file}: not a notebook, the JSON does not parse (${(e as Error).message})`);
  }
  const nb = doc as Partial<Notebook> | null;
  if (nb === null || typeof nb !== "object" || nb.nbformat !== 4) {
    throw new DataError(`${file}: expected an nbformat 4 notebook (found nbformat ${String(nb?.nbformat)})`);
  }
  if (!Array.isArray(nb.cells)) throw new DataError(`${file}: expected a "cells" list`);
  nb.cells.forEach((cell, i) => {
    if (!["code", "markdown", "raw"].includes(cell?.cell_type)) {
      throw new DataError(`${file}: cell ${i + 1} has cell_type ${JSON.stringify(cell?.cell_type)}, expected code, markdown or raw`);
    }
    if (typeof cell.source !== "string" && !Array.isArray(cell.source)) {
      throw new DataError(`${file}: cell ${i + 1} has no source`);
    }
    cell.metadata ??= {};
    if (cell.cell_type === "code") {
      cell.outputs ??= [];
      cell.execution_count ??= null;
    }
  });
  return { nbformat: 4, nbformat_minor: nb.nbformat_minor ?? 5, metadata: nb.metadata ?? {}, cells: nb.cells };
}

/**
 * Refuses a notebook made for another kernel (a Python one, say): on tslab it would only fail
 * with TypeScript errors. A notebook without a kernelspec is taken as TypeScript.
 */
export function checkKernel(nb: Notebook, file: string): void {
  const spec = nb.metadata["kernelspec"] as { name?: unknown; language?: unknown; display_name?: unknown } | undefined;
  if (spec === undefined || spec === null || typeof spec !== "object") return;
  const language = typeof spec.language === "string" ? spec.language.toLowerCase() : undefined;
  const name = typeof spec.name === "string" ? spec.name : undefined;
  if (language === "typescript" || (language === undefined && (name === "tslab" || name === undefined))) return;
  const shown = typeof spec.display_name === "string" ? `${spec.display_name} (${name ?? "no name"})` : (name ?? "unnamed");
  throw new DataError(`${file}: its kernel is ${shown}${language ? `, language ${language}` : ""}; the runner runs TypeScript notebooks on tslab`);
}

export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DataError(`${file}: cannot read the notebook (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseNotebook(text, file);
}

/**
 * The notebooks in `dir` by name, but not a hidden one (a leading dot, as Jupyter hides it: a
 * scratch copy, the bench's): what `reports` runs unless a manifest says otherwise.
 */
export function notebooksIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort();
}

/** Serialises like Jupyter does (one-space indent, trailing newline), so diffs of executed notebooks stay readable. */
export function serializeNotebook(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + "\n";
}

/**
 * Joins consecutive stream outputs of the same name, as JupyterLab shows them;
 * kernels split a stream at arbitrary points, so outputs are only comparable after this.
 */
export function coalesceStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const out of outputs) {
    const last = merged[merged.length - 1];
    if (out.output_type === "stream" && last?.output_type === "stream" && last.name === out.name) {
      merged[merged.length - 1] = { ...last, text: last.text + out.text };
    } else {
      merged.push(out.output_type === "stream" ? { ...out } : out);
    }
  }
  return merged;
}

/** The name a notebook's report files take: `notebooks/demo.ipynb` → `demo`. */
export function reportName(notebookPath: string): string {
  return basename(notebookPath).replace(/\.ipynb$/, "");
}
