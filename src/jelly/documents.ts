// Turns a block of NDJSON lines into rows: each line a hit ({_index, _id, _source}) or a bare
// _source, flattened to json_normalize's dotted names, with its time from `_source.@timestamp` (to
// the nanosecond) and its line number. A bad line (not JSON, not an object, no usable @timestamp) is an error naming
// the line, or is counted and skipped when asked.
import { flatten } from "./flatten";

export interface ReadOptions {
  /** Flattened columns to keep, e.g. "_source.message_decoded.type"; every column when omitted. */
  columns?: readonly string[];
  /** Count and skip lines that are not valid documents, instead of failing on the first one. */
  skipBadLines?: boolean;
}

export interface BadLine {
  line: number;
  reason: string;
}

export interface Block {
  /**
   * The line number of each row, its time as whole milliseconds since the epoch (UTC) and the
   * nanoseconds past that millisecond (0–999,999), and its columns (same length, null where absent).
   */
  lines: number[];
  times: number[];
  subMs: number[];
  columns: Map<string, unknown[]>;
  /** Lines read, blank ones included. */
  lineCount: number;
  skipped: number;
  /** The first few bad lines (all skipped ones are counted in `skipped`). */
  badLines: BadLine[];
  /** Without skipBadLines: the first bad line, after which the block stops. */
  error?: BadLine;
}

const TIMESTAMP = "@timestamp";
export const KEPT_BAD_LINES = 10;

/** Reads the lines of `bytes` (UTF-8, "\n"-separated), numbering them from `firstLine`. */
export function readBlock(bytes: Uint8Array, firstLine: number, options: ReadOptions = {}): Block {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = options.columns?.map((name) => ({ name, segments: name.split(".") }));
  const block: Block = { lines: [], times: [], subMs: [], columns: new Map(wanted?.map((c) => [c.name, []])), lineCount: 0, skipped: 0, badLines: [] };
  const cells = wanted?.map((c) => block.columns.get(c.name) as unknown[]);

  let lineNumber = firstLine - 1;
  const bad = (reason: string): boolean => {
    const b = { line: lineNumber, reason };
    if (!options.skipBadLines) {
      block.error = b;
      return false;
    }
    block.skipped++;
    if (block.badLines.length < KEPT_BAD_LINES) block.badLines.push(b);
    return true;
  };

  // One line: true to go on, false to stop at an error.
  const take = (text: string): boolean => {
    lineNumber++;
    block.lineCount++;
    if (isBlank(text)) return true;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return bad(`not valid JSON (${(e as Error).message})`);
    }
    if (!isObject(doc)) return bad(`expected a JSON object, got ${JSON.stringify(doc).slice(0, 40)}`);
    // A hit has its document under _source; a bare document is its own _source.
    const hit = isObject(doc["_source"]) ? doc : { _source: doc };
    const stamp = (hit["_source"] as Record<string, unknown>)[TIMESTAMP];
    if (typeof stamp !== "string") return bad(`expected '_source.${TIMESTAMP}', a time such as "2020-08-14T19:22:31.512Z"`);
    const t = parseTimestamp(stamp);
    if (typeof t === "string") return bad(`expected '_source.${TIMESTAMP}' to be ${t}, got ${JSON.stringify(stamp).slice(0, 48)}`);
    const row = block.times.length;
    block.times.push(t.ms);
    block.subMs.push(t.subMs);
    block.lines.push(lineNumber);
    if (wanted && cells) {
      for (let c = 0; c < wanted.length; c++) (cells[c] as unknown[]).push(cell(lookup(hit, (wanted[c] as { segments: string[] }).segments, 0)));
    } else {
      for (const [key, value] of flatten(hit)) {
        let column = block.columns.get(key);
        if (!column) block.columns.set(key, (column = new Array<unknown>(row).fill(null)));
        while (column.length < row) column.push(null); // earlier documents lacked this key
        column.push(cell(value));
      }
    }
    return true;
  };

  // Decoded line by line: a line of plain ASCII stays a compact one-byte string, which JSON.parse
  // reads faster than slices of one big decoded chunk.
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

export interface Timestamp {
  /** Whole milliseconds since the epoch, UTC. */
  ms: number;
  /** Nanoseconds past that millisecond, 0–999,999. */
  subMs: number;
}

// Polars' Datetime("ns") spans 1677-09-21 to 2262-04-11 (pandas' Timestamp the same); a margin of a day.
const NS_MIN_MS = -9_223_286_400_000;
const NS_MAX_MS = 9_223_286_400_000;
const BAD_TIME = "an ISO 8601 time";
const OUT_OF_RANGE = "a time between 1677 and 2262 (nanosecond timestamps)";

