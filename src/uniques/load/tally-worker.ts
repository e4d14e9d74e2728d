// A second thread that counts (tally-text.ts): it takes every other chunk of the extract and sends
// back what it counted, or why it declines.
import { workerData, type MessagePort } from "node:worker_threads";
import { RequestTally, type TallyState } from "./tally-bytes";
import { countChunks } from "./tally-chunks";
import type { ChunkSource } from "./text-chunks";

export interface TallyJob {
  source: ChunkSource;
  result: MessagePort;
  /** [0] turns 1 when the answer is on `result`. */
  done: SharedArrayBuffer;
}

export type TallyAnswer = { state: TallyState } | { declined: string } | { error: string };

const job = workerData as TallyJob;
let answer: TallyAnswer;
try {
  const tally = new RequestTally();
  const declined = countChunks(job.source, tally);
  answer = declined === null ? { state: tally.state() } : { declined };
} catch (e) {
  answer = { error: e instanceof Error ? e.message : String(e) };
}
const transfer = "state" in answer ? [answer.state.counts, answer.state.signatures].flatMap((t) => [t.keys.buffer, t.counts.buffer, t.used.buffer]) : [];
job.result.postMessage(answer, transfer as ArrayBuffer[]);
const done = new Int32Array(job.done);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
