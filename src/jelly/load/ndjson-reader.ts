// Reads a snapshot of the Elasticsearch index: NDJSON, gzip-compressed or not, streamed in blocks of
// whole lines (the file is never held whole in memory). Each line is a hit as `scan` yields it
// ({_index, _id, _source}) or one bare `_source`. readBlock turns a block into rows: each document
// flattened to json_normalize's dotted names, with its time from `_source.@timestamp` (to the
// nanosecond) and its line number. A bad line (not JSON, not an object, no usable @timestamp) is an
// error naming the line, or is counted and skipped when asked.
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { isObject } from "../../json";
import { flatten, lookup } from "./json-normalize";
import { parseTimestamp, type Timestamp } from "./timestamp";

export interface LineBlock {
  /** A buffer of its own (safe to transfer to a worker) holding whole lines. */
  bytes: Uint8Array;
  firstLine: number;
}

const CHUNK = 1 << 20;

/** The file as blocks of whole lines, each knowing the number of its first line. */
export async function* lineBlocks(path: string): AsyncGenerator<LineBlock> {
  const gzip = isGzip(path); // first: a missing file throws here, before any stream exists
  const file = createReadStream(path, { highWaterMark: CHUNK });
  // pipeline passes a read error of the file on to the gunzip stream we iterate (pipe would not).
  const stream: Readable = gzip ? pipeline(file, createGunzip({ chunkSize: CHUNK }), () => undefined) : file;
  let rest: Buffer | undefined;
  let line = 1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    const end = buffer.lastIndexOf(10);
    if (end < 0) {
      rest = Buffer.from(buffer);
      continue;
    }
    const bytes = new Uint8Array(buffer.subarray(0, end + 1));
    rest = end + 1 < buffer.length ? Buffer.from(buffer.subarray(end + 1)) : undefined;
    const first = line;
    line += countNewlines(bytes); // before the block is handed over (a worker takes its buffer)
    yield { bytes, firstLine: first };
  }
  if (rest && rest.length > 0) yield { bytes: new Uint8Array(rest), firstLine: line };
}

export interface ReadOptions {
  /** Flattened columns to keep, e.g. "_source.message_decoded.type"; every column when omitted. */
  columns?: readonly string[];
  /** Count and skip lines that are not valid documents, instead of failing on the first one. */
  skipBadLines?: boolean;
}

export interface BadLine {
  line: number;
  reason: string;
  /** The part of a snapshot folder the line is in (its number counts within that part). */
  file?: string;
}

/** What a block of lines counts, whatever form its rows take (Block here, PackedBlock from a worker). */
export interface LineCounts {
  /** Lines read, blank ones included. */
  lineCount: number;
  skipped: number;
  /** The first few bad lines (all skipped ones are counted in `skipped`). */
  badLines: BadLine[];
  /** Without skipBadLines: the first bad line, after which the block stops. */
  error?: BadLine;
}

export interface Block extends LineCounts {
  /**
   * The line number of each row, its time as whole milliseconds since the epoch (UTC) and the
   * nanoseconds past that millisecond (0–999,999), and its columns (same length, null where absent).
   */
  lines: number[];
  times: number[];
  subMs: number[];
  columns: Map<string, unknown[]>;
}

export const KEPT_BAD_LINES = 10;

/** Reads the lines of `bytes` (UTF-8, "\n"-separated), numbering them from `firstLine`. */
export function readBlock(bytes: Uint8Array, firstLine: number, options: ReadOptions = {}): Block {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = options.columns?.map((name) => ({ name, segments: name.split(".") }));
  const block: Block = { lines: [], times: [], subMs: [], columns: new Map(wanted?.map((c) => [c.name, []])), lineCount: 0, skipped: 0, badLines: [] };
  const cells = wanted?.map((c) => block.columns.get(c.name) as unknown[]);

  let lineNumber = firstLine - 1;
  // One line: true to go on, false to stop at an error.
  const take = (text: string): boolean => {
    lineNumber++;
    block.lineCount++;
    const read = readHit(text);
    if (read === null) return true;
    if (typeof read === "string") {
      const bad = { line: lineNumber, reason: read };
      if (!options.skipBadLines) {
        block.error = bad;
        return false;
      }
      block.skipped++;
      if (block.badLines.length < KEPT_BAD_LINES) block.badLines.push(bad);
      return true;
    }
    const row = block.times.length;
    block.times.push(read.time.ms);
    block.subMs.push(read.time.subMs);
    block.lines.push(lineNumber);
    if (wanted && cells) {
      for (let c = 0; c < wanted.length; c++) (cells[c] as unknown[]).push(cell(lookup(read.hit, (wanted[c] as { segments: string[] }).segments, 0)));
    } else {
      for (const [key, value] of flatten(read.hit)) {
        let column = block.columns.get(key);
        if (!column) block.columns.set(key, (column = new Array<unknown>(row).fill(null)));
        while (column.length < row) column.push(null); // earlier documents lacked this key
        column.push(cell(value));
      }
    }
    return true;
  };

  let start = 0;
  let going = true;
  for (let nl = buffer.indexOf(10); going && nl >= 0; nl = buffer.indexOf(10, start)) {
    going = take(buffer.toString("utf8", start, nl));
    start = nl + 1;
  }
  if (going && start < buffer.length) take(buffer.toString("utf8", start));
  for (const column of block.columns.values()) while (column.length < block.times.length) column.push(null);
  return block;
}

/** The file's blocks read one after the other on this thread, up to the first with an error. */
export async function readBlocks(path: string, options: ReadOptions = {}): Promise<Block[]> {
  const blocks: Block[] = [];
  for await (const { bytes, firstLine } of lineBlocks(path)) {
    const block = readBlock(bytes, firstLine, options);
    blocks.push(block);
    if (block.error) break;
  }
  return blocks;
}

export interface TimedHit {
  /** The hit ({_index, _id, _source}); a bare document becomes its `_source`. */
  hit: Record<string, unknown>;
  time: Timestamp;
}

const TIMESTAMP = "@timestamp";

/** One line: the hit and its time, null for a blank line, or what is wrong with it. */
export function readHit(text: string): TimedHit | null | string {
  if (text.length === 0 || text.trim() === "") return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  if (!isObject(doc)) return `expected a JSON object, got ${JSON.stringify(doc).slice(0, 40)}`;
  const hit = isObject(doc["_source"]) ? doc : { _source: doc };
  const stamp = (hit["_source"] as Record<string, unknown>)[TIMESTAMP];
  if (typeof stamp !== "string") return `expected '_source.${TIMESTAMP}', a time such as "2020-08-14T19:22:31.512Z"`;
  const time = parseTimestamp(stamp);
  if (typeof time === "string") return `expected '_source.${TIMESTAMP}' to be ${time}, got ${JSON.stringify(stamp).slice(0, 48)}`;
  return { hit, time };
}

/** A column holds scalars; a list (json_normalize keeps lists whole) is kept as its JSON text. */
function cell(value: unknown): unknown {
  if (value === undefined) return null;
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

function countNewlines(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) n++;
  return n;
}

function isGzip(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}
