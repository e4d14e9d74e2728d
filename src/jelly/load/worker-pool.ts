// Parses a large snapshot's blocks of lines in worker threads (load-worker.ts), for loadEvents.
// Blocks go round to the workers, at most two waiting per worker, so that the file streams through
// without being held whole in memory; the first bad line stops the reading.
import { SHARE_ENV, Worker } from "node:worker_threads";
import { workerScript } from "../../worker-script";
import { lineBlocks, type ReadOptions } from "./ndjson-reader";
import type { PackedBlock } from "./packed-block";

/** The file's blocks, parsed by `count` workers, in file order (up to the first block with an error). */
export async function readInWorkers(path: string, options: ReadOptions, count: number): Promise<PackedBlock[]> {
  const { file, execArgv } = workerScript(__dirname, "load-worker");
  const workers = Array.from({ length: count }, () => new Worker(file, { workerData: options, execArgv, env: SHARE_ENV }));
  const blocks: PackedBlock[] = [];
  let pending = 0;
  let stop = false;
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  for (const worker of workers) {
    worker.on("message", ({ index, packed }: { index: number; packed: PackedBlock }) => {
      blocks[index] = packed;
      if (packed.error) stop = true; // the first error is reported; no need to read further
      pending--;
      settle();
    });
    worker.on("error", (e) => {
      failure ??= e;
      settle();
    });
    worker.on("exit", (code) => {
      if (!finished) failure ??= new Error(`a worker thread stopped (exit code ${code})`);
      settle();
    });
  }
  const waitFor = async (done: () => boolean) => {
    while (!done() && !failure) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    let index = 0;
    for await (const { bytes, firstLine } of lineBlocks(path)) {
      await waitFor(() => pending < 2 * count);
      if (failure) throw failure;
      if (stop) break;
      pending++;
      (workers[index % count] as Worker).postMessage({ index, bytes, firstLine }, [bytes.buffer as ArrayBuffer]);
      index++;
    }
    await waitFor(() => pending === 0);
    if (failure) throw failure;
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Blocks after an error may be missing: keep them in order up to the first gap.
  const contiguous: PackedBlock[] = [];
  for (const b of blocks) {
    if (!b) break;
    contiguous.push(b);
  }
  return contiguous;
}
