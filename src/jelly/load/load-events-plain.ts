// The plain version of loadEvents (load-events.ts), kept as code: the file's blocks of lines read one
// after the other on this thread, each line by readBlock (the rules both share), and each column
// built from the rows' values as they are, without worker threads, packing or dictionaries. The tests
// take it as the oracle of the fast path, and `npm run bench -- loaders` times the two on the full
// snapshot.
import { assemble, loadWith, toSeries, type LoadedEvents } from "./load-events";
import { readBlocks, type ReadOptions } from "./ndjson-reader";

/** Loads the events on this thread; the same LoadedEvents, and the same errors, as loadEvents. */
export function loadEventsPlain(path: string, options: ReadOptions = {}): Promise<LoadedEvents> {
  return loadWith(path, options, {
    blocks: readBlocks,
    frame: (blocks) =>
      assemble(
        blocks,
        blocks.map((b) => [...b.columns.keys()]),
        (frame, name) => frame.withColumns(toSeries(name, blocks.flatMap((b) => b.columns.get(name) ?? new Array<unknown>(b.times.length).fill(null)))),
      ),
  });
}
