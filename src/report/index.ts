// Exports an executed notebook as one self-contained HTML report: everything inline, readable
// with JavaScript off, charts drawn to SVG at export time.
import { basename } from "node:path";
import { escapeHtml } from "../display/format";
import { sourceOf, tagsOf, type Notebook } from "../engine/notebook";
import { renderChanges, type ChangesSince } from "./changes";
import { isRemoved, renderCodeCell, renderMarkdownCell, renderRawCell, type CellContext } from "./cells";
import { formatUtc } from "./format";
import { collectClaims } from "../engine/records";
import { renderClaimsBanner, renderFailureBanner, renderHeader, renderIncompleteBanner } from "./header";
import { parseMarkdown, withoutHeading, type Heading, type MarkdownDoc } from "./markdown";
import { renderPage } from "./page";
import type { ChartPrerenderer } from "./prerender";
import { cellAnchor, Slugger } from "./slug";
import { renderToc } from "./toc";

export interface InputFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ReportInfo {
  /** As the user gave it, e.g. "notebooks/demo.ipynb". */
  notebookPath: string;
  started: Date;
  durationMs: number;
  /** Name → value actually used (defaults and injected). */
  parameters: Record<string, unknown>;
  inputs: InputFile[];
  /** e.g. {node: "v20.20.2", tslab: "1.0.22", "nodejs-polars": "0.25.2", vega: ..., "vega-lite": ...} */
  versions: Record<string, string>;
  /** Short hash, maybe with "-dirty". */
  gitCommit?: string;
  /** cellIndex: 0-based index into nb.cells of the failed cell; message: the error's first line. */
  failure?: { cellIndex: number; message: string };
  /** The recorded results that moved since the last run (undefined: not compared, e.g. a failed run). */
  changes?: ChangesSince;
  /** Cells whose outputs may be incomplete (kernel messages lost), each with why. */
  incomplete?: { cellIndex: number; message: string }[];
}

export interface ReportOptions {
  includeCode: boolean;
  /** Charts already drawn while the notebook ran (see prerender.ts); the rest are drawn here. */
  prerendered?: ChartPrerenderer;
}

/** The title is the first heading; an h1 moves from its cell into the header, so it is not shown twice. */
function findTitle(docs: Map<number, MarkdownDoc>, notebookPath: string): { title: string; id: string } {
  for (const [index, doc] of docs) {
    const first: Heading | undefined = doc.headings[0];
    if (first === undefined) continue;
    if (first.level === 1) docs.set(index, withoutHeading(doc, first));
    return { title: first.text, id: first.level === 1 ? first.id : "report_title" };
  }
  return { title: basename(notebookPath).replace(/\.ipynb$/, ""), id: "report_title" };
}

export async function renderReport(nb: Notebook, info: ReportInfo, options: ReportOptions): Promise<string> {
  const slugger = new Slugger();
  // Markdown first: the title and the contents come from headings anywhere in the notebook.
  const docs = new Map<number, MarkdownDoc>();
  nb.cells.forEach((cell, index) => {
    if (cell.cell_type === "markdown" && !isRemoved(tagsOf(cell))) docs.set(index, parseMarkdown(sourceOf(cell), slugger, cell.attachments));
  });
  const { title, id: titleId } = findTitle(docs, info.notebookPath);

  const ctx: CellContext = {
    slugger,
    charts: [],
    includeCode: options.includeCode,
    prerendered: options.prerendered,
    ...(info.failure ? { failedAt: info.failure.cellIndex } : {}),
  };
  const parts: string[] = [];
  for (const [index, cell] of nb.cells.entries()) {
    if (cell.cell_type === "code") parts.push(await renderCodeCell(cell, index, ctx));
    else if (cell.cell_type === "raw") parts.push(renderRawCell(cell, index));
    else {
      const doc = docs.get(index);
      if (doc) parts.push(renderMarkdownCell(doc, index));
    }
  }
  const body = parts.filter((p) => p !== "").join("\n");

  const failure = info.failure;
  const untrue = collectClaims(nb.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []))).filter((c) => !c.holds);
  const exists = (cellIndex: number) => body.includes(`id="${cellAnchor(cellIndex)}"`);
  const banner = [
    failure ? renderFailureBanner(failure, exists(failure.cellIndex)) : "",
    info.incomplete?.length ? renderIncompleteBanner(info.incomplete, exists) : "",
    renderClaimsBanner(untrue),
  ].join("");
  return renderPage({
    title: failure ? `FAILED: ${title}` : title,
    banner,
    header: renderHeader(title, titleId, info) + renderChanges(info.changes),
    toc: renderToc([...docs.values()].flatMap((d) => d.headings)),
    body,
    footer: `<footer class="report-footer">Exported from <code>${escapeHtml(info.notebookPath)}</code>, run at ${formatUtc(info.started)}.</footer>`,
    charts: ctx.charts,
    hasCode: body.includes(`<details class="code"`),
  });
}
