// Faults of a pull against real nodes (node-suites.ts), made the way they happen: a node that turns
// requests away (its in-flight requests breaker set to a byte: every search answers 429), a node
// that stops answering (its JVM paused), names that match no index, a port where nothing listens,
// and the node stopped in the middle of an update. (Wrong credentials need a cluster with security,
// which the nodes built from Maven Central lack: snapshot.test.ts imitates that one.)
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import * as assert from "uvu/assert";
import { pullSnapshot } from "../../../src/jelly/load/snapshot";
import { MANIFEST, partName } from "../../../src/jelly/load/snapshot-manifest";
import { updateSnapshot } from "../../../src/jelly/load/snapshot-update";
import { ROOT } from "../../helpers";
import { bulkIndex, nodeRequest, readHits, SAMPLE, type Hit } from "./filebeat";
import { onEachEngine } from "./node-suites";
import { SNAPSHOT_CLI, snapshotCli } from "./notebook-records";

const SAMPLE_HITS = readHits(SAMPLE);
const PREVIOUS = "the previous snapshot";

/** The node's limit on the bytes of requests in flight: "1b" turns every search away with a 429. */
async function breaker(url: string, limit: string | null): Promise<void> {
  await nodeRequest(url, "PUT", "/_cluster/settings", { transient: { "network.breaker.inflight_requests.limit": limit } });
}

async function failure(run: Promise<unknown>): Promise<string> {
  return run.then(() => "no error", (e: Error) => e.message);
}

/** A port on 127.0.0.1 where nothing listens (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

onEachEngine("faults", (test, engine) => {
  const previous = (dir: string) => {
    const out = join(dir, "snapshot.ndjson.gz");
    writeFileSync(out, PREVIOUS);
    return out;
  };

  test("(the sample indexed)", async ({ node }) => {
    await bulkIndex(node.url, SAMPLE_HITS);
  });

  test("a request turned away with 429 is asked again after a pause, and the pull completes", async ({ node, dir }) => {
    await breaker(node.url, "1b");
    const told: string[] = [];
    const pulled = await pullSnapshot({
      node: node.url,
      engine,
      out: join(dir, "retried.ndjson.gz"),
      pageSize: 5000,
      retry: { firstDelayMs: 50, onRetry: async (n, e) => (told.push(`${n}: ${e.message}`), breaker(node.url, null)) },
    });
    assert.is(pulled.documents, SAMPLE_HITS.length);
    assert.is(told.length, 1);
    assert.match(told[0] as string, new RegExp(`^1: ${node.url} is overloaded and turned the request away \\(429 circuit_breaking_exception: \\[in_?flight_requests\\] Data too large`));
  });

  test("a node that keeps turning requests away: the pull gives up after the tries allowed, one line, the previous snapshot kept", async ({ node, dir }) => {
    await breaker(node.url, "1b");
    try {
      const out = previous(dir);
      const delays: number[] = [];
      const message = await failure(pullSnapshot({ node: node.url, engine, out, retry: { attempts: 3, firstDelayMs: 20, onRetry: (_n, _e, delay) => void delays.push(delay) } }));
      assert.match(message, new RegExp(`^${node.url} is overloaded and turned the request away \\(429 .*\\) \\(tried 3 times\\)$`));
      assert.equal(delays, [20, 40]);
      assert.is(readFileSync(out, "utf8"), PREVIOUS);
      assert.equal(readdirSync(dir).filter((f) => f.startsWith("snapshot")), ["snapshot.ndjson.gz"]);
    } finally {
      await breaker(node.url, null);
    }
  });

  test("a node that stops answering (its JVM paused): the request times out and is asked again once it answers", async ({ node, dir }) => {
    const told: string[] = [];
    node.pause();
    try {
      const pulled = await pullSnapshot({
        node: node.url,
        engine,
        out: join(dir, "after-a-pause.ndjson.gz"),
        pageSize: 5000,
        requestTimeoutMs: 1000,
        retry: { firstDelayMs: 50, onRetry: (_n, e) => (told.push(e.message), node.resume()) },
      });
      assert.is(pulled.documents, SAMPLE_HITS.length);
    } finally {
      node.resume();
    }
    assert.equal(told, [`${node.url} did not answer within 1 s`]);
  });

  test("an index that does not exist, a pattern that matches none: one line each, nothing written", async ({ node, dir }) => {
    const out = previous(dir);
    assert.is(await failure(pullSnapshot({ node: node.url, engine, out, index: "nothing-here-*" })), `no index matches 'nothing-here-*' on ${node.url}`);
    assert.match(await failure(pullSnapshot({ node: node.url, engine, out, index: "filebeat-missing" })), new RegExp(`^no index matches 'filebeat-missing' on ${node.url}`));
    assert.is(readFileSync(out, "utf8"), PREVIOUS);
    const cli = snapshotCli(["--node", node.url, "--index", "nothing-here-*", "--out", out]);
    assert.is(cli.status, 1);
    assert.equal(cli.stderr.trim().split("\n"), [`snapshot failed, ${out} left as it was: no index matches 'nothing-here-*' on ${node.url}`]);
  });

  test("a port where nothing listens: one line after the tries allowed, exit 1", async ({ dir }) => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const out = previous(dir);
    assert.is(await failure(pullSnapshot({ node: url, out, retry: { attempts: 2, firstDelayMs: 10 } })), `cannot reach ${url} (connection refused) (tried 2 times)`);
    const cli = snapshotCli(["--node", url, "--out", out, "--retries", "1"]);
    assert.is(cli.status, 1);
    assert.is(cli.stderr.trim().split("\n").at(-1), `snapshot failed, ${out} left as it was: cannot reach ${url} (connection refused) (tried 2 times)`);
    assert.is(readFileSync(out, "utf8"), PREVIOUS);
  });

  // Last: it stops the node.
  test("the node stopped in the middle of an update: no part written, the manifest and earlier parts unchanged, one line, exit 1", async ({ node, dir }) => {
    const folder = join(dir, "folder");
    await updateSnapshot(folder, { node: node.url, pageSize: 5000 });
    // Twenty thousand documents more, after the first part's end.
    const later = SAMPLE_HITS.slice(0, 20_000).map((h): Hit => ({ _index: h._index, _id: `${h._id}-later`, _source: { ...h._source, "@timestamp": new Date(Date.parse(h._source["@timestamp"] as string) + 30 * 86_400_000).toISOString() } }));
    await bulkIndex(node.url, later);
    const before = { manifest: readFileSync(join(folder, MANIFEST)), part: sha(join(folder, partName(1))), files: readdirSync(folder).sort() };
    const child = spawn(process.execPath, [SNAPSHOT_CLI, "--update", folder, "--page-size", "100", "--retries", "2"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let stopping: Promise<void> | undefined;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!stopping && /pulled [\d,]+ of 20,000 documents/.test(stderr)) stopping = node.stop();
    });
    const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    await stopping;
    const lines = stderr.trim().split("\n");
    assert.is(status, 1, stderr);
    assert.match(lines.at(-1) as string, new RegExp(`^update failed \\(after [\\d,]+ of 20,000 documents\\), ${folder} left as it was: cannot reach ${node.url} \\((connection refused|the connection was closed)\\) \\(tried 3 times\\)$`));
    assert.equal({ manifest: readFileSync(join(folder, MANIFEST)), part: sha(join(folder, partName(1))), files: readdirSync(folder).sort() }, before);
  });
});
