// The two search engines a snapshot is pulled from, behind one small interface: Elasticsearch
// through its official client (@elastic/elasticsearch), OpenSearch through its own
// (@opensearch-project/opensearch; the Elasticsearch client refuses a server that does not say it
// is Elasticsearch). Both read an index pattern inside a point in time, page after page in time
// order, with search_after. What differs is named here and nowhere else:
// - opening and closing the point in time (`_pit` vs `_search/point_in_time`);
// - the tiebreaker after the time: Elasticsearch has `_shard_doc`, unique within a point in time;
//   OpenSearch has none, so `_index` then `_id` (unique together; sorting on `_id` loads its field
//   data into the node's heap, which OpenSearch allows);
// - how each client reports a failure, turned here into one line (describeFailure).
//
// Times are sorted as milliseconds (`numeric_type: "date"`) whether the field is a `date` or a
// `date_nanos`: a sort value in nanoseconds (about 1.6·10^18) does not survive JavaScript's numbers,
// and search_after must send back exactly what the engine sent. Documents without a time sort
// first, at 0 (the default, Long.MIN_VALUE, cannot pass through JSON numbers either).
import { Client as ElasticsearchClient, errors as elasticsearchErrors } from "@elastic/elasticsearch";
import { Client as OpenSearchClient } from "@opensearch-project/opensearch";
import { SnapshotError, withRetries, type RetryPolicy } from "./snapshot-retry";

export type Engine = "elasticsearch" | "opensearch";
export const ENGINES: readonly Engine[] = ["elasticsearch", "opensearch"];

export interface Connection {
  /** The node's URL, without credentials. */
  node: string;
  username?: string;
  password?: string;
  /** How long to wait for an answer to one request, in ms (default 30,000). */
  requestTimeoutMs?: number;
}

/** A hit with the sort values the engine gave it (time in ms first). */
export interface SortedHit {
  _index: string;
  _id: string;
  _source: unknown;
  sort: unknown[];
}

export interface PageRequest {
  pitId: string;
  keepAlive: string;
  size: number;
  query: Record<string, unknown>;
  /** The last hit's sort values, from the page before. */
  after?: unknown[];
  /** Ask for the total (the first page only: it costs a count). */
  trackTotal: boolean;
}

export interface Page {
  hits: SortedHit[];
  /** The point in time to use for the next page (the engine may renew its id). */
  pitId: string;
  total: number | null;
}

export interface EngineClient {
  readonly engine: Engine;
  /** A point in time over the indices `index` matches, and how many shards it holds. */
  openPit(index: string, keepAlive: string): Promise<{ id: string; shards: number }>;
  /** How many indices, aliases and data streams `index` names (needs the view_index_metadata privilege). */
  resolve(index: string): Promise<number>;
  page(request: PageRequest): Promise<Page>;
  closePit(id: string): Promise<void>;
  close(): Promise<void>;
}

const TIME_SORT = { "@timestamp": { order: "asc", numeric_type: "date", missing: 0 } } as const;

export function connect(engine: Engine, connection: Connection): EngineClient {
  return engine === "elasticsearch" ? elasticsearch(connection) : opensearch(connection);
}

function auth(c: Connection): { auth?: { username: string; password: string } } {
  return c.username !== undefined && c.password !== undefined ? { auth: { username: c.username, password: c.password } } : {};
}

function totalOf(total: unknown): number | null {
  if (typeof total === "number") return total;
  const value = (total as { value?: unknown } | undefined)?.value;
  return typeof value === "number" ? value : null;
}

