// Loads the Clubhouse `user` table from SQLite, read-only: checks that the table and the columns
// the analysis needs are there, then reads just those five columns. SQLite scans and packs each
// range of rows into one byte string of raw values, which packed.ts reads into typed arrays: no JS
// object per row, well under a second for 1.3 M rows. Missing values ('null', NULL, '') become NaN
// in the arrays and null in the frame; times are read with their UTC offset (none means UTC).
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../errors";
import { parsePacked, parseValue, type FieldKind, type PackedField, type PackedProblem } from "./packed";
import { NEEDED, TABLE, type ColumnName } from "./schema";

export interface Users {
  /** The file as given, for messages. */
  source: string;
  count: number;
  /** Row order is the table's. Every array has `count` entries; NaN marks a missing value. */
  userId: Float64Array;
  invitedBy: Float64Array;
  followers: Float64Array;
  following: Float64Array;
  /** Sign-up time: milliseconds since the epoch, UTC. */
  createdMs: Float64Array;
  /** Every column of the table as declared; only NEEDED are read. */
  tableColumns: { name: string; type: string }[];
  /** The same five columns as a polars frame, with the dataset's names and real nulls. */
  frame: pl.DataFrame;
}

/** Rows per query: bounds the memory of one packed chunk (about 55 bytes a row). */
const CHUNK_ROWS = 1_000_000;

// Field order of the packed rows, how each is read and what a message says was expected;
// packed.ts reports problems by this index.
const PACKED: readonly (readonly [ColumnName, FieldKind, string])[] = [
  ["user_id", "id", "a whole number"],
  ["invited_by_user_profile", "optional", "a user id (a whole number) or 'null'"],
  ["num_followers", "optional", "a whole number or 'null'"],
  ["num_following", "optional", "a whole number or 'null'"],
  ["time_created", "time", "a time like 2020-03-17T07:51:28.085566+00:00"],
];
// concat() writes NULL as nothing; the values go out as SQLite prints them, parsing is ours.
const PACKED_SQL = `concat(${PACKED.map(([c]) => c).join(", ',', ")})`;

function open(path: string): Database.Database {
  if (!existsSync(path)) throw new DataError(`${path}: no such file (looked for ${resolve(path)}; expected the Clubhouse SQLite database with a table "${TABLE}")`);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch (e) {
    throw new DataError(`${path}: not a readable SQLite database (${(e as Error).message})`);
  }
}

function checkSchema(db: Database.Database, path: string): { name: string; type: string }[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  if (!tables.includes(TABLE)) {
    throw new DataError(`${path}: no table "${TABLE}" (expected the Clubhouse users table; the file has ${tables.length ? `tables ${tables.map((t) => `"${t}"`).join(", ")}` : "no tables"})`);
  }
  const columns = (db.prepare(`PRAGMA table_info("${TABLE}")`).all() as { name: string; type: string }[]).map(({ name, type }) => ({ name, type }));
  const names = new Set(columns.map((c) => c.name));
  const missing = NEEDED.filter((c) => !names.has(c));
  if (missing.length) {
    throw new DataError(
      `${path}: table "${TABLE}" has no column ${missing.map((c) => `"${c}"`).join(", ")} (it has ${columns.map((c) => c.name).join(", ")}; the analysis needs ${NEEDED.join(", ")})`,
    );
  }
  return columns;
}

function describe(v: unknown): string {
  if (v === null) return "NULL";
  if (typeof v === "string") return `'${v.length > 60 ? `${v.slice(0, 60)}…` : v}'`;
  if (v instanceof Uint8Array) return `a BLOB of ${v.length} bytes`;
  return String(v);
}

/** Whether one value, as SQLite holds it, is what the column's kind accepts: the packed reader's own rules. */
function acceptable(kind: FieldKind, v: unknown): boolean {
  if (v === null) return kind === "optional";
  if (v instanceof Uint8Array) return false;
  const text = Buffer.from(String(v));
  return parseValue(kind, text, 0, text.length) !== undefined;
}

