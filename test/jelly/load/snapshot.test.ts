// The pull against a loopback HTTP server that answers what @elastic/elasticsearch 8.x's scroll
// helper asks: POST /<index>/_search?scroll=..., POST /_search/scroll, DELETE /_search/scroll
// (lib/api/api/search.js, scroll.js, clear_scroll.js), each reply carrying the
// `x-elastic-product: Elasticsearch` header the client checks (@elastic/transport, Transport.js).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pullSnapshot } from "../../../src/jelly/load/snapshot";
import { parseSnapshotArgs } from "../../../src/jelly/load/snapshot-cli";
import { scratch } from "../../helpers";

interface Request {
  method: string;
  url: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

const DOCS = Array.from({ length: 25 }, (_, i) => ({
  _index: `filebeat-7.9.1-2020.06.0${1 + (i % 3)}`,
  _id: `id${i}`,
  _source: { "@timestamp": new Date(Date.UTC(2020, 5, 1) + i * 1000).toISOString(), message_decoded: { type: "join", data: { uuid: `u${i}` } } },
}));
const PAGE = 10;

/** A fake cluster holding DOCS; `failOnScroll` makes that scroll request (1-based) fail with a 500. */
async function cluster(options: { failOnScroll?: number } = {}): Promise<{ url: string; requests: Request[]; close: () => Promise<void> }> {
  const requests: Request[] = [];
  let scrolls = 0;
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "x-elastic-product": "Elasticsearch" });
    res.end(JSON.stringify(body));
  };
  const page = (from: number) => ({
    _scroll_id: `scroll-${from}`,
    took: 1,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: { total: { value: DOCS.length, relation: "eq" }, max_score: null, hits: DOCS.slice(from, from + PAGE).map((d, i) => ({ ...d, _score: null, sort: [from + i] })) },
  });
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, body });
      const path = (req.url ?? "").split("?")[0];
      if (req.method === "POST" && path === "/filebeat*/_search") return reply(res, 200, page(0));
      if (req.method === "POST" && path === "/_search/scroll") {
        scrolls++;
        if (scrolls === options.failOnScroll) return reply(res, 500, { error: { type: "search_context_missing_exception", reason: "No search context found" }, status: 500 });
        const from = Number(String(body["scroll_id"]).split("-")[1]) + PAGE;
        return reply(res, 200, page(from));
      }
      if (req.method === "DELETE" && path === "/_search/scroll") return reply(res, 200, { succeeded: true, num_freed: 1 });
      reply(res, 404, { error: `unexpected ${req.method} ${req.url}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function rejects(fn: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await fn();
  } catch (e) {
    assert.match(String((e as Error).message ?? e), pattern);
    return;
  }
  assert.unreachable("expected a rejection");
}

function readSnapshot(file: string): unknown[] {
  return gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as unknown);
}

test("pulls every page with the credentials and writes one hit a line, gzip-compressed", async () => {
  const es = await cluster();
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "snapshot.ndjson.gz");
    const progress: [number, number | null][] = [];
    const result = await pullSnapshot({ node: es.url, out, username: "elastic", password: "s3cret", pageSize: PAGE, onProgress: (n, total) => progress.push([n, total]) });
    assert.equal(result, { file: out, documents: 25 });
    assert.equal(readSnapshot(out), DOCS);
    assert.equal(progress, [[10, 25], [20, 25], [25, 25]]);
    const basic = `Basic ${Buffer.from("elastic:s3cret").toString("base64")}`;
    assert.ok(es.requests.every((r) => r.authorization === basic), "every request carries the credentials");
    assert.equal(es.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`), [
      "POST /filebeat*/_search",
      "POST /_search/scroll",
      "POST /_search/scroll",
      "POST /_search/scroll",
      "DELETE /_search/scroll",
    ]);
    const first = es.requests[0] as Request;
    assert.match(first.url, /scroll=5m/);
    assert.equal(first.body["query"], { match_all: {} });
    assert.equal(first.body["sort"], ["_doc"]);
    assert.is(first.body["size"], PAGE);
    assert.is((es.requests[1] as Request).body["scroll_id"], "scroll-0");
  } finally {
    cleanup();
    await es.close();
  }
});

test("a failure halfway leaves the previous snapshot untouched, and no temporary file", async () => {
  const es = await cluster({ failOnScroll: 2 });
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "snapshot.ndjson.gz");
    writeFileSync(out, "the previous snapshot");
    await rejects(() => pullSnapshot({ node: es.url, out, pageSize: PAGE, maxRetries: 0 }), /search_context_missing_exception|500/);
    assert.is(readFileSync(out, "utf8"), "the previous snapshot");
    assert.equal(readdirSync(dir), ["snapshot.ndjson.gz"]);
  } finally {
    cleanup();
    await es.close();
  }
});

test("a server that is not Elasticsearch is refused (the client's product check)", async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ hits: { hits: [] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(dir, { recursive: true });
    const out = join(dir, "x.ndjson.gz");
    await rejects(() => pullSnapshot({ node: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, out, maxRetries: 0 }), /not Elasticsearch|unknown product/i);
    assert.equal(readdirSync(dir), []);
  } finally {
    cleanup();
    await new Promise((resolve) => server.close(resolve));
  }
});

test("command line: --node is required, credentials from the environment, user 'elastic' by default", () => {
  const day = new Date("2020-10-06T12:00:00Z");
  const o = parseSnapshotArgs(["--node", "https://es.example.com:9200"], { ELASTIC_PASSWORD: "pw" }, day);
  assert.is(o.index, "filebeat*");
  assert.is(o.username, "elastic");
  assert.is(o.password, "pw");
  assert.match(o.out, /data\/jelly\/full\/snapshot-2020-10-06\.ndjson\.gz$/);
  const p = parseSnapshotArgs(["--node", "http://localhost:9200", "--index", "logs-*", "--out", "x.ndjson.gz"], { ELASTIC_USERNAME: "me", ELASTIC_PASSWORD: "pw" }, day);
  assert.equal([p.index, p.username, p.out.endsWith("/x.ndjson.gz")], ["logs-*", "me", true]);
  assert.is(parseSnapshotArgs(["--node", "http://localhost:9200"], {}).username, undefined);
  assert.throws(() => parseSnapshotArgs([], {}), /--node is required/);
  assert.throws(() => parseSnapshotArgs(["--node", "localhost"], {}), /not a URL/);
  assert.throws(() => parseSnapshotArgs(["--node", "http://x", "--bogus"], {}), /unknown argument/);
});

test.run();
