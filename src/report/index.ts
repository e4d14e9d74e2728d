// Exports an executed notebook as one self-contained HTML report: everything inline, readable
// with JavaScript off, charts drawn to SVG at export time.
import { basename } from "node:path";
import { escapeHtml } from "../display/values";
import { sourceOf, tagsOf, type Notebook } from "../notebook/notebook";
import { renderChanges } from "./changes";
import { isRemoved, renderCodeCell, renderMarkdownCell, renderRawCell, type CellContext } from "./cells";
import { formatUtc } from "./units";
import { collectClaims } from "../notebook/collect";
import { renderClaimsBanner, renderFailureBanner, renderHeader, renderIncompleteBanner, type ReportInfo } from "./header";
import { parseMarkdown, withoutHeading, type Heading, type MarkdownDoc } from "./markdown";
import { renderPage } from "./page";
import { numberTables } from "./scroll";
import { cellAnchor, Slugger } from "./slug";
import { renderToc } from "./toc";

export type { ReportInfo } from "./header";
export { prepareSanitizer } from "./sanitize";

export interface ReportOptions {
  includeCode: boolean;
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

/** The notebook's top level of sections: its highest heading level, if any (the title's h1 is in the header by now). */
function sectionLevel(headings: readonly Heading[]): { sectionLevel?: number } {
  const levels = headings.map((h) => h.level).filter((l) => l <= 3);
  return levels.length === 0 ? {} : { sectionLevel: Math.min(...levels) };
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
  const body = numberTables(parts.filter((p) => p !== "").join("\n"));

  const failure = info.failure;
  const claims = collectClaims(nb.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : [])));
  const untrue = claims.filter((c) => c.holds === false);
  const unchecked = claims.filter((c) => c.holds === null);
  const exists = (cellIndex: number) => body.includes(`id="${cellAnchor(cellIndex)}"`);
  const banner = [
    failure ? renderFailureBanner(failure, exists(failure.cellIndex)) : "",
    info.incomplete?.length ? renderIncompleteBanner(info.incomplete, exists) : "",
    renderClaimsBanner(untrue, unchecked),
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
    ...sectionLevel([...docs.values()].flatMap((d) => d.headings)),
  });
}
