// loadEvents: a snapshot of the Elasticsearch index (ndjson-reader.ts) as one polars frame, the only
// way in for the analysis. Documents are flattened to dotted column names as pandas' json_normalize
// does (`_source.message_decoded.data.uuid`), only the columns asked for are kept, and a `time` column
// comes from `_source.@timestamp`; rows are sorted by it, as the original's set_index and sort_index.
//
// The fast path: a large file's blocks of lines are parsed by two worker threads (worker-pool.ts,
// load-worker.ts), as parsing each line's JSON is most of the loader's work; each block comes back
// packed into typed arrays (packed-block.ts), its text columns as dictionaries, so that the frame is
// built with each distinct string converted to polars once. A small file has its blocks packed the
// same way on this thread (readHere). The plain version, kept as code beside it
// (load-events-plain.ts), reads the blocks on this thread and builds each column from the rows'
// values; it is the tests' oracle, and `npm run bench -- loaders` times the two.
//
// A snapshot folder (snapshot-manifest.ts) is read part after part, in the manifest's order, as one
// file would be: `line` counts on from one part to the next, so it stays unique, and an error names
// the part and its own line. A document pulled again in a later part (re-indexed under the same
// _index and _id) counts once, as its newest copy.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../../errors";
import { noteInput } from "../../io/inputs";
import { KEPT_BAD_LINES, readBlocks, type BadLine, type LineCounts, type ReadOptions } from "./ndjson-reader";
import { columnValues, Dictionary, pack, unpackStrings, type PackedBlock, type PackedColumn } from "./packed-block";
import { isFolder, MANIFEST, snapshotParts } from "./snapshot-manifest";
import { readInWorkers } from "./worker-pool";

export type { BadLine } from "./ndjson-reader";

export interface LoadOptions extends ReadOptions {
  /** Worker threads parsing lines: by default two (or one per core, if fewer) for files over 8 MB, none for smaller ones. */
  workers?: number;
}

export interface LoadedEvents {
  /** The path the events were read from, as given. */
  file: string;
  /**
   * `line` (the document's line in the file), `time` (UTC, Datetime("ns"): to the nanosecond, as
   * the file has it), then the columns, sorted by time (ties keep file order).
   */
  frame: pl.DataFrame;
  /** Documents read, bad ones included (blank lines are not documents). */
  documents: number;
  /** Bad lines skipped (only with skipBadLines; without it the first bad line is a DataError). */
  skipped: number;
  /** The first few skipped lines and why. */
  badLines: BadLine[];
  /** A snapshot folder's older copies of documents pulled again in a later part, left out (0 for a file). */
  superseded?: number;
}

const WORKERS_FROM_BYTES = 8 << 20;

export async function loadEvents(path: string, options: LoadOptions = {}): Promise<LoadedEvents> {
  return loadWith(path, options, {
    blocks: (file, read) => {
      const count = options.workers ?? defaultWorkers(file);
      return count > 0 ? readInWorkers(file, read, count) : readHere(file, read);
    },
    frame: (blocks) => assemble(blocks, blocks.map((b) => b.names), (frame, name) => withColumn(frame, name, blocks)),
  });
}

/** What a block of rows has, packed or not, that the reading of files and folders needs. */
export interface Rows extends LineCounts {
  lines: { length: number; [i: number]: number };
  times: ArrayLike<number>;
  subMs: ArrayLike<number>;
}

/** How a file's blocks are read, and how they become the frame: the fast path's way, or the plain one's. */
export interface Reading<B extends Rows> {
  blocks(path: string, read: ReadOptions): Promise<B[]>;
  frame(blocks: B[]): Omit<LoadedEvents, "file">;
}

/** A file or a snapshot folder, read the given way. */
export async function loadWith<B extends Rows>(path: string, options: ReadOptions, reading: Reading<B>): Promise<LoadedEvents> {
  if (isFolder(path)) return loadFolder(path, options, reading);
  noteInput(path);
  const read: ReadOptions = { ...(options.columns ? { columns: [...options.columns] } : {}), ...(options.skipBadLines ? { skipBadLines: true } : {}) };
  return { file: path, ...reading.frame(await readFile(path, read, reading)) };
}

/** The file's blocks, or a DataError naming the file (and the line of its first bad line). */
async function readFile<B extends Rows>(path: string, read: ReadOptions, reading: Reading<B>): Promise<B[]> {
  const name = basename(path);
  let blocks: B[];
  try {
    blocks = await reading.blocks(path, read);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new DataError(`${path}: no such file`);
    throw new DataError(`${name}: cannot be read (${(e as Error).message})`);
  }
  const error = blocks.find((b) => b.error)?.error;
  if (error) throw new DataError(`${name} line ${error.line}: ${error.reason}`);
  return blocks;
}

const KEY = ["_index", "_id"];

async function loadFolder<B extends Rows>(dir: string, options: ReadOptions, reading: Reading<B>): Promise<LoadedEvents> {
  noteInput(join(dir, MANIFEST));
  const { paths } = snapshotParts(dir);
  // The key of each document is read along, to keep the newest copy of each.
  const columns = options.columns ? [...new Set([...options.columns, ...KEY])] : undefined;
  const read: ReadOptions = { ...(columns ? { columns } : {}), ...(options.skipBadLines ? { skipBadLines: true } : {}) };
  const blocks: B[] = [];
  let lines = 0; // in the parts before this one
  for (const path of paths) {
    noteInput(path);
    const part = await readFile(path, read, reading);
    for (const block of part) {
      for (const bad of block.badLines) bad.file = basename(path);
      if (lines > 0) for (let i = 0; i < block.lines.length; i++) (block.lines[i] as number) += lines;
    }
    lines += part.reduce((n, b) => n + b.lineCount, 0);
    blocks.push(...part);
  }
  const all = reading.frame(blocks);
  // Later line = later part (or later in the same part): the newest copy. Documents without an _id
  // (bare _source lines) are all kept.
  const newest = all.frame.filter(pl.col("_id").isNull().or(pl.col("line").eq(pl.col("line").max().over("_index", "_id"))));
  const superseded = all.frame.height - newest.height;
  const frame = options.columns ? newest.drop(KEY.filter((k) => !options.columns?.includes(k))) : newest;
  return { file: dir, ...all, frame, documents: all.documents - superseded, superseded };
}

