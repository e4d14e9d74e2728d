// Loads the Clubhouse `user` table from SQLite, read-only: checks that the table and the columns
// the analysis needs are there, then reads just those five columns into typed arrays. Missing values
// ('null', NULL, '') become NaN in the arrays and null in the frame; times are read with their UTC
// offset (none means UTC).
//
// The plain version is a loop over the rows, each value read by parseValue (packed.ts): it is kept
// as code in load-users-plain.ts, the tests' oracle and the bench's baseline (`npm run bench --
// loaders`). It makes a JS array and a string per value for every one of the 1.3 million users. Instead SQLite
// packs the raw values of many rows into one buffer (scan.ts) that packed.ts reads straight into the
// arrays, by the same rules; and a large table is read in two halves at once, the second by a worker
// thread on its own connection (load-worker.ts). Both were measured against the plain ways on the
// full database; the figures are in the commit messages.
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../../errors";
import { noteInput } from "../../io/inputs";
import { workerAnswer } from "../../worker-script";
import type { WorkerTask } from "./load-worker";
import { parseValue, type FieldKind, type PackedProblem } from "./packed";
import { PACKED, scanRange, type RowidRange, type ScanProblem } from "./scan";
import { NEEDED, TABLE } from "./schema";

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
  /**
   * The same five columns as a polars DataFrame, with the dataset's names, polars types and real
   * nulls. Built the first time it is asked for, once: an analysis that only uses the arrays never pays for it.
   */
  readonly frame: pl.DataFrame;
}

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

type UserColumns = Pick<Users, "userId" | "followers" | "following" | "createdMs" | "invitedBy">;

/** The frame's columns in order: the dataset's name, the typed array and the polars type (NaN becomes null). */
const FRAME = [
  { name: "user_id", values: (u: UserColumns) => u.userId, dtype: pl.Int64 },
  { name: "num_followers", values: (u: UserColumns) => u.followers, dtype: pl.Int64 },
  { name: "num_following", values: (u: UserColumns) => u.following, dtype: pl.Int64 },
  { name: "time_created", values: (u: UserColumns) => u.createdMs, dtype: pl.Datetime("us", "UTC") },
  { name: "invited_by_user_profile", values: (u: UserColumns) => u.invitedBy, dtype: pl.Int64 },
] as const;

/** The first `rows` users as a polars DataFrame. */
function frameOf(users: UserColumns, rows: number): pl.DataFrame {
  return pl
    .DataFrame(FRAME.map((c) => pl.Series(c.name, c.values(users).subarray(0, rows))))
    .select(...FRAME.map((c) => (c.dtype === pl.Int64 ? pl.col(c.name).fillNan(null).cast(pl.Int64) : pl.col(c.name).mul(1000).round(0).cast(pl.Int64).cast(c.dtype))));
}

function nanCount(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) n++;
  return n;
}

/** Per column of the frame, from the arrays (the frame need not be built): its polars type and its missing values. */
export function frameColumns(users: UserColumns): { name: string; dtype: pl.DataType; length: number; missing: number }[] {
  return FRAME.map((c) => {
    const values = c.values(users);
    return { name: c.name, dtype: c.dtype, length: values.length, missing: nanCount(values) };
  });
}

export interface LoadOptions {
  /** Rows per query (default a million); small values exercise the chunking in tests. */
  chunkRows?: number;
  /** Worker threads reading part of the table beside the main thread: by default one when the table has 200,000 rows or more and the machine more than one core, none otherwise. */
  workers?: number;
}

const WORKER_FROM_ROWS = 200_000;
/** A rowid span up to this wide is allocated for without counting the rows (5 arrays of 8 bytes a row: 160 MB at most). */
const DENSE_SPAN = 4_000_000;

type PartResult = { result: { rows: number } | ScanProblem; arrays: Float64Array[] };

function readInWorker(task: WorkerTask): Promise<PartResult> {
  return workerAnswer(__dirname, "load-worker", task, "a worker thread");
}

/**
 * Splits the rowids [lo, hi] into `parts` ranges, the first (this thread's) a little larger: a
 * worker has to start and open its own connection before it reads. A range's `capacity` bounds its
 * rows: its rowids, or `rows` if fewer.
 */
