// Pulls the documents of an index pattern from Elasticsearch or OpenSearch (snapshot-engine.ts) in
// time order, page after page with search_after inside one point in time: the pull reads the index
// as it was when it began, so documents written meanwhile are neither skipped nor read twice. A
// single-file snapshot (pullSnapshot) is gzip NDJSON, one hit a line as Python's `scan` yields them
// ({_index, _id, _source}), written atomically: a pull that fails halfway leaves the previous
// snapshot as it was. A snapshot folder pulled in parts is snapshot-update.ts.
import { writeNdjson } from "./ndjson-writer";
import { connect, describeFailure, detectEngine, type Connection, type Engine, type EngineClient, type SortedHit } from "./snapshot-engine";
import type { Position } from "./snapshot-manifest";
import { SnapshotError, withRetries, type RetryPolicy } from "./snapshot-retry";

export interface PullOptions extends Connection {
  /** Which engine `node` is; asked of the node (its answer at `/`) when omitted. */
  engine?: Engine;
  /** Index pattern (default "filebeat*", as the original). */
  index?: string;
  /** Hits per page (default 5000: each page is a round trip and a search of every shard, ~50 ms on a
   * local node, so pages of 1000 made a pull three times slower; 5000 filebeat documents are ~5 MB). */
  pageSize?: number;
  /** How long the node keeps the point in time between two pages (default "5m"). */
  keepAlive?: string;
  /** Retries of a request that the node turned away or did not answer (snapshot-retry.ts). */
  retry?: RetryPolicy;
  /** After each page: documents pulled so far, and how many the pull expects (null if unknown). */
  onProgress?: (pulled: number, total: number | null) => void;
}

export interface SnapshotOptions extends PullOptions {
  out: string;
}

export interface Snapshot {
  file: string;
  engine: Engine;
  documents: number;
}

export const DEFAULT_INDEX = "filebeat*";

/** Every document of the index pattern into one gzip NDJSON file, replaced whole. */
export async function pullSnapshot(options: SnapshotOptions): Promise<Snapshot> {
  return withClient(options, async (client) => {
    const hits = pullHits(client, options, null);
    const documents = await writeNdjson(options.out, asLines(hits), { level: 6 });
    return { file: options.out, engine: client.engine, documents };
  });
}

/** Opens a client for the engine (told or detected), runs `use`, and closes it. */
export async function withClient<T>(options: PullOptions, use: (client: EngineClient) => Promise<T>): Promise<T> {
  const engine = options.engine ?? (await detectEngine(options, options.retry));
  const client = connect(engine, options);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

/** The hits as the snapshot's lines hold them. */
export async function* asLines(hits: AsyncIterable<SortedHit>): AsyncGenerator<unknown> {
  for await (const hit of hits) yield { _index: hit._index, _id: hit._id, _source: hit._source };
}

/**
 * The documents of the index pattern in time order (then the engine's tiebreaker), after `after`
 * when given: those at or after its millisecond, less the ones it lists as already pulled.
 */
export async function* pullHits(client: EngineClient, options: PullOptions, after: Position | null): AsyncGenerator<SortedHit> {
  const { index = DEFAULT_INDEX, pageSize = 5000, keepAlive = "5m", onProgress } = options;
  const ask = <T>(request: () => Promise<T>) => withRetries(request, (e) => describeFailure(e, options, { index, engine: client.engine }), options.retry);
  const noMatch = new SnapshotError(`no index matches '${index}' on ${options.node}`);
  let pit: { id: string; shards: number };
  try {
    pit = await ask(() => client.openPit(index, keepAlive));
  } catch (e) {
    // OpenSearch 2.19 fails to open a point in time over nothing (a 400 from a null id); asked only
    // then, since a user who may read an index may not be allowed to resolve its name.
    if ((await client.resolve(index).catch(() => undefined)) === 0) throw noMatch;
    throw e;
  }
  let pitId = pit.id;
  try {
    if (pit.shards === 0) throw noMatch;
    const pulledBefore = after ? new Set(after.ids.map(([i, id]) => key(i, id))) : undefined;
    const query = after ? { range: { "@timestamp": { gte: after.ms, format: "epoch_millis" } } } : { match_all: {} };
    let searchAfter: unknown[] | undefined;
    let pulled = 0;
    let total: number | null = null;
    for (let first = true; ; first = false) {
      const page = await ask(() => client.page({ pitId, keepAlive, size: pageSize, query, trackTotal: first, ...(searchAfter ? { after: searchAfter } : {}) }));
      pitId = page.pitId;
      if (first && page.total !== null) total = Math.max(0, page.total - (pulledBefore?.size ?? 0));
      for (const hit of page.hits) {
        if (pulledBefore && after && hit.sort[0] === after.ms && pulledBefore.has(key(hit._index, hit._id))) continue;
        pulled++;
        yield hit;
      }
      onProgress?.(pulled, total);
      const last = page.hits[page.hits.length - 1];
      if (!last || page.hits.length < pageSize) break;
      searchAfter = last.sort;
    }
  } finally {
    // Best effort: a point in time left open ends by itself after keepAlive.
    await client.closePit(pitId).catch(() => undefined);
  }
}

/** Follows the hits of a pull to the position it ends at, starting from `after`. */
export class PositionTracker {
  private ms: number | null;
  private ids: [string, string][];

  constructor(after: Position | null) {
    this.ms = after?.ms ?? null;
    this.ids = after ? after.ids.map(([i, id]) => [i, id]) : [];
  }

  see(hit: SortedHit): void {
    const ms = hit.sort[0];
    if (typeof ms !== "number") throw new SnapshotError(`the node sorted ${hit._index}/${hit._id} by ${JSON.stringify(ms)}, not by a time in milliseconds`);
    if (this.ms === null || ms > this.ms) {
      this.ms = ms;
      this.ids = [[hit._index, hit._id]];
    } else if (ms === this.ms) this.ids.push([hit._index, hit._id]);
  }

  position(): Position | null {
    return this.ms === null ? null : { ms: this.ms, ids: this.ids };
  }
}

function key(index: string, id: string): string {
  return `${index}\u0000${id}`;
}
