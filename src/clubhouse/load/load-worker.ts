// A worker thread of loadUsers: reads one range of rowids on its own read-only connection and sends
// back the arrays (their memory moves, it is not copied) or where the rows went wrong.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { PACKED, scanRange, type RowidRange } from "./scan";

export interface WorkerTask {
  path: string;
  range: RowidRange;
  /** At most this many rows in the range. */
  rows: number;
  chunkRows?: number;
}

const task = workerData as WorkerTask;
const db = new Database(task.path, { readonly: true, fileMustExist: true });
try {
  const arrays = PACKED.map(() => new Float64Array(task.rows));
  const result = scanRange(db, task.range, task.rows, arrays, 0, task.chunkRows);
  parentPort?.postMessage({ result, arrays }, arrays.map((a) => a.buffer as ArrayBuffer));
} finally {
  db.close();
}
