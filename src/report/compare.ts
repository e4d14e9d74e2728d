// Several runs of one notebook side by side, from their recorded results (NAME.json) only:
// each number with its difference to the first run, each table's rows matched by their key
// columns (the rule of the results diff, notebook/changes.ts), other values, and the claims of
// every run. What NAME.compare.json holds and NAME.compare.html shows.
import { rowId, rowKey, sameNumber } from "../notebook/changes";
import { isObject } from "../json";

type Row = Record<string, unknown>;

export interface ComparedRun {
  name: string;
  parameters: Record<string, unknown>;
  /** When its last good run started (its seal), if it has one. */
  started?: string;
  /** Its recorded results; undefined when it has no report (never ran, or only failed). */
  records?: Record<string, unknown>;
}

export interface NumberRow {
  /** `total_visits`, or `signups.peak_count` inside an object. */
  result: string;
  /** One per run; null where the run has no such number. */
  values: (number | null)[];
  /** value − the first run's value (0 within the results diff's tolerance), null where either is missing. */
  differences: (number | null)[];
  /** difference / |first run's value|, null where that is 0 or missing. */
  relative: (number | null)[];
}

export interface TableComparison {
  result: string;
  /** The columns that match rows across runs; null: rows are matched by position. */
  key: string[] | null;
  columns: string[];
  /** One per row found in any run, in the order they are first met; `cells` has the run's row, or null where it has none. */
  rows: { key: Record<string, unknown>; cells: (Row | null)[] }[];
}

export interface ValueRow {
  result: string;
  /** One per run; null where the run has no such result (a recorded null is shown as null too). */
  values: unknown[];
}

export type Holds = boolean | null | "absent";

export interface ClaimRow {
  text: string;
  /** One per run: true, false, null (not checked: the data it needs are missing) or "absent" (the run made no such claim). */
  holds: Holds[];
}

export interface Comparison {
  format: 1;
  set: string;
  notebook: string;
  runs: { name: string; parameters: Record<string, unknown>; started: string | null; report: boolean }[];
  /**
   * The runs (indices into `runs`) each number's chart draws, in order: a grid's runs, so that a
   * run listed beside the grid (the whole period beside each month) does not join its line; all
   * the runs when there is no grid of two or more.
   */
  line: number[];
  numbers: NumberRow[];
  tables: TableComparison[];
  values: ValueRow[];
  claims: ClaimRow[];
}

const isTable = (v: unknown): v is Row[] => Array.isArray(v) && v.length > 0 && v.every(isObject);
const isClaims = (v: unknown): v is { text: string; holds: unknown }[] => Array.isArray(v) && v.every((c) => isObject(c) && typeof c["text"] === "string");

type Leaf = { kind: "number" | "table" | "value"; value: unknown };

/** A run's results as leaves: numbers (inside objects too, `a.b`), tables, and any other value whole. */
function leaves(records: Record<string, unknown>, out: Map<string, Leaf>, path = ""): void {
  for (const [k, v] of Object.entries(records)) {
    const at = path === "" ? k : `${path}.${k}`;
    if (path === "" && k === "claims" && isClaims(v)) continue;
    if (typeof v === "number") out.set(at, { kind: "number", value: v });
    else if (isObject(v)) leaves(v, out, at);
    else if (isTable(v)) out.set(at, { kind: "table", value: v });
    else out.set(at, { kind: "value", value: v });
  }
}

function compareTable(result: string, tables: (Row[] | undefined)[]): TableComparison {
  const present = tables.filter((t): t is Row[] => t !== undefined);
  const key = rowKey(...present);
  const columns = [...new Set(present.flatMap((t) => t.flatMap((r) => Object.keys(r))))];
  const rows = new Map<string, { key: Record<string, unknown>; cells: (Row | null)[] }>();
  tables.forEach((table, run) => {
    (table ?? []).forEach((row, i) => {
      const id = key ? rowId(key, row) : String(i);
      let entry = rows.get(id);
      if (entry === undefined) {
        entry = { key: key ? Object.fromEntries(key.map((k) => [k, row[k]])) : { row: i + 1 }, cells: tables.map(() => null) };
        rows.set(id, entry);
      }
      entry.cells[run] = row;
    });
  });
  return { result, key: key ?? null, columns, rows: [...rows.values()] };
}

function claimState(v: unknown): boolean | null {
  return v === true ? true : v === false ? false : null;
}

/** The runs' recorded results side by side; runs without a report are columns of their own, empty. */
export function compareRuns(set: string, notebook: string, runs: readonly ComparedRun[], grid: readonly string[] = []): Comparison {
  const perRun = runs.map((r) => {
    const m = new Map<string, Leaf>();
    if (r.records) leaves(r.records, m);
    return m;
  });
  const paths = [...new Set(perRun.flatMap((m) => [...m.keys()]))];
  const numbers: NumberRow[] = [];
  const tables: TableComparison[] = [];
  const values: ValueRow[] = [];
  for (const path of paths) {
    const found = perRun.map((m) => m.get(path));
    const kinds = new Set(found.flatMap((l) => (l ? [l.kind] : [])));
    if (kinds.size === 1 && kinds.has("number")) {
      const vs = found.map((l) => (l ? (l.value as number) : null));
      const first = vs[0] ?? null;
      const differences = vs.map((v) => (v === null || first === null ? null : sameNumber(v, first) ? 0 : v - first));
      const relative = differences.map((d) => (d === null || first === null || first === 0 ? null : d / Math.abs(first)));
      numbers.push({ result: path, values: vs, differences, relative });
    } else if (kinds.size === 1 && kinds.has("table")) {
      tables.push(compareTable(path, found.map((l) => (l ? (l.value as Row[]) : undefined))));
    } else {
      values.push({ result: path, values: found.map((l) => (l ? l.value : null)) });
    }
  }
  const claimTexts = [...new Set(runs.flatMap((r) => {
    const list = r.records?.["claims"];
    return isClaims(list) ? list.map((c) => c.text) : [];
  }))];
  const claims = claimTexts.map((text) => ({
    text,
    holds: runs.map((r): Holds => {
      const list = r.records?.["claims"];
      const claim = isClaims(list) ? list.find((c) => c.text === text) : undefined;
      return claim === undefined ? "absent" : claimState(claim.holds);
    }),
  }));
  return {
    format: 1,
    set,
    notebook,
    runs: runs.map((r) => ({ name: r.name, parameters: r.parameters, started: r.started ?? null, report: r.records !== undefined })),
    line: grid.length >= 2 ? runs.flatMap((r, i) => (grid.includes(r.name) ? [i] : [])) : runs.map((_, i) => i),
    numbers,
    tables,
    values,
    claims,
  };
}

/** Whether a table's cell in run `i` differs from the first run's (numbers within the results diff's tolerance). */
export function cellDiffers(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return !sameNumber(a, b);
  return JSON.stringify(a) !== JSON.stringify(b);
}
