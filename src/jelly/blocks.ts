// A (possibly gzip-compressed) text file as blocks of whole lines, streamed: the file is never
// held whole in memory. Each block knows the number of its first line.
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export interface LineBlock {
  /** A buffer of its own (safe to transfer to a worker) holding whole lines. */
  bytes: Uint8Array;
  firstLine: number;
}

const CHUNK = 1 << 20;

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
