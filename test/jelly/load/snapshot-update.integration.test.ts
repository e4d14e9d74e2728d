// `snapshot:jelly --update DIR` against real nodes (node-suites.ts): the index grows as filebeat
// fills it, each update pulls only what is new as a part, and the notebook reads the folder.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import * as assert from "uvu/assert";
import { TYPE } from "../../../src/jelly/load/columns";
import { loadEvents } from "../../../src/jelly/load/load-events";
import { ENGINES } from "../../../src/jelly/load/snapshot-engine";
import { MANIFEST, partName, readManifest } from "../../../src/jelly/load/snapshot-manifest";
import { updateSnapshot } from "../../../src/jelly/load/snapshot-update";
import { bulkIndex, byTime, readHits, SAMPLE, type Hit } from "./filebeat";
import { onEachEngine } from "./node-suites";
import { notebookRecords, reportOn, sampleRecords, snapshotCli } from "./notebook-records";

const ORDERED = byTime(readHits(SAMPLE));
/** The index holds 99 % of the sample at the first pull; the newest 1 % comes after. */
const CUT = Math.floor(ORDERED.length * 0.99);
const LAST = ORDERED.at(-1) as Hit;
const msOf = (hit: Hit) => Date.parse(hit._source["@timestamp"] as string);
const keys = (hits: readonly Hit[]) => hits.map((h) => `${h._index}/${h._id}`).sort();
const refusal = (p: Promise<unknown>) => p.then(() => "no error", (e: Error) => e.message);