function elasticsearch(c: Connection): EngineClient {
  const client = new ElasticsearchClient({ node: c.node, ...auth(c), maxRetries: 0, requestTimeout: c.requestTimeoutMs ?? 30_000 });
  return {
    engine: "elasticsearch",
    async openPit(index, keepAlive) {
      const pit = await client.openPointInTime({ index, keep_alive: keepAlive });
      return { id: pit.id, shards: pit._shards.total };
    },
    async resolve(index) {
      const body = await client.indices.resolveIndex({ name: index });
      return body.indices.length + body.aliases.length + body.data_streams.length;
    },
    async page(r) {
      const body = await client.search<unknown>({
        pit: { id: r.pitId, keep_alive: r.keepAlive },
        size: r.size,
        sort: [TIME_SORT, { _shard_doc: "asc" }],
        query: r.query,
        track_total_hits: r.trackTotal,
        ...(r.after ? { search_after: r.after as (number | string)[] } : {}),
      });
      const hits = body.hits.hits.map((h) => ({ _index: h._index, _id: h._id ?? "", _source: h._source, sort: h.sort ?? [] }));
      return { hits, pitId: body.pit_id ?? r.pitId, total: totalOf(body.hits.total) };
    },
    async closePit(id) {
      await client.closePointInTime({ id });
    },
    close: () => client.close(),
  };
}

function opensearch(c: Connection): EngineClient {
  const client = new OpenSearchClient({ node: c.node, ...auth(c), maxRetries: 0, requestTimeout: c.requestTimeoutMs ?? 30_000 });
  return {
    engine: "opensearch",
    async openPit(index, keepAlive) {
      const { body } = await client.createPit({ index: [index], keep_alive: keepAlive });
      return { id: body.pit_id, shards: body._shards.total };
    },
    async resolve(index) {
      const { body } = await client.indices.resolveIndex({ name: index });
      return body.indices.length + body.aliases.length + body.data_streams.length;
    },
    async page(r) {
      const { body } = await client.search({
        body: {
          pit: { id: r.pitId, keep_alive: r.keepAlive },
          size: r.size,
          sort: [TIME_SORT, { _index: "asc" }, { _id: "asc" }],
          query: r.query,
          track_total_hits: r.trackTotal,
          ...(r.after ? { search_after: r.after as (number | string)[] } : {}),
        },
      } as Parameters<typeof client.search>[0]);
      const hits = body.hits.hits.map((h) => ({ _index: h._index ?? "", _id: h._id ?? "", _source: h._source, sort: (h.sort as unknown[] | undefined) ?? [] }));
      return { hits, pitId: body.pit_id ?? r.pitId, total: totalOf(body.hits.total) };
    },
    async closePit(id) {
      await client.deletePit({ body: { pit_id: [id] } });
    },
    close: () => client.close(),
  };
}

/**
 * Which engine answers at `node`, from its answer at `/`: every Elasticsearch answer carries the
 * `X-Elastic-Product: Elasticsearch` header (the one its client checks; a node without the
 * rest-root module answers `/` with 405, but still with the header), and OpenSearch says
 * `"distribution": "opensearch"` in the version it reports there.
 */
export async function detectEngine(c: Connection, retry: RetryPolicy = {}): Promise<Engine> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (c.username !== undefined && c.password !== undefined) headers["authorization"] = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
  const timeout = c.requestTimeoutMs ?? 30_000;
  return withRetries(
    async () => {
      // The node's own path: behind a proxy the cluster may live under a prefix (https://host/es/).
      const response = await fetch(new URL(c.node.endsWith("/") ? c.node : `${c.node}/`), { headers, signal: AbortSignal.timeout(timeout) });
      const text = await response.text();
      if (response.headers.get("x-elastic-product") === "Elasticsearch") return "elasticsearch";
      if (response.status === 401) throw failure(c, { status: 401, reason: "" });
      if (response.status === 429 || response.status >= 502) throw failure(c, { status: response.status, reason: text.slice(0, 120) });
      let distribution: unknown;
      try {
        distribution = (JSON.parse(text) as { version?: { distribution?: unknown } }).version?.distribution;
      } catch {
        // not JSON: not a search engine
      }
      if (response.ok && distribution === "opensearch") return "opensearch";
      throw new SnapshotError(`${c.node} did not say which engine it is (GET / answered ${response.status}, without the X-Elastic-Product header or an OpenSearch version): pass --engine elasticsearch or --engine opensearch`);
    },
    (e) => describeFailure(e, c),
    retry,
  );
}

interface Answer {
  status: number;
  type?: string;
  reason: string;
}

