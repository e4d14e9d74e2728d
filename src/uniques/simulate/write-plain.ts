// The plain version of writeExtract (write.ts), kept as code: each line's time formatted as it is
// written, instead of looked up in the table of the day's 86,400 times. The tests check that both
// write the same bytes, and `npm run bench -- loaders` times the two on the full-size extract.
import type { Simulation } from "./simulation";
import { formatTimeOfDay, writeLines, type Written } from "./write";

/** writeExtract, each line's time formatted on its own: the same files, byte for byte. */
export function writeExtractPlain(simulation: Simulation, file: string, truthFile: string, gzipLevel = 6, extra: Record<string, unknown> = {}): Promise<Written> {
  return writeLines(simulation, file, truthFile, gzipLevel, extra, formatTimeOfDay);
}
