// A text extract as chunks of whole lines, read and inflated by a worker thread while the caller
// counts the previous chunk, and handed over synchronously (the loader is a synchronous function:
// the notebook calls it in one line). The caller waits on a shared counter only when the worker
// is behind.
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { workerScript } from "../../worker-script";
import type { InflateJob, InflateMessage } from "./inflate-worker";

export interface TextChunks {
  /** The next chunk: whole lines, and whether they are valid UTF-8; null after the last one. */
  next(): { lines: Uint8Array; utf8: boolean } | null;
  /** Stops the worker (also before the end). */
  close(): void;
}

export function textChunks(file: string, gzip: boolean): TextChunks {
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(8);
  const progress = new Int32Array(shared);
  const { file: script, execArgv } = workerScript(__dirname, "inflate-worker");
  const job: InflateJob = { file, gzip, port: port2, progress: shared };
  const worker = new Worker(script, { workerData: job, transferList: [port2], execArgv });
  // Not unref()'d: an unref'd worker did not start while this thread waited.
  let taken = 0;
  let done = false;
  const close = () => {
    done = true;
    port1.close();
    void worker.terminate();
  };
  return {
    next() {
      if (done) return null;
      for (let waited = 0; ; waited++) {
        const received = receiveMessageOnPort(port1);
        if (received) {
          taken++;
          Atomics.store(progress, 1, taken);
          Atomics.notify(progress, 1);
          const message = received.message as InflateMessage;
          if ("lines" in message) return message;
          close();
          if ("error" in message) throw new Error(message.error);
          return null;
        }
        if (waited === 600) {
          close();
          throw new Error(`reading ${file}: the worker that inflates it stopped answering`);
        }
        // Sleeps until the worker has sent more than was taken (a bound, in case a wake-up is missed).
        Atomics.wait(progress, 0, taken, 100);
      }
    },
    close,
  };
}
