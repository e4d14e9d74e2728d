// A polars DataFrame as a readable HTML table (numbers right-aligned with thousands
// separators, a row limit with a note) and as plain text for consoles and diffs.
import type { DataFrame } from "nodejs-polars";
import { escapeHtml, formatDate, formatFloat, formatInteger } from "./format";

export interface TableOptions {
  /** At most this many rows are shown; a note says how many there are. */
  rows?: number;
  caption?: string;
}

const INTEGER = /^U?Int(8|16|32|64)$/;
const FLOAT = /^Float(32|64)$/;

function cellText(value: unknown, variant: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "bigint") {
    return INTEGER.test(variant) || typeof value === "bigint" ? formatInteger(value) : formatFloat(value);
  }
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isNumeric(variant: string): boolean {
  return INTEGER.test(variant) || FLOAT.test(variant);
}

function rowNote(shown: number, total: number): string {
  return shown < total ? `Showing the first ${formatInteger(shown)} of ${formatInteger(total)} rows.` : "";
}

export function tableHtml(frame: DataFrame, { rows = 20, caption }: TableOptions = {}): string {
  const head = frame.head(rows);
  const variants = head.dtypes.map((d) => d.variant as string);
  const columns = head.columns.map((name) => head.getColumn(name).toArray() as unknown[]);
  const right = 'style="text-align:right;font-variant-numeric:tabular-nums"';
  const th = head.columns
    .map((name, j) => `<th ${isNumeric(variants[j] ?? "") ? right : 'style="text-align:left"'} title="${escapeHtml(variants[j] ?? "")}">${escapeHtml(name)}</th>`)
    .join("");
  const body: string[] = [];
  for (let i = 0; i < head.height; i++) {
    const tds = columns.map((col, j) => {
      const v = col[i];
      const variant = variants[j] ?? "";
      const align = isNumeric(variant) ? right : 'style="text-align:left"';
      const cls = v === null || v === undefined ? ' class="null"' : "";
      return `<td${cls} ${align}>${escapeHtml(cellText(v, variant))}</td>`;
    });
    body.push(`<tr>${tds.join("")}</tr>`);
  }
  const note = rowNote(head.height, frame.height);
  return [
    `<table class="dataframe">`,
    caption ? `<caption>${escapeHtml(caption)}</caption>` : "",
    `<thead><tr>${th}</tr></thead>`,
    `<tbody>${body.join("")}</tbody>`,
    `</table>`,
    note ? `<p class="table-note"><small>${note}</small></p>` : "",
  ].join("");
}

export function tableText(frame: DataFrame, { rows = 20, caption }: TableOptions = {}): string {
  const head = frame.head(rows);
  const variants = head.dtypes.map((d) => d.variant as string);
  const cells = head.columns.map((name, j) => [name, ...(head.getColumn(name).toArray() as unknown[]).map((v) => cellText(v, variants[j] ?? ""))]);
  const widths = cells.map((col) => Math.max(...col.map((s) => s.length)));
  const pad = (s: string, j: number) => (isNumeric(variants[j] ?? "") ? s.padStart(widths[j] ?? 0) : s.padEnd(widths[j] ?? 0));
  const line = (i: number) => cells.map((col, j) => pad(col[i] ?? "", j)).join("  ").trimEnd();
  const lines = [line(0), widths.map((w) => "-".repeat(w)).join("  ")];
  for (let i = 1; i <= head.height; i++) lines.push(line(i));
  const note = rowNote(head.height, frame.height);
  return [caption ?? "", ...lines, note].filter((s) => s !== "").join("\n");
}
