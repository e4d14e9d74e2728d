// A chart's data as tables, for readers who cannot see the picture (or want the numbers): each
// inline dataset of the spec (Vega-Lite's `data.values` at any level and `datasets`, Vega's
// `data[].values`), its columns in the order they first appear, at most MAX_ROWS rows.
import { escapeHtml } from "../display/values";
import { titleOf } from "./chart-alt";

/** Rows shown per dataset: enough to read a chart's values, not a dump of a large sample. */
export const MAX_ROWS = 100;

export interface ChartTable {
  /** The (sub-)chart the data belongs to, when it has a title. */
  title: string;
  columns: string[];
  rows: unknown[][];
  /** How many rows the dataset has (rows holds at most MAX_ROWS of them). */
  total: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function table(values: readonly unknown[], title: string): ChartTable {
  // Vega-Lite reads a list of plain values as objects with one field, `data`.
  const records = values.map((v) => (isObject(v) ? v : { data: v }));
  const columns: string[] = [];
  const known = new Set<string>();
  for (const r of records) for (const key of Object.keys(r)) if (!known.has(key)) known.add(key), columns.push(key);
  const rows = records.slice(0, MAX_ROWS).map((r) => columns.map((c) => r[c]));
  return { title, columns, rows, total: records.length };
}

/** Inline datasets, in the order the spec lists them; a dataset used twice (by name) is shown once. */
export function chartTables(spec: Json, chartTitle: string): ChartTable[] {
  const out: ChartTable[] = [];
  const visit = (node: unknown, title: string): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, title);
      return;
    }
    if (!isObject(node)) return;
    const own = titleOf(node["title"]).text || title;
    for (const [key, child] of Object.entries(node)) {
      if (key === "data") {
        // Vega-Lite: {values}; Vega: [{name, values}, ...]
        for (const source of Array.isArray(child) ? child : [child]) {
          if (isObject(source) && Array.isArray(source["values"])) out.push(table(source["values"], own));
        }
      } else if (key === "datasets" && isObject(child)) {
        for (const values of Object.values(child)) if (Array.isArray(values)) out.push(table(values, own));
      } else if (key !== "config" && key !== "values") {
        visit(child, own);
      }
    }
  };
  visit(spec, chartTitle);
  return out;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return `<td class="null">${value === null ? "null" : ""}</td>`;
  if (typeof value === "number") return `<td class="num">${escapeHtml(String(value))}</td>`;
  if (typeof value === "string" || typeof value === "boolean") return `<td>${escapeHtml(String(value))}</td>`;
  return `<td>${escapeHtml(JSON.stringify(value))}</td>`;
}

const count = new Intl.NumberFormat("en-US");

/**
 * The tables behind a toggle (a <details>, which works without JavaScript), each in a region that
 * scrolls sideways on its own and can be reached by keyboard, named by its caption. `chart` is
 * the chart's number in the report, which keeps captions and their ids apart from other charts'.
 */
export function chartTablesHtml(tables: readonly ChartTable[], chart: number): string {
  if (tables.length === 0) return "";
  const rows = tables.reduce((n, t) => n + t.total, 0);
  const body = tables.map((t, i) => {
    const captionId = `chart_${chart}_data_${i + 1}`;
    const which = `Chart ${chart} data${tables.length > 1 ? ` ${i + 1} of ${tables.length}` : ""}${t.title ? `, “${t.title}”` : ""}`;
    const shown = t.rows.length < t.total ? `the first ${count.format(t.rows.length)} of ${count.format(t.total)} rows` : `${count.format(t.total)} row${t.total === 1 ? "" : "s"}`;
    const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
    const trs = t.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("");
    return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${captionId}"><table><caption id="${captionId}">${escapeHtml(`${which}: ${shown}`)}</caption>${head}<tbody>${trs}</tbody></table></div>`;
  });
  return `<details class="chart-data"><summary>Data table (${count.format(rows)} row${rows === 1 ? "" : "s"}${tables.length > 1 ? ` in ${tables.length} tables` : ""})</summary>${body.join("")}</details>`;
}
