// What changed in a notebook's recorded results (NAME.json) between its last run and this one:
// numbers before → after with their relative change, rows of tables added, removed or changed
// (matched by key where the rows have one, e.g. domain and day), strings and booleans.
import { asPercent } from "../display/prose";
import { isObject } from "../json";

/** Two numbers closer than this, relative to the larger, are the same result (floating-point noise). */
export const RELATIVE_TOLERANCE = 1e-9;

export interface Change {
  /** The recorded result's name, as given to record(). */
  name: string;
  /** Where inside the value, e.g. `signups.peak_count` or `daily[domain=en.wikipedia.org, day=2016-01-03].estimate`; "" for the whole value. */
  path: string;
  kind: "changed" | "added" | "removed";
  before?: unknown;
  after?: unknown;
  /** (after − before) / |before| for two numbers with before ≠ 0. */
  relative?: number;
}

type Row = Record<string, unknown>;

const isTable = (v: unknown[]): v is Row[] => v.length > 0 && v.every(isObject);

export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function keyText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** A row's identity under `key`: its key columns' texts, joined. */
export function rowId(key: readonly string[], row: Row): string {
  return key.map((k) => keyText(row[k])).join("\u0000");
}

/**
 * The columns that name a row: the shortest run of leading non-numeric columns whose values are
 * unique in each table (before and after, or every run's), or undefined (rows are then matched by position).
 */
export function rowKey(...tables: Row[][]): string[] | undefined {
  const columns = Object.keys(tables.find((t) => t.length > 0)?.[0] ?? {});
  const key: string[] = [];
  for (const column of columns) {
    const values = tables.flat().map((r) => r[column]);
    if (values.some((v) => typeof v === "number" || isObject(v) || Array.isArray(v))) break;
    key.push(column);
    const unique = (rows: Row[]) => new Set(rows.map((r) => rowId(key, r))).size === rows.length;
    if (tables.every(unique)) return key;
  }
  return undefined;
}

function join(path: string, part: string): string {
  return path === "" ? part : part.startsWith("[") ? path + part : `${path}.${part}`;
}

function compare(name: string, path: string, before: unknown, after: unknown, out: Change[]): void {
  if (typeof before === "number" && typeof after === "number") {
    if (sameNumber(before, after)) return;
    out.push({ name, path, kind: "changed", before, after, ...(before !== 0 ? { relative: (after - before) / Math.abs(before) } : {}) });
  } else if (Array.isArray(before) && Array.isArray(after)) {
    compareLists(name, path, before, after, out);
  } else if (isObject(before) && isObject(after)) {
    for (const k of Object.keys(before)) {
      if (!(k in after)) out.push({ name, path: join(path, k), kind: "removed", before: before[k] });
      else compare(name, join(path, k), before[k], after[k], out);
    }
    for (const k of Object.keys(after)) if (!(k in before)) out.push({ name, path: join(path, k), kind: "added", after: after[k] });
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ name, path, kind: "changed", before, after });
  }
}

function compareLists(name: string, path: string, before: unknown[], after: unknown[], out: Change[]): void {
  const key = isTable(before) && isTable(after) ? rowKey(before, after) : undefined;
  if (key === undefined) {
    if (before.length === after.length || (isTable(before) && isTable(after))) {
      const n = Math.max(before.length, after.length);
      for (let i = 0; i < n; i++) {
        if (i >= after.length) out.push({ name, path: join(path, `[${i}]`), kind: "removed", before: before[i] });
        else if (i >= before.length) out.push({ name, path: join(path, `[${i}]`), kind: "added", after: after[i] });
        else compare(name, join(path, `[${i}]`), before[i], after[i], out);
      }
    } else {
      // A list of values whose length changed (the busiest days, say): one change for the whole list.
      out.push({ name, path, kind: "changed", before, after });
    }
    return;
  }
  const label = (r: Row) => `[${key.map((k) => `${k}=${keyText(r[k])}`).join(", ")}]`;
  const earlier = new Map((before as Row[]).map((r) => [rowId(key, r), r]));
  const later = new Map((after as Row[]).map((r) => [rowId(key, r), r]));
  for (const [k, row] of earlier) {
    const now = later.get(k);
    if (now === undefined) out.push({ name, path: join(path, label(row)), kind: "removed", before: row });
    else compare(name, join(path, label(row)), row, now, out);
  }
  for (const [k, row] of later) if (!earlier.has(k)) out.push({ name, path: join(path, label(row)), kind: "added", after: row });
}

/** Every difference between two runs' recorded results, in the order of the results. */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const out: Change[] = [];
  for (const name of Object.keys(before)) {
    if (!(name in after)) out.push({ name, path: "", kind: "removed", before: before[name] });
    else compare(name, "", before[name], after[name], out);
  }
  for (const name of Object.keys(after)) if (!(name in before)) out.push({ name, path: "", kind: "added", after: after[name] });
  return out;
}

/** The changes with the largest relative moves first (numbers only). */
export function largestMoves(changes: readonly Change[], count: number): Change[] {
  return changes
    .filter((c) => c.relative !== undefined)
    .sort((a, b) => Math.abs(b.relative!) - Math.abs(a.relative!))
    .slice(0, count);
}

export function where(change: Change): string {
  return change.path === "" ? change.name : join(change.name, change.path);
}

/** One line for the terminal, e.g. "3 results changed: total_visits 16,282 → 17,001 (+4.4 %), ...". */
export function changeSummary(changes: readonly Change[] | undefined): string {
  if (changes === undefined) return "no earlier run to compare with";
  if (changes.length === 0) return "no recorded result changed";
  const names = new Set(changes.map((c) => c.name));
  const moves = largestMoves(changes, 3).map((c) => `${where(c)} ${String(c.before)} → ${String(c.after)} (${percent(c.relative!)})`);
  return `${changes.length} change${changes.length === 1 ? "" : "s"} in ${names.size} recorded result${names.size === 1 ? "" : "s"}${moves.length > 0 ? `; largest moves: ${moves.join(", ")}` : ""}`;
}

export function percent(relative: number): string {
  return `${relative >= 0 ? "+" : "−"}${asPercent(Math.abs(relative))}`;
}
