// A text extract as chunks of whole lines, read and inflated by a worker thread (inflate-worker.ts)
// while the threads that count take the chunks dealt to them, synchronously: the loader is a
// synchronous function (the notebook calls it in one line). A taker waits on a shared counter
// only when the worker is behind.
import { MessageChannel, receiveMessageOnPort, SHARE_ENV, Worker, type MessagePort } from "node:worker_threads";
import { workerScript } from "../../worker-script";
import type { InflateJob, InflateMessage } from "./inflate-worker";

/** One taker's end: its port and its two counters in `progress` (see InflateJob). */
export interface ChunkSource {
  port: MessagePort;
  progress: SharedArrayBuffer;
  index: number;
}

export type Chunk = { header: string } | { lines: Uint8Array; utf8: boolean };

/** Starts the worker that inflates `file`, dealing its chunks to `takers` sources. */
export function inflate(file: string, gzip: boolean, takers: number): { sources: ChunkSource[]; stop: () => void } {
  const channels = Array.from({ length: takers }, () => new MessageChannel());
  const progress = new SharedArrayBuffer(8 * takers);
  const { file: script, execArgv } = workerScript(__dirname, "inflate-worker");
  const ports = channels.map((c) => c.port2);
  const job: InflateJob = { file, gzip, ports, progress };
  // Not unref()'d: an unref'd worker did not start while this thread waited.
  const worker = new Worker(script, { workerData: job, transferList: ports, execArgv, env: SHARE_ENV });
  return { sources: channels.map((c, index) => ({ port: c.port1, progress, index })), stop: () => void worker.terminate() };
}

/** The next message for this source: the header, a chunk, or null after the last. */
export function chunkReader(source: ChunkSource): () => Chunk | null {
  const progress = new Int32Array(source.progress);
  const sent = 2 * source.index;
  let taken = 0;
  let done = false;
  let previous: Uint8Array | undefined;
  return () => {
    if (done) return null;
    // The previous chunk has been counted: its memory goes back to the worker to be filled again.
    if (previous) source.port.postMessage(previous.buffer, [previous.buffer as ArrayBuffer]);
    previous = undefined;
    for (let waited = 0; ; waited++) {
      const received = receiveMessageOnPort(source.port);
      if (received) {
        taken++;
        Atomics.store(progress, sent + 1, taken);
        Atomics.notify(progress, sent + 1);
        const message = received.message as InflateMessage;
        if ("lines" in message) previous = message.lines;
        if ("lines" in message || "header" in message) return message;
        done = true;
        source.port.close();
        if ("error" in message) throw new Error(message.error);
        return null;
      }
      if (waited === 600) throw new Error("the worker that inflates the extract stopped answering");
      // Sleeps until the worker has sent more than was taken (a bound, in case a wake-up is missed).
      Atomics.wait(progress, sent, taken, 100);
    }
  };
}
