// record(name, value): keeps a result of the analysis so the run can collect it into NAME.json.
// Uses scrapbook's "glue" format, so `scrapbook.read_notebook(...).scraps` reads our notebooks too:
// https://nteract-scrapbook.readthedocs.io/en/latest/
import { DataError } from "../errors";
import { emit } from "./emit";

export const SCRAP_MIME = "application/scrapbook.scrap.json+json";

export interface Scrap {
  name: string;
  data: unknown;
  encoder: "json";
  version: 1;
}

/** The path of the first value JSON cannot hold faithfully (NaN, Infinity, undefined, a function, a bigint, a cycle). */
export function findUnserialisable(value: unknown, path = "", seen = new Set<object>()): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path || "the value"} is ${value}`;
  if (typeof value !== "object") return `${path || "the value"} is ${typeof value === "undefined" ? "undefined" : `a ${typeof value}`}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? `${path || "the value"} is an invalid Date` : undefined;
  if (seen.has(value)) return `${path || "the value"} refers to itself`;
  seen.add(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
  for (const [key, v] of entries) {
    const bad = findUnserialisable(v, path + key, seen);
    if (bad) return bad;
  }
  seen.delete(value);
  return undefined;
}

/** Records a JSON-serialisable result under `name`; a value JSON would silently change is an error. */
export function record(name: string, value: unknown): void {
  if (name.trim() === "") throw new DataError("record(): the name is empty");
  const bad = findUnserialisable(value);
  if (bad) throw new DataError(`record("${name}"): ${bad}, which JSON cannot hold; round or replace it first`);
  const scrap: Scrap = { name, data: JSON.parse(JSON.stringify(value)) as unknown, encoder: "json", version: 1 };
  emit({ [SCRAP_MIME]: scrap }, { scrapbook: { name, data: true, display: false } });
}