/**
 * An ISO 8601 time, `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH[:]MM|±HH]`, to the nanosecond:
 * filebeat writes milliseconds, Elasticsearch's date_nanos micro- or nanoseconds, and JavaScript's
 * Date keeps only milliseconds, so the digits are read here (and the calendar checked: Date.parse
 * takes 2020-02-30 for March 1st). Digits past the ninth are dropped (pandas keeps nanoseconds). A
 * time without a zone is UTC, as pandas reads it. Read by position, as it runs once a line.
 * Returns what was expected when the text is no such time.
 */
export function parseTimestamp(text: string): Timestamp | string {
  const end = text.length;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (code(text, 4) !== MINUS || code(text, 7) !== MINUS || !(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return BAD_TIME;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanos = 0;
  let p = 10;
  const separator = code(text, p);
  if (separator === T_UPPER || separator === T_LOWER || separator === SPACE) {
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    if (code(text, 13) !== COLON || !(hour <= 23 && minute <= 59)) return BAD_TIME;
    p = 16;
    if (code(text, p) === COLON) {
      second = digitsAt(text, 17, 2);
      if (!(second <= 59)) return BAD_TIME;
      p = 19;
      if (code(text, p) === DOT || code(text, p) === COMMA) {
        let scale = 100_000_000;
        const first = ++p;
        for (; p < end; p++) {
          const c = text.charCodeAt(p) - ZERO;
          if (c < 0 || c > 9) break;
          nanos += c * scale;
          scale = scale === 1 ? 0 : scale / 10; // past the ninth digit: dropped
        }
        if (p === first) return BAD_TIME;
      }
    }
    const zone = code(text, p);
    if (zone === Z_UPPER || zone === Z_LOWER) p++;
    else if (zone === PLUS || zone === MINUS) {
      const oh = digitsAt(text, p + 1, 2);
      p += 3;
      let om = 0;
      if (code(text, p) === COLON) p++;
      if (p < end) {
        om = digitsAt(text, p, 2);
        p += 2;
      }
      if (!(oh <= 23 && om <= 59)) return BAD_TIME;
      minute -= (zone === MINUS ? -1 : 1) * (oh * 60 + om);
    }
    if (p !== end) return BAD_TIME;
  } else if (p !== end) return BAD_TIME;
  // Date.UTC reads the years 0–99 as 1900–1999: those are out of range anyway.
  if (year < 1677) return OUT_OF_RANGE;
  const whole = Date.UTC(year, month - 1, day, hour, minute, second);
  if (whole < NS_MIN_MS || whole > NS_MAX_MS) return OUT_OF_RANGE;
  return { ms: whole + Math.floor(nanos / 1e6), subMs: nanos % 1e6 };
}

const [ZERO, MINUS, PLUS, COLON, DOT, COMMA, SPACE, T_UPPER, T_LOWER, Z_UPPER, Z_LOWER] = [..."0-+:., TtZz"].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number, number, number];

/** The char code at `at`, or −1 past the end. */
function code(text: string, at: number): number {
  return at < text.length ? text.charCodeAt(at) : -1;
}

/** `count` decimal digits at `at` as a number, or NaN. */
function digitsAt(text: string, at: number, count: number): number {
  if (at + count > text.length) return NaN;
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim() === "";
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The value at a dotted path, as json_normalize would name it. A key may itself contain dots
 * ({"client.geo": {...}} gives the same names as {"client": {"geo": {...}}}): where a key is missing,
 * keys made of several segments are tried.
 */
export function lookup(value: unknown, segments: readonly string[], i: number): unknown {
  let v = value;
  for (let j = i; j < segments.length; j++) {
    if (!isObject(v)) return undefined; // a scalar or a list on the way: no such column
    const next = v[segments[j] as string];
    if (next === undefined) return hasDottedKey(v, segments[j] as string) ? lookupDotted(v, segments, j) : undefined;
    v = next;
  }
  return isObject(v) ? undefined : v; // an object is not a column: its leaves are
}

function hasDottedKey(object: Record<string, unknown>, segment: string): boolean {
  for (const key in object) if (key.startsWith(`${segment}.`)) return true;
  return false;
}

function lookupDotted(value: unknown, segments: readonly string[], i: number): unknown {
  if (i === segments.length) return isObject(value) ? undefined : value;
  if (!isObject(value)) return undefined;
  let key = segments[i] as string;
  for (let j = i; j < segments.length; j++) {
    if (j > i) key += `.${segments[j]}`;
    if (key in value) {
      const found = lookupDotted(value[key], segments, j + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A column holds scalars; a list (json_normalize keeps lists whole) is kept as its JSON text. */
function cell(value: unknown): unknown {
  if (value === undefined) return null;
  return Array.isArray(value) ? JSON.stringify(value) : value;
}