function split(lo: number, hi: number, rows: number, parts: number): { range: RowidRange; capacity: number }[] {
  const rowids = hi - lo + 1;
  const first = parts === 1 ? rowids : Math.ceil(rowids * 0.55);
  const rest = Math.ceil((rowids - first) / Math.max(1, parts - 1));
  const out: { range: RowidRange; capacity: number }[] = [];
  for (let start = lo; start <= hi; ) {
    const end = Math.min(hi, start + (out.length === 0 ? first : rest) - 1);
    out.push({ range: [start, end], capacity: Math.min(end - start + 1, rows) });
    start = end + 1;
  }
  return out;
}

/** The database at `path`, open read-only, with its user table's columns checked. */
export function checkedDatabase(path: string): { db: Database.Database; tableColumns: { name: string; type: string }[] } {
  const db = open(path);
  try {
    return { db, tableColumns: checkSchema(db, path) };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The Users of `read` rows read into `targets` (PACKED's field order). */
export function usersFrom(path: string, tableColumns: { name: string; type: string }[], targets: readonly Float64Array[], read: number): Users {
  const [userId, invitedBy, followers, following, createdMs] = targets.map((a) => (read === a.length ? a : a.slice(0, read))) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const columns = { userId, invitedBy, followers, following, createdMs };
  let frame: pl.DataFrame | undefined;
  return {
    source: path,
    count: read,
    ...columns,
    tableColumns,
    get frame() {
      return (frame ??= frameOf(columns, read));
    },
  };
}

/** Loads the users of a Clubhouse database; every problem is a DataError naming the file, row and column. */
export async function loadUsers(path: string, options: LoadOptions = {}): Promise<Users> {
  noteInput(path);
  const db = open(path);
  const empty = () => new DataError(`${path}: table "${TABLE}" is empty (expected one row per user)`);
  try {
    const tableColumns = checkSchema(db, path);
    // One aggregate per query: SQLite finds a lone min() or max() of the rowid at the ends of the
    // b-tree, but scans the whole table for min and max together.
    const one = (aggregate: string) => db.prepare(`SELECT ${aggregate} FROM "${TABLE}"`).pluck().get() as number | null;
    const [lo, hi] = [one("min(rowid)"), one("max(rowid)")];
    if (lo === null || hi === null) throw empty();
    // The rows are at most the rowid span. Counting them costs a scan of the whole table, so only a
    // span too wide to allocate for is counted (rowids with large gaps).
    const span = hi - lo + 1;
    const counted = span <= DENSE_SPAN ? undefined : (one("count(*)") ?? 0);
    const capacity = counted ?? span;

    // In PACKED's field order: userId, invitedBy, followers, following, createdMs.
    const targets = PACKED.map(() => new Float64Array(capacity));
    const workers = options.workers ?? (capacity >= WORKER_FROM_ROWS && availableParallelism() > 1 ? 1 : 0);
    const [here, ...there] = split(lo, hi, capacity, workers + 1);
    // The workers start first and read while this thread reads the first range into the final arrays.
    const away = there.map((part) => readInWorker({ path, range: part.range, rows: part.capacity, chunkRows: options.chunkRows }));
    const results: { result: PartResult["result"]; arrays?: Float64Array[] }[] = [{ result: scanRange(db, here!.range, here!.capacity, targets, 0, options.chunkRows) }];
    results.push(...(await Promise.all(away)));
    let read = 0;
    for (const { result, arrays } of results) {
      if ("problem" in result) throw explain(db, path, result.chunk, read + result.rowsBefore, result.problem);
      if (read + result.rows > capacity) {
        throw new DataError(`${path}: table "${TABLE}" changed while it was read (more than ${capacity} rows, ${counted === undefined ? "its rowid span" : "its count"})`);
      }
      arrays?.forEach((a, i) => targets[i]!.set(a.subarray(0, result.rows), read));
      read += result.rows;
    }
    if (counted !== undefined && read !== counted) throw new DataError(`${path}: table "${TABLE}" changed while it was read (${counted} rows counted, ${read} read)`);
    if (read === 0) throw empty();
    return usersFrom(path, tableColumns, targets, read);
  } catch (e) {
    // SQLite's own complaints (a WITHOUT ROWID table, a corrupt page) still name the file.
    if (e instanceof DataError) throw e;
    throw new DataError(`${path}: reading table "${TABLE}" failed (${(e as Error).message})`);
  } finally {
    db.close();
  }
}
