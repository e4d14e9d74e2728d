// Pulls every document of an Elasticsearch index pattern into a gzip-compressed NDJSON file, one
// hit a line as Python's `scan` yields them ({_index, _id, _source}), with the official client's
// scroll helper (sorted by _doc, the cheapest order, as scan does). The file is written atomically:
// a pull that fails halfway leaves the previous snapshot as it was.
import { Client } from "@elastic/elasticsearch";
import { writeNdjson } from "./ndjson-writer";

export interface SnapshotOptions {
  /** The cluster, e.g. https://elastic.example.com:9200. */
  node: string;
  /** Index pattern (default "filebeat*", as the original). */
  index?: string;
  out: string;
  username?: string;
  password?: string;
  /** Hits per scroll page (default 1000, as scan). */
  pageSize?: number;
  /** How long the cluster keeps the scroll context between pages (default "5m"). */
  keepAlive?: string;
  /** Retries of a failed request (the client's default is 3). */
  maxRetries?: number;
  onProgress?: (pulled: number, total: number | null) => void;
}

export interface Snapshot {
  file: string;
  documents: number;
}

export async function pullSnapshot(options: SnapshotOptions): Promise<Snapshot> {
  const { node, index = "filebeat*", out, username, password, pageSize = 1000, keepAlive = "5m", onProgress } = options;
  const client = new Client({
    node,
    ...(username !== undefined && password !== undefined ? { auth: { username, password } } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  });
  let pulled = 0;
  async function* hits(): AsyncGenerator<unknown> {
    let total: number | null = null;
    const pages = client.helpers.scrollSearch<Record<string, unknown>>({
      index,
      scroll: keepAlive,
      size: pageSize,
      sort: ["_doc"],
      query: { match_all: {} },
      track_total_hits: true,
    });
    for await (const page of pages) {
      const reported = page.body.hits.total;
      total ??= typeof reported === "number" ? reported : (reported?.value ?? null);
      for (const hit of page.body.hits.hits) {
        yield { _index: hit._index, _id: hit._id, _source: hit._source };
        pulled++;
      }
      onProgress?.(pulled, total);
    }
  }
  try {
    const documents = await writeNdjson(out, hits(), { level: 6 });
    return { file: out, documents };
  } finally {
    await client.close();
  }
}
