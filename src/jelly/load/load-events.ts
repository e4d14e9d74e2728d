// loadEvents: a snapshot of the Elasticsearch index (ndjson-reader.ts) as one polars frame. Documents
// are flattened to dotted column names as pandas' json_normalize does
// (`_source.message_decoded.data.uuid`), only the columns asked for are kept, and a `time` column
// comes from `_source.@timestamp`; rows are sorted by it, as the original's set_index and sort_index.
import { basename } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../../errors";
import { noteInput } from "../../io/inputs";
import { flatten, lookup } from "./json-normalize";
import { ndjsonLines, readHit } from "./ndjson-reader";

export interface LoadOptions {
  /** Flattened columns to keep, e.g. "_source.message_decoded.type"; every column when omitted. */
  columns?: readonly string[];
  /** Count and skip lines that are not valid documents, instead of failing on the first one. */
  skipBadLines?: boolean;
}

export interface BadLine {
  line: number;
  reason: string;
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
}

const KEPT_BAD_LINES = 10;

export async function loadEvents(path: string, options: LoadOptions = {}): Promise<LoadedEvents> {
  noteInput(path);
  const name = basename(path);
  const wanted = options.columns?.map((column) => ({ column, segments: column.split(".") }));
  const lines: number[] = [];
  const ms: number[] = [];
  const subMs: number[] = [];
  // The columns asked for, or every column in the order the documents first show it.
  const columns = new Map<string, unknown[]>(wanted?.map((w) => [w.column, []]));
  const cells = wanted?.map((w) => columns.get(w.column) as unknown[]);
  let skipped = 0;
  const badLines: BadLine[] = [];
  let line = 0;
  try {
    for await (const batch of ndjsonLines(path)) {
      for (const text of batch) {
        line++;
        const read = readHit(text);
        if (read === null) continue;
        if (typeof read === "string") {
          if (!options.skipBadLines) throw new DataError(`${name} line ${line}: ${read}`);
          skipped++;
          if (badLines.length < KEPT_BAD_LINES) badLines.push({ line, reason: read });
          continue;
        }
        const row = ms.length;
        lines.push(line);
        ms.push(read.time.ms);
        subMs.push(read.time.subMs);
        if (wanted && cells) {
          for (let c = 0; c < wanted.length; c++) (cells[c] as unknown[]).push(cell(lookup(read.hit, (wanted[c] as { segments: string[] }).segments, 0)));
        } else {
          for (const [key, value] of flatten(read.hit)) {
            let column = columns.get(key);
            if (!column) columns.set(key, (column = new Array<unknown>(row).fill(null))); // earlier documents lacked this key
            column.push(cell(value));
          }
          for (const column of columns.values()) if (column.length === row) column.push(null);
        }
      }
    }
  } catch (e) {
    if (e instanceof DataError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new DataError(`${path}: no such file`);
    throw new DataError(`${name}: cannot be read (${(e as Error).message})`);
  }
  let frame = pl.DataFrame([pl.Series("line", Int32Array.from(lines)), nanosecondTimes(ms, subMs), pl.Series("__row", Int32Array.from(lines, (_, i) => i))]);
  for (const [column, values] of columns) frame = frame.withColumns(toSeries(column, values));
  // Time order; equal times keep their order in the file.
  frame = frame.sort(["time", "__row"]).drop("__row");
  return { file: path, frame, documents: ms.length + skipped, skipped, badLines };
}

/** A column holds scalars; a list (json_normalize keeps lists whole) is kept as its JSON text. */
function cell(value: unknown): unknown {
  if (value === undefined) return null;
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

/**
 * `time` as Datetime("ns", "UTC"): ms · 10⁶ + ns in Int64. (Nanoseconds since the epoch exceed 2^53,
 * so they cannot pass through JS numbers; and polars multiplies an Int64 column by a JS number in
 * Float64, hence the Int64 literal.)
 */
function nanosecondTimes(ms: number[], subMs: number[]): pl.Series {
  return pl
    .DataFrame([pl.Series("ms", Float64Array.from(ms)), pl.Series("sub", Int32Array.from(subMs))])
    .select(pl.col("ms").cast(pl.Int64).mul(pl.lit(1_000_000).cast(pl.Int64)).add(pl.col("sub").cast(pl.Int64)).cast(pl.Datetime("ns", "UTC")).alias("time"))
    .getColumn("time");
}

/** Numbers → Float64, booleans → Boolean, text or a mix → text (numbers written as JSON would). */
function toSeries(name: string, values: unknown[]): pl.Series {
  let numbers = 0;
  let booleans = 0;
  let present = 0;
  for (const v of values) {
    if (v === null) continue;
    present++;
    if (typeof v === "number") numbers++;
    else if (typeof v === "boolean") booleans++;
  }
  if (present > 0 && numbers === present) return pl.Series(name, values, pl.Float64);
  if (present > 0 && booleans === present) return pl.Series(name, values, pl.Bool);
  return pl.Series(name, values.map((v) => (v === null || typeof v === "string" ? v : String(v))), pl.Utf8);
}
