// What the pull does without a search node: its command line, its retry schedule, and the two
// answers that the real nodes of the integration tests (snapshot-*.integration.test.ts) cannot
// give, from loopback HTTP servers of this test, named as such:
// - a server that is no search engine at all (a wrong port), which detection must refuse;
// - a cluster with security on that refuses the credentials (401): the nodes built from Maven
//   Central have no security module (x-pack's is not published there; OpenSearch's is a separate
//   plugin with its own certificates), so they take any credentials.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pullSnapshot } from "../../../src/jelly/load/snapshot";
import { parseSnapshotArgs } from "../../../src/jelly/load/snapshot-cli";
import { detectEngine } from "../../../src/jelly/load/snapshot-engine";
import { retryDelay, SnapshotError, withRetries } from "../../../src/jelly/load/snapshot-retry";
import { updateSnapshot } from "../../../src/jelly/load/snapshot-update";
import { scratch } from "../../helpers";

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function rejects(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return (e as Error).message;
  }
  assert.unreachable("expected a rejection");
  return "";
}

test("imitation of a web server that is no search engine: detection says so and asks for --engine", async () => {
  const web = await serve((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<html>hello</html>");
  });
  try {
    const message = await rejects(() => detectEngine({ node: web.url }));
    assert.is(message, `${web.url} did not say which engine it is (GET / answered 200, without the X-Elastic-Product header or an OpenSearch version): pass --engine elasticsearch or --engine opensearch`);
  } finally {
    await web.close();
  }
});

test("imitation of a secured cluster: wrong credentials are one line, asked once, and nothing is written", async () => {
  const requests: { url: string; authorization: string | undefined }[] = [];
  const secured = await serve((req, res) => {
    requests.push({ url: req.url ?? "", authorization: req.headers.authorization });
    // What Elasticsearch's security answers: 401 with the product header and a challenge.
    res.writeHead(401, { "content-type": "application/json", "x-elastic-product": "Elasticsearch", "www-authenticate": 'Basic realm="security" charset="UTF-8"' });
    res.end(JSON.stringify({ error: { root_cause: [{ type: "security_exception", reason: "unable to authenticate user [elastic] for REST request [/filebeat*/_pit]" }], type: "security_exception", reason: "unable to authenticate user [elastic] for REST request [/filebeat*/_pit]" }, status: 401 }));
  });
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "snapshot.ndjson.gz");
    const message = await rejects(() => pullSnapshot({ node: secured.url, out, username: "elastic", password: "wrong", retry: { firstDelayMs: 1 } }));
    assert.is(message, `${secured.url} refused the credentials (401): set ELASTIC_USERNAME and ELASTIC_PASSWORD to a user of that cluster`);
    assert.not.match(message, /wrong/, "the password is never printed");
    assert.equal(readdirSync(dir), []);
    const basic = `Basic ${Buffer.from("elastic:wrong").toString("base64")}`;
    assert.ok(requests.length >= 1 && requests.every((r) => r.authorization === basic), "every request carries the credentials");
    assert.is(requests.filter((r) => r.url.includes("_pit")).length, 1, "a 401 is not retried");
  } finally {
    cleanup();
    await secured.close();
  }
});

test("--update takes a folder: a file there is refused before anything is asked of a node", async () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "snapshot.ndjson.gz");
    writeFileSync(file, "a single-file snapshot");
    assert.is(await rejects(() => updateSnapshot(file, { node: "http://127.0.0.1:1" })), `${file} is a file: --update takes a folder (a single-file snapshot is pulled with --out)`);
    assert.is(readFileSync(file, "utf8"), "a single-file snapshot");
  } finally {
    cleanup();
  }
});

test("retries: the pause doubles from the first delay up to the longest; only retryable errors are retried, a bounded number of times", async () => {
  assert.equal([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n)), [500, 1000, 2000, 4000, 8000, 8000]);
  assert.equal([1, 2, 3].map((n) => retryDelay(n, { firstDelayMs: 10, maxDelayMs: 25 })), [10, 20, 25]);
  let calls = 0;
  const told: string[] = [];
  const busy = new SnapshotError("busy", true);
  const message = await rejects(() =>
    withRetries(
      async () => {
        calls++;
        throw busy;
      },
      () => busy,
      { attempts: 3, firstDelayMs: 1, onRetry: (n, e, delay) => void told.push(`${n} ${e.message} ${delay}`) },
    ),
  );
  assert.equal([calls, message, told], [3, "busy (tried 3 times)", ["1 busy 1", "2 busy 2"]]);
  calls = 0;
  assert.is(await rejects(() => withRetries(async () => (calls++, Promise.reject(new Error("x"))), () => new SnapshotError("bad request"), { firstDelayMs: 1 })), "bad request");
  assert.is(calls, 1);
  calls = 0;
  assert.is(await withRetries(async () => (++calls < 3 ? Promise.reject(busy) : "done"), () => busy, { firstDelayMs: 1 }), "done");
});

test("command line: a file or a folder; engine, index and limits checked; credentials only from the environment", () => {
  const day = new Date("2020-10-06T12:00:00Z");
  const file = parseSnapshotArgs(["--node", "https://es.example.com:9200"], { ELASTIC_PASSWORD: "pw" }, day);
  assert.is(file.kind, "file");
  if (file.kind !== "file") return;
  assert.equal([file.options.index, file.options.username, file.options.password, file.options.engine], ["filebeat*", "elastic", "pw", undefined]);
  assert.match(file.out, /data\/jelly\/full\/snapshot-2020-10-06\.ndjson\.gz$/);
  const os = parseSnapshotArgs(["--node", "http://localhost:9200", "--engine", "opensearch", "--index", "logs-*", "--out", "x.ndjson.gz", "--page-size", "500", "--timeout", "5", "--retries", "2"], { ELASTIC_USERNAME: "admin", ELASTIC_PASSWORD: "pw" }, day);
  assert.ok(os.kind === "file" && os.out.endsWith("/x.ndjson.gz"));
  assert.equal([os.options.engine, os.options.index, os.options.username, os.options.pageSize, os.options.requestTimeoutMs, os.options.retry?.attempts], ["opensearch", "logs-*", "admin", 500, 5000, 3]);
  const update = parseSnapshotArgs(["--update", "snap"], {});
  assert.ok(update.kind === "update" && update.dir.endsWith("/snap") && update.options.node === undefined && update.options.username === undefined);
  assert.throws(() => parseSnapshotArgs([], {}), /--node is required/);
  assert.throws(() => parseSnapshotArgs(["--node", "localhost"], {}), /not a URL/);
  assert.throws(() => parseSnapshotArgs(["--node", "ftp://x"], {}), /http or https/);
  assert.throws(() => parseSnapshotArgs(["--node", "https://elastic:pw@es.example.com"], {}), /ELASTIC_USERNAME and ELASTIC_PASSWORD, not in the URL/);
  assert.throws(() => parseSnapshotArgs(["--node", "http://x", "--bogus"], {}), /Unknown option '--bogus'/);
  assert.throws(() => parseSnapshotArgs(["--node", "http://x", "--engine", "solr"], {}), /--engine solr: expected elasticsearch or opensearch/);
  assert.throws(() => parseSnapshotArgs(["--node", "http://x", "--out", "f", "--update", "d"], {}), /exclude each other/);
  assert.throws(() => parseSnapshotArgs(["--node", "http://x", "--page-size", "0"], {}), /--page-size 0: expected a whole number of at least 1/);
});

test.run();
