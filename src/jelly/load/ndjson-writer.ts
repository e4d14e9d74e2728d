// Writes documents as NDJSON (one JSON document a line), gzip-compressed when the file name ends in
// .gz, atomically: into a temporary file beside the target, renamed over it only once everything is
// written and flushed. A pull or a simulation that fails halfway leaves the previous file as it was.
import { writeStreamAtomic } from "../../io/atomic";

export interface WriteOptions {
  /** gzip level, 1 (fast) to 9 (small); default 6. */
  level?: number;
  /** Called every `every` documents with the count so far. */
  onProgress?: (written: number) => void;
  every?: number;
}

/** Writes every document the iterable yields; returns how many. */
export async function writeNdjson(file: string, documents: Iterable<unknown> | AsyncIterable<unknown>, options: WriteOptions = {}): Promise<number> {
  const { level = 6, onProgress, every = 10_000 } = options;
  let written = 0;
  async function* lines(): AsyncGenerator<string> {
    // Batches of lines: one write per few hundred documents, not one per document.
    let batch: string[] = [];
    for await (const doc of documents) {
      batch.push(JSON.stringify(doc));
      written++;
      if (onProgress && written % every === 0) onProgress(written);
      if (batch.length === 256) {
        yield `${batch.join("\n")}\n`;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${batch.join("\n")}\n`;
  }
  await writeStreamAtomic(file, lines(), { gzipLevel: level });
  return written;
}
