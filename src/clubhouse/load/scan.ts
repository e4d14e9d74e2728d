// Reads one range of rowids of the `user` table into typed arrays: the part of the loader that runs
// both on the main thread and in a worker thread (load-worker.ts), each on its own connection.
// SQLite scans and packs each chunk of rows into one byte string of raw values (its own integer and
// text formatting, no JS value per row), which packed.ts reads into the arrays.
import type Database from "better-sqlite3";
import { parsePacked, type FieldKind, type PackedField, type PackedProblem } from "./packed";
import { TABLE, type ColumnName } from "./schema";

// Field order of the packed rows, how each is read and what a message says was expected;
// packed.ts reports problems by this index.
export const PACKED: readonly (readonly [ColumnName, FieldKind, string])[] = [
  ["user_id", "id", "a whole number"],
  ["invited_by_user_profile", "optional", "a user id (a whole number) or 'null'"],
  ["num_followers", "optional", "a whole number or 'null'"],
  ["num_following", "optional", "a whole number or 'null'"],
  ["time_created", "time", "a time like 2020-03-17T07:51:28.085566+00:00"],
];
// concat() writes NULL as nothing; the values go out as SQLite prints them, parsing is ours.
const PACKED_SQL = `concat(${PACKED.map(([c]) => c).join(", ',', ")})`;

export type RowidRange = readonly [number, number];

/** Where the packed rows stopped being what was expected: the chunk, the rows of the range before it, and the problem within it. */
export interface ScanProblem {
  chunk: RowidRange;
  rowsBefore: number;
  problem: PackedProblem;
}

/** Rows per query by default: bounds the memory of one packed chunk (about 55 bytes a row). */
export const CHUNK_ROWS = 1_000_000;

/**
 * Reads the rows with rowid in `range` (at most `rows` of them, which sizes the chunks) into `into`
 * (one array per PACKED field, in that order) from index `offset` on; the chunks are scanned in
 * rowid order, so the rows come in table order. Returns the rows read or the first problem.
 */
export function scanRange(db: Database.Database, range: RowidRange, rows: number, into: readonly Float64Array[], offset: number, chunkRows = CHUNK_ROWS): { rows: number } | ScanProblem {
  const fields: PackedField[] = PACKED.map(([, kind], i) => ({ kind, into: into[i]! }));
  // As a BLOB: the bytes arrive as a Buffer, not decoded into a JS string.
  const query = db.prepare(`SELECT CAST(group_concat(${PACKED_SQL}, ';') AS BLOB) FROM "${TABLE}" WHERE rowid BETWEEN ? AND ?`).pluck();
  const [lo, hi] = range;
  const span = Math.ceil((hi - lo + 1) / Math.max(1, Math.ceil(rows / chunkRows)));
  let read = 0;
  for (let start = lo; start <= hi; start += span) {
    const chunk = [start, Math.min(hi, start + span - 1)] as const;
    const bytes = query.get(chunk[0], chunk[1]) as Buffer | null;
    if (bytes === null) continue;
    const result = parsePacked(bytes, fields, offset + read);
    if ("field" in result) return { chunk, rowsBefore: read, problem: result };
    read += result.rows;
  }
  return { rows: read };
}
