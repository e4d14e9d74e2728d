// One notebook cell as HTML. Tags decide what shows, as in nbconvert and Jupyter Book:
// "remove-cell" drops the cell, "remove-input" its code; code is folded in a <details>,
// which opens and closes without JavaScript.
import { sourceOf, tagsOf, type CodeCell, type TextCell } from "../notebook/notebook";
import { highlight } from "./highlight";
import { escapeHtml } from "../display/values";
import { renderMarkdown, type MarkdownDoc } from "./markdown";
import { sanitizeHtml } from "./sanitize";
import { renderOutputs, type OutputContext } from "./outputs";
import { wrapTables } from "./scroll";
import { cellAnchor } from "./slug";

export interface CellContext extends OutputContext {
  includeCode: boolean;
  /** 0-based index of the cell the run failed at. */
  failedAt?: number;
}

function codeLabel(tags: readonly string[]): string {
  if (tags.includes("injected-parameters")) return "Injected parameters";
  if (tags.includes("parameters")) return "Parameters";
  return "Code";
}

export function isRemoved(tags: readonly string[]): boolean {
  return tags.includes("remove-cell");
}

export function renderMarkdownCell(doc: MarkdownDoc, index: number): string {
  const html = wrapTables(renderMarkdown(doc)).trim();
  return html === "" ? "" : `<div class="cell markdown-cell" id="${cellAnchor(index)}">\n${html}\n</div>`;
}

/** nbconvert's rule: a raw cell is for some other converter unless it is marked as HTML. */
export function renderRawCell(cell: TextCell, index: number): string {
  const format = cell.metadata["format"] ?? cell.metadata["raw_mimetype"];
  if (format !== "text/html") return "";
  return `<div class="cell raw-cell" id="${cellAnchor(index)}">${sanitizeHtml(sourceOf(cell), "output")}</div>`;
}

export async function renderCodeCell(cell: CodeCell, index: number, ctx: CellContext): Promise<string> {
  const tags = tagsOf(cell);
  const failed = index === ctx.failedAt;
  // The failed cell shows whatever its tags say: a failure is never hidden.
  if (isRemoved(tags) && !failed) return "";
  const notRun = ctx.failedAt !== undefined && index > ctx.failedAt;
  const source = sourceOf(cell);
  const showCode = ctx.includeCode && !tags.includes("remove-input") && source.trim() !== "";
  const label = codeLabel(tags) + (notRun ? " (not run)" : "");
  const code = showCode
    ? `<details class="code"${failed ? " open" : ""}><summary>${label}<span class="cell-number">cell ${index + 1}</span></summary>` +
      `<pre><code class="hljs language-typescript">${highlight(source, "typescript")}</code></pre></details>`
    : "";
  const outputs = await renderOutputs(cell.outputs ?? [], ctx);
  // Set by the runner when the kernel's messages for this cell were lost (runner.ts).
  const lost = (cell.metadata["analysis"] as { output_incomplete?: unknown } | undefined)?.output_incomplete;
  const incomplete = typeof lost === "string" ? `<p class="failed-label output-incomplete">Output incomplete: ${escapeHtml(lost)}</p>` : "";
  if (code === "" && outputs === "" && !failed && incomplete === "") return "";
  const classes = ["cell", "code-cell", failed ? "failed" : "", notRun ? "not-run" : "", tags.includes("injected-parameters") ? "injected-parameters" : ""];
  return [
    `<div class="${classes.filter((c) => c !== "").join(" ")}" id="${cellAnchor(index)}">`,
    failed ? `<p class="failed-label">The run failed in this cell (cell ${index + 1})</p>` : "",
    incomplete,
    code,
    outputs === "" ? "" : `<div class="outputs">\n${outputs}\n</div>`,
    `</div>`,
  ]
    .filter((part) => part !== "")
    .join("\n");
}
