// A full pull from real nodes, Elasticsearch 8.19 and OpenSearch 2.19 (node-suites.ts): the
// committed sample is indexed as filebeat writes it (filebeat.ts), pulled back with the engine's
// own client, and the notebook records on the pulled snapshot exactly what it records on the sample.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as assert from "uvu/assert";
import { pullSnapshot } from "../../../src/jelly/load/snapshot";
import { detectEngine, ENGINES } from "../../../src/jelly/load/snapshot-engine";
import { scratch } from "../../helpers";
import { bulkIndex, nodeRequest, readHits, SAMPLE, type Hit } from "./filebeat";
import { onEachEngine } from "./node-suites";
import { notebookRecords, sampleRecords, snapshotCli } from "./notebook-records";

const SAMPLE_HITS = readHits(SAMPLE);
const byKey = (hits: readonly Hit[]) => [...hits].sort((a, b) => (a._index + a._id < b._index + b._id ? -1 : 1));

onEachEngine("full pull", (test, engine) => {
  test("the sample goes in through the bulk API, with filebeat's mapping", async ({ node }) => {
    await bulkIndex(node.url, SAMPLE_HITS);
    assert.is((await nodeRequest(node.url, "GET", "/filebeat*/_count"))["count"], SAMPLE_HITS.length);
    const mappings = (await nodeRequest(node.url, "GET", "/filebeat-7.9.1-2020.06.01/_mapping")) as Record<string, { mappings: { properties: Record<string, { type?: string; properties?: Record<string, { type?: string }> }> } }>;
    const fields = Object.values(mappings)[0]?.mappings.properties;
    assert.is(fields?.["@timestamp"]?.type, "date_nanos");
    assert.is(fields?.["message_decoded"]?.properties?.["type"]?.type, "keyword");
  });

  test("the node says which engine it is at /", async ({ node }) => {
    assert.is(await detectEngine({ node: node.url }), engine);
  });

  test("a full pull gives back every document of the sample, unchanged, in time order", async ({ node }) => {
    const { dir, cleanup } = scratch();
    try {
      const out = join(dir, "snapshot.ndjson.gz");
      const progress: number[] = [];
      const pulled = await pullSnapshot({ node: node.url, out, pageSize: 5000, onProgress: (n) => progress.push(n) });
      assert.equal(pulled, { file: out, engine, documents: SAMPLE_HITS.length });
      assert.equal(progress, [5000, 10000, 15000, 20000, 25000, 30000, 35000, SAMPLE_HITS.length]);
      const hits = readHits(out);
      assert.equal(byKey(hits), byKey(SAMPLE_HITS));
      const times = hits.map((h) => Date.parse(h._source["@timestamp"] as string));
      assert.ok(times.every((t, i) => i === 0 || (times[i - 1] as number) <= t), "in time order");
    } finally {
      cleanup();
    }
  });

  test("the notebook records on the pulled snapshot exactly what it records on the committed sample", async ({ node }) => {
    const { dir, cleanup } = scratch();
    try {
      const out = join(dir, "pulled.ndjson.gz");
      await pullSnapshot({ node: node.url, engine, out });
      assert.equal(notebookRecords(out), sampleRecords());
    } finally {
      cleanup();
    }
  });

  test("the other engine's client is turned away with one line", async ({ node }) => {
    const other = ENGINES.find((e) => e !== engine);
    const { dir, cleanup } = scratch();
    try {
      const out = join(dir, "x.ndjson.gz");
      writeFileSync(out, "the previous snapshot");
      let message = "";
      await pullSnapshot({ node: node.url, engine: other, out, retry: { attempts: 1 } }).catch((e: Error) => (message = e.message));
      // What each client asks for to open a point in time (the Elasticsearch client sends keep_alive in the body).
      const api = other === "elasticsearch" ? "/filebeat*/_pit" : "/filebeat*/_search/point_in_time?keep_alive=5m";
      assert.is(message, `${node.url} lacks an API that ${other} has (no handler found for uri [${api}] and method [POST]): is it ${engine}? leave out --engine to ask the node`);
      assert.is(readFileSync(out, "utf8"), "the previous snapshot");
    } finally {
      cleanup();
    }
  });

  test("npm run snapshot:jelly: one line when done, exit 0; credentials from the environment", ({ node }) => {
    const { dir, cleanup } = scratch();
    try {
      const out = join(dir, "cli.ndjson.gz");
      const run = snapshotCli(["--node", node.url, "--out", out], { ELASTIC_USERNAME: "analyst", ELASTIC_PASSWORD: "pw" });
      assert.is(run.status, 0, run.stderr);
      assert.is(run.stderr.trim().split("\n").at(-1), `wrote 38,693 documents from ${engine} to ${out}`);
      assert.is(readHits(out).length, SAMPLE_HITS.length);
    } finally {
      cleanup();
    }
  });
});