/** Reads the one row packed.ts stumbled on and says which value is wrong and what was expected. */
function explain(db: Database.Database, path: string, range: readonly [number, number], rowsBefore: number, problem: PackedProblem): DataError {
  const row = db
    .prepare(`SELECT rowid, ${PACKED.map(([c]) => c).join(", ")} FROM "${TABLE}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid LIMIT 1 OFFSET ?`)
    .safeIntegers(true)
    .raw()
    .get(range[0], range[1], problem.row) as unknown[] | undefined;
  const where = `${path}: table "${TABLE}", row ${rowsBefore + problem.row + 1}`;
  if (!row) return new DataError(`${where}: the table changed while it was read`);
  const [rowid, ...values] = row;
  const at = `${where} (rowid ${String(rowid)}, user_id ${describe(values[0])})`;
  for (const [i, [column, kind, expected]] of PACKED.entries()) {
    if (!acceptable(kind, values[i])) return new DataError(`${at}: ${column} is ${describe(values[i])}; expected ${expected}`);
  }
  // Every value is fine on its own (cannot happen while both use the same rules): say where it stopped.
  const [column, , expected] = PACKED[problem.field] ?? PACKED[0]!;
  return new DataError(`${at}: ${column} could not be read; expected ${expected}`);
}

function frameOf(users: Omit<Users, "frame">): pl.DataFrame {
  return pl
    .DataFrame([
      pl.Series("user_id", users.userId),
      pl.Series("num_followers", users.followers),
      pl.Series("num_following", users.following),
      pl.Series("time_created", users.createdMs),
      pl.Series("invited_by_user_profile", users.invitedBy),
    ])
    .select(
      pl.col("user_id").cast(pl.Int64),
      pl.col("num_followers").fillNan(null).cast(pl.Int64),
      pl.col("num_following").fillNan(null).cast(pl.Int64),
      pl.col("time_created").cast(pl.Int64).cast(pl.Datetime("ms", "UTC")),
      pl.col("invited_by_user_profile").fillNan(null).cast(pl.Int64),
    );
}

export interface LoadOptions {
  /** Rows per query (default a million); small values exercise the chunking in tests. */
  chunkRows?: number;
}

/** Loads the users of a Clubhouse database; every problem is a DataError naming the file, row and column. */
export function loadUsers(path: string, options: LoadOptions = {}): Users {
  const db = open(path);
  try {
    const tableColumns = checkSchema(db, path);
    const { lo, hi, count } = db.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi, count(*) AS count FROM "${TABLE}"`).get() as { lo: number | null; hi: number | null; count: number };
    if (count === 0 || lo === null || hi === null) throw new DataError(`${path}: table "${TABLE}" is empty (expected one row per user)`);

    const users = {
      source: path,
      count,
      userId: new Float64Array(count),
      invitedBy: new Float64Array(count),
      followers: new Float64Array(count),
      following: new Float64Array(count),
      createdMs: new Float64Array(count),
      tableColumns,
    };
    const targets = [users.userId, users.invitedBy, users.followers, users.following, users.createdMs];
    const fields: PackedField[] = PACKED.map(([, kind], i) => ({ kind, into: targets[i]! }));
    // As a BLOB: the bytes arrive as a Buffer, not decoded into a JS string. A range of rowids is
    // scanned in rowid order, so the packed rows come in table order and `explain` finds them again.
    const query = db.prepare(`SELECT CAST(group_concat(${PACKED_SQL}, ';') AS BLOB) FROM "${TABLE}" WHERE rowid BETWEEN ? AND ?`).pluck();
    const chunks = Math.ceil(count / (options.chunkRows ?? CHUNK_ROWS));
    const span = Math.ceil((hi - lo + 1) / chunks);
    let read = 0;
    for (let start = lo; start <= hi; start += span) {
      const range = [start, Math.min(hi, start + span - 1)] as const;
      const bytes = query.get(range[0], range[1]) as Buffer | null;
      if (bytes === null) continue;
      const result = parsePacked(bytes, fields, read);
      if ("field" in result) throw explain(db, path, range, read, result);
      read += result.rows;
    }
    if (read !== count) throw new DataError(`${path}: table "${TABLE}" changed while it was read (${count} rows counted, ${read} read)`);
    return { ...users, frame: frameOf(users) };
  } catch (e) {
    // SQLite's own complaints (a WITHOUT ROWID table, a corrupt page) still name the file.
    if (e instanceof DataError) throw e;
    throw new DataError(`${path}: reading table "${TABLE}" failed (${(e as Error).message})`);
  } finally {
    db.close();
  }
}
