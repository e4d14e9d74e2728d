// A snapshot folder: the documents of an index pattern pulled in parts, the first a full pull, each
// later one what was new since (`npm run snapshot:jelly -- --update DIR`), and manifest.json, which
// lists the parts in order and is the folder's one source of truth: a part file it does not list
// (left by a pull that broke off) is not part of the snapshot.
//
//   DIR/manifest.json
//   DIR/part-000001.ndjson.gz      one hit a line, {_index, _id, _source}, as a single-file snapshot
//   DIR/part-000002.ndjson.gz
//
// Each part records where it ends (`through`): the last time the engine sorted by, in whole
// milliseconds, and the documents (_index, _id) at exactly that millisecond. The next update asks
// for the documents at or after that millisecond and leaves out those already pulled: nothing is
// skipped, nothing read twice, whatever the clock's resolution. A document indexed later with a
// time before that point is not seen by an update (a full pull sees it).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../../errors";
import type { Engine } from "./snapshot-engine";

export const MANIFEST = "manifest.json";
const FORMAT = "jelly-snapshot/1";

export interface Position {
  /** Milliseconds since the epoch (UTC) of the last document, as the engine sorted it. */
  ms: number;
  /** [_index, _id] of each document pulled at exactly that millisecond. */
  ids: [string, string][];
}

export interface Part {
  file: string;
  documents: number;
  /** Bytes on disk, checked when the folder is read (a part cut short is an error, not less data). */
  bytes: number;
  /** When the pull began (ISO 8601, UTC). */
  pulledAt: string;
  /** Where the part begins (null: a full pull) and ends (null: no document had a time). */
  after: Position | null;
  through: Position | null;
}

export interface Manifest {
  format: typeof FORMAT;
  engine: Engine;
  /** The node's URL (never with credentials) and the index pattern the parts come from. */
  node: string;
  index: string;
  parts: Part[];
}

export function newManifest(engine: Engine, node: string, index: string): Manifest {
  return { format: FORMAT, engine, node, index, parts: [] };
}

/** part-000001.ndjson.gz, … : the n-th part (1-based), named so that names sort in order. */
export function partName(n: number): string {
  return `part-${String(n).padStart(6, "0")}.ndjson.gz`;
}

/** Where the snapshot ends: the last part's end that has one (null when none does). */
export function lastPosition(manifest: Manifest): Position | null {
  for (let i = manifest.parts.length - 1; i >= 0; i--) {
    const through = (manifest.parts[i] as Part).through;
    if (through) return through;
  }
  return null;
}

/** Whether `dir` is a folder (a snapshot folder, or one to become one). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The manifest of the folder, checked; undefined when the folder has none yet. */
export function readManifest(dir: string): Manifest | undefined {
  const file = join(dir, MANIFEST);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DataError(`${file}: cannot be read (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return checkManifest(json, file);
}

/** The folder's parts, each with its path, checked against the manifest (present, of the size it lists). */
export function snapshotParts(dir: string): { manifest: Manifest; paths: string[] } {
  const manifest = readManifest(dir);
  if (!manifest) throw new DataError(`${dir}: a folder without ${MANIFEST}, so not a snapshot folder (npm run snapshot:jelly -- --update ${dir} makes one)`);
  const paths = manifest.parts.map((part) => {
    const path = join(dir, part.file);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new DataError(`${path}: listed in ${MANIFEST} but absent`);
    }
    if (size !== part.bytes) throw new DataError(`${path}: ${size.toLocaleString("en-US")} bytes, but ${MANIFEST} lists ${part.bytes.toLocaleString("en-US")} (changed or cut short since it was pulled)`);
    return path;
  });
  return { manifest, paths };
}

function checkManifest(json: unknown, file: string): Manifest {
  const bad = (where: string, expected: string): never => {
    throw new DataError(`${file}: expected ${where} to be ${expected}`);
  };
  if (!isRecord(json)) return bad("the file", "a JSON object");
  if (json["format"] !== FORMAT) bad("'format'", JSON.stringify(FORMAT));
  if (json["engine"] !== "elasticsearch" && json["engine"] !== "opensearch") bad("'engine'", '"elasticsearch" or "opensearch"');
  for (const key of ["node", "index"]) if (typeof json[key] !== "string") bad(`'${key}'`, "a string");
  if (!Array.isArray(json["parts"])) return bad("'parts'", "a list");
  json["parts"].forEach((part: unknown, i: number) => {
    const at = `parts[${i}]`;
    if (!isRecord(part)) return bad(at, "an object");
    if (part["file"] !== partName(i + 1)) bad(`${at}.file`, JSON.stringify(partName(i + 1)));
    for (const key of ["documents", "bytes"]) if (!Number.isSafeInteger(part[key]) || (part[key] as number) < 0) bad(`${at}.${key}`, "a count");
    if (typeof part["pulledAt"] !== "string") bad(`${at}.pulledAt`, "a time");
    for (const key of ["after", "through"]) if (part[key] !== null && !isPosition(part[key])) bad(`${at}.${key}`, "null or {ms, ids: [[_index, _id], …]}");
    return undefined;
  });
  return json as unknown as Manifest;
}

function isPosition(v: unknown): v is Position {
  return isRecord(v) && Number.isSafeInteger(v["ms"]) && Array.isArray(v["ids"]) && v["ids"].every((p: unknown) => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
