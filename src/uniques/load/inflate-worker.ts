// The worker behind text-chunks.ts: reads a text extract (inflating a .gz) and deals it out in
// chunks of whole lines, each with whether it is valid UTF-8, to one or more threads that count
// them: first the header line to each, then chunk i to thread i mod n. The counting threads never
// wait for zlib nor see half a line; this worker stays at most AHEAD chunks ahead of each.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { createGunzip } from "node:zlib";

export interface InflateJob {
  file: string;
  gzip: boolean;
  /** One port per counting thread. */
  ports: MessagePort[];
  /** Per port, [messages sent, messages taken]: the two sides wait on each other through it. */
  progress: SharedArrayBuffer;
}

/** The header line, a chunk of whole lines (the last one ends in "\n"), the end, or why reading failed. */
export type InflateMessage = { header: string } | { lines: Uint8Array; utf8: boolean } | { end: true } | { error: string };

/** Atomics.waitAsync (ES2024; Node.js has it since 16), which the ES2022 library lacks. */
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string };
}

const CHUNK = 4 << 20;
const AHEAD = 4;

async function run(job: InflateJob): Promise<void> {
  const progress = new Int32Array(job.progress);
  const send = async (to: number, message: InflateMessage, transfer: ArrayBuffer[] = []): Promise<void> => {
    (job.ports[to] as MessagePort).postMessage(message, transfer);
    Atomics.add(progress, 2 * to, 1);
    Atomics.notify(progress, 2 * to);
    for (;;) {
      const taken = Atomics.load(progress, 2 * to + 1);
      if (Atomics.load(progress, 2 * to) - taken <= AHEAD) return;
      await (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(progress, 2 * to + 1, taken).value;
    }
  };
  // Chunks come back once counted and are filled again: memory stays a few chunks per port,
  // where new ones would pile up until the garbage collector saw them.
  const spare: ArrayBuffer[] = [];
  for (const port of job.ports) port.on("message", (returned: ArrayBuffer) => spare.push(returned));
  const allocate = (size: number): Uint8Array => {
    const reused = spare.length > 0 && (spare[spare.length - 1] as ArrayBuffer).byteLength >= size ? spare.pop() : undefined;
    return reused ? new Uint8Array(reused) : new Uint8Array(size);
  };
  let buffer = allocate(CHUNK);
  let filled = 0;
  let header = true;
  let sent = 0;
  const flush = async (final: boolean): Promise<void> => {
    if (final && filled > 0 && buffer[filled - 1] !== 10) buffer[filled++] = 10;
    // Up to the first newline for the header, else the last; the rest starts the next chunk.
    // (A buffer filled again holds old bytes past `filled`: every search stops there.)
    const cut = (header ? buffer.subarray(0, filled).indexOf(10) : buffer.lastIndexOf(10, filled - 1)) + 1;
    if (cut === 0) {
      // One line longer than the chunk: a larger buffer.
      const larger = new Uint8Array(buffer.length * 2);
      larger.set(buffer.subarray(0, filled));
      buffer = larger;
      return;
    }
    const next = allocate(Math.max(CHUNK, filled - cut + CHUNK / 2));
    next.set(buffer.subarray(cut, filled));
    if (header) {
      const line = Buffer.from(buffer.buffer, buffer.byteOffset, cut - 1).toString("utf8");
      for (let to = 0; to < job.ports.length; to++) await send(to, { header: line });
      header = false;
    } else {
      const lines = buffer.subarray(0, cut);
      await send(sent++ % job.ports.length, { lines, utf8: isUtf8(lines) }, [buffer.buffer as ArrayBuffer]);
    }
    filled -= cut;
    buffer = next;
    if (final && filled > 0) await flush(true);
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
      if (filled >= buffer.length - 1 || (header && buffer.subarray(0, filled).includes(10))) await flush(false);
    }
  }
  if (filled > 0) await flush(true);
  for (let to = 0; to < job.ports.length; to++) await send(to, { end: true });
  for (const port of job.ports) port.close();
}

const job = workerData as InflateJob;
// A pending Atomics.waitAsync does not keep a worker alive: this does, until the end.
const alive = setInterval(() => undefined, 1 << 30);
run(job)
  .catch((e: unknown) => {
    const progress = new Int32Array(job.progress);
    job.ports.forEach((port, to) => {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies InflateMessage);
      Atomics.add(progress, 2 * to, 1);
      Atomics.notify(progress, 2 * to);
    });
  })
  .finally(() => clearInterval(alive));
