// A polars DataFrame as a readable HTML table (numbers right-aligned with thousands
// separators, a row limit with a note) and as plain text for consoles and diffs.
import * as pl from "nodejs-polars";
import type { DataFrame } from "nodejs-polars";
import { escapeHtml, formatDate, formatFloat, formatInteger } from "./values";

export interface TableOptions {
  /** At most this many rows are shown; a note says how many there are. */
  rows?: number;
  caption?: string;
  /**
   * Columns of identifiers (user ids, years): whole numbers printed without thousands
   * separators. By default the columns named `id` or ending in `_id`.
   */
  identifiers?: string[];
}

const INTEGER = /^U?Int(8|16|32|64)$/;
const FLOAT = /^Float(32|64)$/;

interface Column {
  name: string;
  variant: string;
  numeric: boolean;
  /** The cells as text; null where the value is missing. */
  cells: (string | null)[];
}

function cellText(value: unknown, variant: string, identifier: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") {
    if (identifier && (typeof value === "bigint" || Number.isInteger(value))) return String(value);
    return INTEGER.test(variant) || typeof value === "bigint" ? formatInteger(value) : formatFloat(value);
  }
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Times finer than a JavaScript Date (µs, ns) as text at their own precision, UTC; undefined for others. */
function fineTimes(head: DataFrame, name: string, dtype: string): (string | null)[] | undefined {
  const unit = /Datetime\((us|ns)\b/.exec(dtype)?.[1];
  if (unit === undefined) return undefined;
  const text = head.select(pl.col(name).dt.convertTimeZone("UTC").dt.strftime(unit === "us" ? "%Y-%m-%d %H:%M:%S%.6f" : "%Y-%m-%d %H:%M:%S%.9f"));
  let cells = text.getColumn(name).toArray() as (string | null)[];
  // To the finest unit any shown value needs: milliseconds read from a file that has only those stay three digits.
  while (cells.some((c) => c !== null) && cells.every((c) => c === null || /\.\d{3,}000$/.test(c))) cells = cells.map((c) => c && c.slice(0, -3));
  return cells;
}

function columnsOf(head: DataFrame, identifiers: readonly string[] | undefined): Column[] {
  return head.columns.map((name, j) => {
    const variant = String(head.dtypes[j]?.variant ?? "");
    const identifier = identifiers ? identifiers.includes(name) : name === "id" || name.endsWith("_id");
    const fine = fineTimes(head, name, String(head.dtypes[j]));
    const values = fine ?? (head.getColumn(name).toArray() as unknown[]);
    return { name, variant, numeric: INTEGER.test(variant) || FLOAT.test(variant), cells: values.map((v) => cellText(v, variant, identifier)) };
  });
}

function rowNote(shown: number, total: number): string {
  return shown < total ? `Showing the first ${formatInteger(shown)} of ${formatInteger(total)} rows.` : "";
}

// Inline, so that JupyterLab (whose sanitizer keeps these styles) shows what the report's stylesheet does.
const RIGHT = "text-align:right;font-variant-numeric:tabular-nums";
const LEFT = "text-align:left";
const MISSING = ";font-style:italic";

export function tableHtml(frame: DataFrame, { rows = 20, caption, identifiers }: TableOptions = {}): string {
  const head = frame.head(rows);
  const columns = columnsOf(head, identifiers);
  const th = columns.map((c) => `<th style="${c.numeric ? RIGHT : LEFT}" title="${escapeHtml(c.variant)}">${escapeHtml(c.name)}</th>`).join("");
  const body: string[] = [];
  for (let i = 0; i < head.height; i++) {
    const tds = columns.map((c) => {
      const text = c.cells[i] ?? null;
      const style = (c.numeric ? RIGHT : LEFT) + (text === null ? MISSING : "");
      return `<td${text === null ? ' class="null"' : ""} style="${style}">${escapeHtml(text ?? "null")}</td>`;
    });
    body.push(`<tr>${tds.join("")}</tr>`);
  }
  const note = rowNote(head.height, frame.height);
  return [
    `<table class="dataframe">`,
    caption ? `<caption style="${LEFT}">${escapeHtml(caption)}</caption>` : "",
    `<thead><tr>${th}</tr></thead>`,
    `<tbody>${body.join("")}</tbody>`,
    `</table>`,
    note ? `<p class="table-note"><small>${note}</small></p>` : "",
  ].join("");
}

export function tableText(frame: DataFrame, { rows = 20, caption, identifiers }: TableOptions = {}): string {
  const head = frame.head(rows);
  const columns = columnsOf(head, identifiers).map((c) => ({ ...c, lines: [c.name, ...c.cells.map((t) => t ?? "null")] }));
  const widths = columns.map((c) => Math.max(...c.lines.map((s) => s.length)));
  const line = (i: number) =>
    columns
      .map((c, j) => (c.numeric ? (c.lines[i] ?? "").padStart(widths[j] ?? 0) : (c.lines[i] ?? "").padEnd(widths[j] ?? 0)))
      .join("  ")
      .trimEnd();
  const lines = [line(0), widths.map((w) => "-".repeat(w)).join("  ")];
  for (let i = 1; i <= head.height; i++) lines.push(line(i));
  return [caption ?? "", ...lines, rowNote(head.height, frame.height)].filter((s) => s !== "").join("\n");
}
