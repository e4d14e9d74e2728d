// Reads a snapshot of the Elasticsearch index: NDJSON, gzip-compressed or not, streamed (the file is
// never held whole in memory). Each line is a hit as `scan` yields it ({_index, _id, _source}) or
// one bare `_source`; readHit takes one apart, or says why it is not a document (not JSON, not an
// object, no usable `_source.@timestamp`).
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parseTimestamp, type Timestamp } from "./timestamp";

const CHUNK = 1 << 20;

/** The file's lines, in order, a batch for each chunk read ("\n"-separated; a last line without "\n" included). */
export async function* ndjsonLines(path: string): AsyncGenerator<string[]> {
  const gzip = isGzip(path); // first: a missing file throws here, before any stream exists
  const file = createReadStream(path, { highWaterMark: CHUNK });
  // pipeline passes a read error of the file on to the gunzip stream we iterate (pipe would not).
  const stream: Readable = gzip ? pipeline(file, createGunzip({ chunkSize: CHUNK }), () => undefined) : file;
  let rest: Buffer | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    const lines: string[] = [];
    let start = 0;
    for (let nl = buffer.indexOf(10); nl >= 0; nl = buffer.indexOf(10, start)) {
      lines.push(buffer.toString("utf8", start, nl));
      start = nl + 1;
    }
    rest = start < buffer.length ? Buffer.from(buffer.subarray(start)) : undefined;
    yield lines;
  }
  if (rest) yield [rest.toString("utf8")];
}

export interface Hit {
  /** The hit ({_index, _id, _source}); a bare document becomes its `_source`. */
  hit: Record<string, unknown>;
  time: Timestamp;
}

const TIMESTAMP = "@timestamp";

/** One line: the hit and its time, null for a blank line, or what is wrong with it. */
export function readHit(text: string): Hit | null | string {
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
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
