// A worker thread of loadEvents: parses the blocks of lines it is sent and sends back their rows.
import { parentPort, workerData } from "node:worker_threads";
import { readBlock, type ReadOptions } from "./ndjson-reader";
import { pack } from "./packed-block";

const options = workerData as ReadOptions;
parentPort?.on("message", (message: { index: number; bytes: Uint8Array; firstLine: number }) => {
  const { packed, transfer } = pack(readBlock(message.bytes, message.firstLine, options));
  parentPort?.postMessage({ index: message.index, packed }, transfer);
});
