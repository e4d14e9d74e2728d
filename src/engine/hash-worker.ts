// The worker thread of sha256File: hashes one file and sends back the hex digest. It reads in 1 MB
// blocks on this thread (no callback per 64 KB) and, on Linux, runs at the lowest priority: the
// hash is only needed when the report is written, so it takes CPU time that the kernel leaves idle.
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";

// A thread's nice value is its own on Linux (elsewhere it may be the whole process's: left alone).
if (process.platform === "linux") {
  try {
    setPriority(19);
  } catch {
    // not allowed here: hash at the usual priority
  }
}
const hash = createHash("sha256");
const block = Buffer.allocUnsafe(1 << 20);
const fd = openSync(workerData as string, "r");
try {
  for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) hash.update(block.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort?.postMessage(hash.digest("hex"));
