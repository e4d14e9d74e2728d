// Files replaced whole: the new content goes into a temporary file beside the target, renamed over
// it only once complete. A reader sees the old file or the new one, never half of one; a writer
// that fails leaves the old file as it was and no temporary file behind.
import { once } from "node:events";
import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { writerGone } from "./pid";

let serial = 0;

/** A fresh name beside `file`, unique within this process and across processes. */
function beside(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  return `${file}.${process.pid}.${serial++}.tmp`;
}

/** Runs `write(tmp)`, which makes the new file at the path `tmp`, then renames it over `file`. */
export function replaceFile<T>(file: string, write: (tmp: string) => T): T {
  const tmp = beside(file);
  try {
    const result = write(tmp);
    renameSync(tmp, file);
    return result;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function writeAtomic(file: string, content: string | Uint8Array): void {
  replaceFile(file, (tmp) => writeFileSync(tmp, content));
}

export interface StreamOptions {
  /** gzip level when the name ends in .gz, 1 (fast) to 9 (small); default 6. */
  gzipLevel?: number;
}

/** Writes every chunk `chunks` yields into `file`, gzip-compressed when its name ends in .gz; returns the bytes on disk. */
export async function writeStreamAtomic(file: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, options: StreamOptions = {}): Promise<number> {
  const tmp = beside(file);
  const out = createWriteStream(tmp);
  try {
    const source = Readable.from(chunks, { objectMode: false });
    if (file.endsWith(".gz")) await pipeline(source, createGzip({ level: options.gzipLevel ?? 6 }), out);
    else await pipeline(source, out);
    renameSync(tmp, file);
    return out.bytesWritten;
  } catch (e) {
    // The stream opens its file asynchronously: when the chunks fail at once, the file may be
    // created after a removal made right away. Wait until the stream has closed it.
    out.destroy();
    if (!out.closed) await once(out, "close").catch(() => {});
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Removes the temporary files that a writer killed mid-write (kill -9, a power cut) left in `dir`
 * beside the files whose names start with `prefix`; a writer still running keeps its own.
 * Returns the names removed.
 */
export function removeLeftovers(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    let written: number;
    try {
      written = statSync(join(dir, name)).mtimeMs;
    } catch {
      continue; // renamed into place meanwhile
    }
    if (!writerGone(pid, written)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