function defaultWorkers(path: string): number {
  const cores = availableParallelism();
  return statSync(path).size >= WORKERS_FROM_BYTES && cores > 1 ? Math.min(2, cores) : 0;
}

/** The blocks read on this thread, packed as a worker packs them. */
async function readHere(path: string, options: ReadOptions): Promise<PackedBlock[]> {
  return (await readBlocks(path, options)).map((block) => pack(block).packed);
}

/**
 * The frame: `line`, `time`, then each column named in the blocks (in the order they first show it,
 * each added by `withColumn`), sorted by time; and the counts.
 */
export function assemble<B extends Rows>(blocks: B[], names: string[][], withColumn: (frame: pl.DataFrame, name: string) => pl.DataFrame): Omit<LoadedEvents, "file"> {
  const rows = blocks.reduce((n, b) => n + b.times.length, 0);
  const lines = new Int32Array(rows);
  const times = new Float64Array(rows);
  const subMs = new Int32Array(rows);
  let at = 0;
  let skipped = 0;
  let documents = 0;
  const badLines: BadLine[] = [];
  for (const b of blocks) {
    lines.set(b.lines as ArrayLike<number>, at);
    times.set(b.times, at);
    subMs.set(b.subMs, at);
    at += b.times.length;
    skipped += b.skipped;
    documents += b.times.length + b.skipped;
    for (const bad of b.badLines) if (badLines.length < KEPT_BAD_LINES) badLines.push(bad);
  }
  let frame: pl.DataFrame = pl.DataFrame([pl.Series("line", lines), nanosecondTimes(times, subMs), pl.Series("__row", Int32Array.from({ length: rows }, (_, i) => i))]);
  for (const name of new Set(names.flat())) frame = withColumn(frame, name);
  // Time order; equal times keep their order in the file.
  frame = frame.sort(["time", "__row"]).drop("__row");
  return { frame, documents, skipped, badLines };
}

/** A packed column: text from the blocks' dictionaries, anything else value by value. */
function withColumn(frame: pl.DataFrame, name: string, blocks: PackedBlock[]): pl.DataFrame {
  const parts = blocks.map((b) => {
    const c = b.names.indexOf(name);
    return { rows: b.times.length, column: c < 0 ? undefined : (b.columns[c] as PackedColumn) };
  });
  if (parts.every((p) => !p.column || p.column.kind === "dictionary")) return withDictionaryColumn(frame, name, parts, frame.height);
  return frame.withColumns(toSeries(name, parts.flatMap((p) => (p.column ? columnValues(p.column) : new Array<unknown>(p.rows).fill(null)))));
}

/**
 * `time` as Datetime("ns", "UTC"): ms · 10⁶ + ns in Int64. (Nanoseconds since the epoch exceed 2^53,
 * so they cannot pass through JS numbers; and polars multiplies an Int64 column by a JS number in
 * Float64, hence the Int64 literal.)
 */
function nanosecondTimes(ms: Float64Array, subMs: Int32Array): pl.Series {
  return pl
    .DataFrame([pl.Series("ms", ms), pl.Series("sub", subMs)])
    .select(pl.col("ms").cast(pl.Int64).mul(pl.lit(1_000_000).cast(pl.Int64)).add(pl.col("sub").cast(pl.Int64)).cast(pl.Datetime("ns", "UTC")).alias("time"))
    .getColumn("time");
}

/**
 * A text column from per-block dictionaries: one dictionary for the whole file, a code per row, and
 * a join that turns codes into values, so each distinct string is converted to polars once.
 */
function withDictionaryColumn(frame: pl.DataFrame, name: string, parts: { rows: number; column: PackedColumn | undefined }[], rows: number): pl.DataFrame {
  const file = new Dictionary();
  const codes = new Int32Array(rows).fill(-1);
  let at = 0;
  for (const { rows: n, column } of parts) {
    if (column?.kind === "dictionary") {
      const remap = Int32Array.from(unpackStrings(column.dictionary), (value) => file.code(value));
      for (let i = 0; i < n; i++) {
        const c = column.codes[i] as number;
        if (c >= 0) codes[at + i] = remap[c] as number;
      }
    }
    at += n;
  }
  const code = "__code";
  const dictionary = pl.DataFrame([pl.Series(code, Int32Array.from({ length: file.distinct.length }, (_, i) => i)), pl.Series(name, file.distinct, pl.Utf8)]);
  return frame
    .withColumns(pl.Series(code, codes))
    .join(dictionary, { on: code, how: "left" })
    .drop(code);
}

/** Numbers → Float64, booleans → Boolean, text or a mix → text (numbers written as JSON would). */
export function toSeries(name: string, values: unknown[]): pl.Series {
  let numbers = 0;
  let booleans = 0;
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      values[i] = null;
      continue;
    }
    present++;
    if (typeof v === "number") numbers++;
    else if (typeof v === "boolean") booleans++;
  }
  if (present > 0 && numbers === present) return pl.Series(name, values, pl.Float64);
  if (present > 0 && booleans === present) return pl.Series(name, values, pl.Bool);
  return pl.Series(name, values.map((v) => (v === null || typeof v === "string" ? v : String(v))), pl.Utf8);
}