/** What an error answer says: its status, and the type and reason of its root cause. */
function answerOf(e: unknown): Answer | undefined {
  const meta = (e as { meta?: { statusCode?: unknown; body?: unknown } }).meta;
  // A request that got no answer (a timeout, a lost connection) has statusCode 0 or none.
  if (typeof meta?.statusCode !== "number" || meta.statusCode < 100) return undefined;
  const body = meta.body as { error?: { type?: string; reason?: string; root_cause?: { type?: string; reason?: string }[] } | string } | undefined;
  const error = typeof body?.error === "object" ? body.error : undefined;
  const cause = error?.root_cause?.[0] ?? error;
  return { status: meta.statusCode, ...(cause?.type ? { type: cause.type } : {}), reason: cause?.reason ?? (typeof body?.error === "string" ? body.error : "") };
}

/** What the request was about, for the message. */
export interface FailureContext {
  index?: string;
  engine?: Engine;
}

function failure(c: Connection, a: Answer, { index, engine }: FailureContext = {}): SnapshotError {
  const what = [a.type, a.reason].filter((s) => s).join(": ");
  const detail = `${a.status}${what ? ` ${what}` : ""}`;
  if (a.status === 401) return new SnapshotError(`${c.node} refused the credentials (401): set ELASTIC_USERNAME and ELASTIC_PASSWORD to a user of that cluster`);
  if (a.status === 403) return new SnapshotError(`${c.node} does not let ${c.username ?? "this user"} read ${index ? `'${index}'` : "it"} (${detail})`);
  if (a.status === 404 && a.type === "index_not_found_exception") return new SnapshotError(`no index matches '${index ?? a.reason}' on ${c.node} (${a.reason})`);
  if (a.status === 400 && /^no handler found for uri/.test(a.reason) && engine) {
    const other = ENGINES.find((e) => e !== engine);
    return new SnapshotError(`${c.node} lacks an API that ${engine} has (${a.reason}): is it ${other}? leave out --engine to ask the node`);
  }
  if (a.status === 429) return new SnapshotError(`${c.node} is overloaded and turned the request away (${detail})`, true);
  if (a.status === 502 || a.status === 503 || a.status === 504) return new SnapshotError(`${c.node} is unavailable (${detail})`, true);
  return new SnapshotError(`${c.node} answered ${detail}`);
}

/** Whatever a client (or fetch) threw, as one line that names the node and says what went wrong. */
export function describeFailure(e: unknown, c: Connection, context: FailureContext = {}): SnapshotError {
  if (e instanceof SnapshotError) return e;
  // Before the answer: the client refuses a successful answer that lacks the product header.
  if (e instanceof elasticsearchErrors.ProductNotSupportedError) return new SnapshotError(`${c.node} is not Elasticsearch (its answers lack the X-Elastic-Product header): if it is OpenSearch, pass --engine opensearch`);
  const answer = answerOf(e);
  if (answer) return failure(c, answer, context);
  const name = (e as { name?: string }).name ?? "";
  const message = String((e as { message?: unknown }).message ?? e);
  if (name === "TimeoutError" || name === "AbortError") return new SnapshotError(`${c.node} did not answer within ${((c.requestTimeoutMs ?? 30_000) / 1000).toLocaleString("en-US")} s`, true);
  const code = networkCode(e) ?? /\b(ECONNREFUSED|ENOTFOUND|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ETIMEDOUT)\b/.exec(message)?.[1] ?? (/socket hang up|other side closed/.test(message) ? "ECONNRESET" : undefined);
  if (code || name === "ConnectionError" || name === "NoLivingConnectionsError") {
    const why = code ? (NETWORK[code] ?? code) : message.split("\n")[0];
    return new SnapshotError(`cannot reach ${c.node} (${why})`, code !== "ENOTFOUND");
  }
  return new SnapshotError(`${c.node}: ${message.split("\n")[0]}`);
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "no such host",
  ECONNRESET: "the connection was closed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EAI_AGAIN: "name lookup failed",
  ETIMEDOUT: "the connection timed out",
};

/** The system error code under a client's or fetch's error (`cause` chains). */
function networkCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && code in NETWORK) return code;
  }
  return undefined;
}
