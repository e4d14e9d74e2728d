// The worker behind text-chunks.ts: reads a text extract (inflating a .gz) and sends it on in
// chunks of whole lines, each with whether it is valid UTF-8, so that the thread that counts
// never waits for zlib and never sees half a line. It stays at most AHEAD chunks ahead.
import { createReadStream } from "node:fs";
import { isUtf8 } from "node:buffer";
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { createGunzip } from "node:zlib";

export interface InflateJob {
  file: string;
  gzip: boolean;
  port: MessagePort;
  /** [chunks sent, chunks taken]: the two sides wait on each other through it. */
  progress: SharedArrayBuffer;
}

/** A chunk of whole lines (the last one ends in "\n"), or the end, or why reading failed. */
export type InflateMessage = { lines: Uint8Array; utf8: boolean } | { end: true } | { error: string };

/** Atomics.waitAsync (ES2024; Node.js has it since 16), which the ES2022 library lacks. */
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string };
}

const CHUNK = 4 << 20;
const AHEAD = 6;

async function run(job: InflateJob): Promise<void> {
  const progress = new Int32Array(job.progress);
  const send = async (message: InflateMessage, transfer: ArrayBuffer[] = []): Promise<void> => {
    job.port.postMessage(message, transfer);
    Atomics.add(progress, 0, 1);
    Atomics.notify(progress, 0);
    for (;;) {
      const taken = Atomics.load(progress, 1);
      if (Atomics.load(progress, 0) - taken <= AHEAD) return;
      await (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(progress, 1, taken).value;
    }
  };
  let buffer = new Uint8Array(CHUNK);
  let filled = 0;
  const flush = async (final: boolean): Promise<void> => {
    // Up to the last newline; the rest starts the next chunk.
    let cut = final ? filled : buffer.lastIndexOf(10, filled - 1) + 1;
    if (cut === 0 && !final) {
      // One line longer than the chunk: a larger buffer.
      const larger = new Uint8Array(buffer.length * 2);
      larger.set(buffer.subarray(0, filled));
      buffer = larger;
      return;
    }
    if (final && filled > 0 && buffer[filled - 1] !== 10) buffer[filled++] = 10, (cut = filled);
    const next = new Uint8Array(Math.max(CHUNK, filled - cut + CHUNK / 2));
    next.set(buffer.subarray(cut, filled));
    const lines = buffer.subarray(0, cut);
    await send({ lines, utf8: isUtf8(lines) }, [buffer.buffer as ArrayBuffer]);
    filled -= cut;
    buffer = next;
  };
  const input = createReadStream(job.file, { highWaterMark: 1 << 20 });
  const stream = job.gzip ? input.pipe(createGunzip({ chunkSize: 1 << 20 })) : input;
  input.on("error", (e) => stream.destroy(e));
  for await (const piece of stream as AsyncIterable<Buffer>) {
    let at = 0;
    while (at < piece.length) {
      const n = Math.min(piece.length - at, buffer.length - filled - 1);
      buffer.set(piece.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled >= buffer.length - 1) await flush(false);
    }
  }
  if (filled > 0) await flush(true);
  await send({ end: true });
}

const job = workerData as InflateJob;
// A pending Atomics.waitAsync does not keep a worker alive: this does, until the end.
const alive = setInterval(() => undefined, 1 << 30);
run(job)
  .finally(() => clearInterval(alive)).catch(async (e: unknown) => {
  job.port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies InflateMessage);
  const progress = new Int32Array(job.progress);
  Atomics.add(progress, 0, 1);
  Atomics.notify(progress, 0);
});