onEachEngine("update", (test, engine) => {
  const snapshot = (dir: string) => join(dir, "snapshot");
  const reports = (dir: string) => join(dir, "reports");

  test("into an empty folder, the first update pulls everything there is: part 1", async ({ node, dir }) => {
    await bulkIndex(node.url, ORDERED.slice(0, CUT));
    const { part, manifest } = await updateSnapshot(snapshot(dir), { node: node.url, pageSize: 5000 });
    assert.equal([manifest.engine, manifest.node, manifest.index, manifest.parts.length], [engine, node.url, "filebeat*", 1]);
    assert.equal([part?.file, part?.documents, part?.after], [partName(1), CUT, null]);
    const last = ORDERED[CUT - 1] as Hit;
    assert.is(part?.through?.ms, msOf(last));
    assert.ok(part?.through?.ids.some(([index, id]) => index === last._index && id === last._id));
    assert.equal(keys(readHits(join(snapshot(dir), partName(1)))), keys(ORDERED.slice(0, CUT)));
  });

  test("the next pulls only the 1 % indexed since: part 2, the manifest lists both", async ({ node, dir }) => {
    await bulkIndex(node.url, ORDERED.slice(CUT));
    const before = readManifest(snapshot(dir));
    const { part, manifest } = await updateSnapshot(snapshot(dir), {});
    assert.equal([part?.file, part?.documents, manifest.parts.length], [partName(2), ORDERED.length - CUT, 2]);
    assert.equal(part?.after, before?.parts[0]?.through);
    assert.equal(keys(readHits(join(snapshot(dir), partName(2)))), keys(ORDERED.slice(CUT)));
    assert.equal(readdirSync(snapshot(dir)).sort(), [MANIFEST, partName(1), partName(2)]);
  });

  test("the notebook on the folder records exactly what it records on the committed sample", ({ dir }) => {
    assert.equal(notebookRecords(snapshot(dir), reports(dir)), sampleRecords());
  });

  test("nothing new: no part, the manifest untouched", async ({ dir }) => {
    const manifest = join(snapshot(dir), MANIFEST);
    const [bytes, stamp] = [readFileSync(manifest), statSync(manifest).mtimeMs];
    assert.is((await updateSnapshot(snapshot(dir), {})).part, null);
    assert.equal([readFileSync(manifest), statSync(manifest).mtimeMs], [bytes, stamp]);
    assert.equal(readdirSync(snapshot(dir)).sort(), [MANIFEST, partName(1), partName(2)]);
  });

  test("a document re-indexed under its _id counts once, as its newest copy; one written at the last pulled millisecond is not missed", async ({ node, dir }) => {
    const through = readManifest(snapshot(dir))?.parts[1]?.through;
    assert.is(through?.ms, msOf(LAST));
    const redone = ORDERED[10] as Hit;
    const reindexed: Hit = { ...redone, _source: { ...redone._source, "@timestamp": new Date(msOf(LAST) + 60_000).toISOString(), message_decoded: { type: "reindexed", data: {} } } };
    // Filebeat writes many documents within a millisecond: one more, at the very one the last part ended on.
    const sameMs: Hit = { _index: LAST._index, _id: "written-late", _source: { ...LAST._source } };
    await bulkIndex(node.url, [reindexed, sameMs]);
    const { part } = await updateSnapshot(snapshot(dir), {});
    assert.equal([part?.file, part?.documents], [partName(3), 2]);
    assert.equal(keys(readHits(join(snapshot(dir), partName(3)))), keys([reindexed, sameMs]));
    const events = await loadEvents(snapshot(dir), { columns: [TYPE, "_id"] });
    assert.equal([events.documents, events.superseded, events.frame.height], [ORDERED.length + 1, 1, ORDERED.length + 1]);
    const rows = events.frame.filter(pl.col("_id").eq(pl.lit(redone._id))).toRecords();
    assert.equal(rows.map((r) => r[TYPE]), ["reindexed"]);
  });

  test("an update from another node, index or engine is refused, the folder left as it was", async ({ node, dir }) => {
    const manifest = readFileSync(join(snapshot(dir), MANIFEST));
    const other = ENGINES.find((e) => e !== engine);
    const why = "an update from elsewhere would mix two sources (pull into a new folder instead)";
    assert.is(await refusal(updateSnapshot(snapshot(dir), { node: "http://127.0.0.1:1" })), `${snapshot(dir)} was pulled from node ${node.url}: ${why}`);
    assert.is(await refusal(updateSnapshot(snapshot(dir), { index: "logs-*", engine: other })), `${snapshot(dir)} was pulled from index 'filebeat*', engine ${engine}: ${why}`);
    assert.equal(readFileSync(join(snapshot(dir), MANIFEST)), manifest);
  });

  test("one update at a time: a live holder of the lock refuses a second; a dead one's lock is taken over", async ({ dir }) => {
    const lock = join(snapshot(dir), ".update.lock");
    writeFileSync(lock, `${process.ppid}\n`);
    assert.is(await refusal(updateSnapshot(snapshot(dir), {})), `${snapshot(dir)} is being updated by process ${process.ppid} (${lock})`);
    writeFileSync(lock, "999999999\n");
    assert.is((await updateSnapshot(snapshot(dir), {})).part, null);
    assert.not.ok(existsSync(lock));
  });

  test("npm run snapshot:jelly -- --update DIR: one line, exit 0; the report sees the new part", async ({ node, dir }) => {
    const report = () => {
      const run = reportOn(snapshot(dir), reports(dir));
      return `${run.stdout}${run.stderr}`;
    };
    assert.match(report(), /jelly-party: runs: .*changed/, "part 3 came after the notebook's run");
    assert.match(report(), /jelly-party: up to date/);
    const nothing = snapshotCli(["--update", snapshot(dir)]);
    assert.is(nothing.status, 0, nothing.stderr);
    assert.is(nothing.stderr.trim().split("\n").at(-1), `nothing new on ${node.url} since the last part; ${snapshot(dir)} unchanged (3 parts, 38,695 documents pulled in all)`);
    await bulkIndex(node.url, [{ _index: LAST._index, _id: "after-the-report", _source: { ...LAST._source, "@timestamp": new Date().toISOString() } }]);
    const run = snapshotCli(["--update", snapshot(dir)]);
    assert.is(run.status, 0, run.stderr);
    assert.is(run.stderr.trim().split("\n").at(-1), `pulled 1 new document into ${join(snapshot(dir), partName(4))}; the folder holds 4 parts, 38,696 documents pulled in all`);
    assert.match(report(), /jelly-party: runs: .*changed/);
  });
});
