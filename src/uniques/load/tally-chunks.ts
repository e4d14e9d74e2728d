// One counting thread's loop: the header, then each chunk dealt to it, into a RequestTally.
import type { RequestTally } from "./tally-bytes";
import { chunkReader, type ChunkSource } from "./text-chunks";

/** Counts the source's chunks into `tally`: null, or why the fast path declines the file. */
export function countChunks(source: ChunkSource, tally: RequestTally): string | null {
  const next = chunkReader(source);
  const first = next();
  if (!first || !("header" in first)) return "empty";
  const declined = tally.header(first.header.split("\t"));
  if (declined !== null) return declined;
  for (let chunk = next(); chunk; chunk = next()) {
    if (!("lines" in chunk)) return "an unexpected message";
    if (!chunk.utf8) return "not UTF-8";
    const why = tally.lines(chunk.lines);
    if (why !== null) return why;
  }
  return null;
}
