// Reading a snapshot folder (parts listed by manifest.json) with loadEvents, as the notebook does:
// the same frame as the parts read as one file, a re-pulled document counted once as its newest
// copy, and a folder that is not what its manifest says refused with one line.
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { ANALYSIS_COLUMNS, TYPE, UUID } from "../../../src/jelly/load/columns";
import { loadEvents } from "../../../src/jelly/load/load-events";
import { MANIFEST, newManifest, partName, type Manifest } from "../../../src/jelly/load/snapshot-manifest";
import { scratch } from "../../helpers";

const hit = (id: string, time: string, type: string, uuid: string) =>
  JSON.stringify({ _index: "filebeat-7.9.1-2020.06.01", _id: id, _source: { "@timestamp": time, message_decoded: { type, data: { uuid } } } });

const PART_1 = [hit("a", "2020-06-01T10:00:00.000Z", "join", "u1"), hit("b", "2020-06-01T10:01:00.000Z", "join", "u2"), hit("c", "2020-06-01T10:02:00.000Z", "disconnect", "u1")];
// d is new; b was re-indexed under its _id with a later time and another type.
const PART_2 = [hit("d", "2020-06-01T10:03:00.000Z", "join", "u3"), hit("b", "2020-06-01T10:04:00.000Z", "disconnect", "u2")];

/** A snapshot folder with these parts (gzip NDJSON) and a manifest that lists them. */
function folder(dir: string, parts: string[][]): string {
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = newManifest("elasticsearch", "http://127.0.0.1:9200", "filebeat*");
  parts.forEach((lines, i) => {
    const file = partName(i + 1);
    writeFileSync(join(dir, file), gzipSync(`${lines.join("\n")}\n`));
    manifest.parts.push({ file, documents: lines.length, bytes: statSync(join(dir, file)).size, pulledAt: "2020-06-02T00:00:00.000Z", after: null, through: null });
  });
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest));
  return dir;
}

async function refused(path: string): Promise<string> {
  try {
    await loadEvents(path, { columns: ANALYSIS_COLUMNS });
  } catch (e) {
    assert.instance(e, DataError);
    return (e as Error).message;
  }
  return "no error";
}

test("a folder reads as its parts one after the other: line numbers go on from part to part", async () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "one.ndjson"), `${[...PART_1, hit("d", "2020-06-01T10:03:00.000Z", "join", "u3")].join("\n")}\n`);
    const asFile = await loadEvents(join(dir, "one.ndjson"), { columns: ANALYSIS_COLUMNS });
    const snap = folder(join(dir, "snap"), [PART_1, [hit("d", "2020-06-01T10:03:00.000Z", "join", "u3")]]);
    const asFolder = await loadEvents(snap, { columns: ANALYSIS_COLUMNS });
    assert.equal(asFolder.frame.toRecords(), asFile.frame.toRecords());
    assert.equal([asFolder.file, asFolder.documents, asFolder.superseded, asFolder.frame.getColumn("line").toArray()], [snap, 4, 0, [1, 2, 3, 4]]);
  } finally {
    cleanup();
  }
});

test("a document pulled again in a later part counts once, as its newest copy", async () => {
  const { dir, cleanup } = scratch();
  try {
    const events = await loadEvents(folder(dir, [PART_1, PART_2]), { columns: ANALYSIS_COLUMNS });
    assert.equal([events.documents, events.superseded], [4, 1]);
    assert.equal(events.frame.columns, ["line", "time", TYPE, UUID, "_source.message_decoded.data.clientState.currentlyWatching"]);
    assert.equal(events.frame.select("line", TYPE, UUID).toRecords(), [
      { line: 1, [TYPE]: "join", [UUID]: "u1" },
      { line: 3, [TYPE]: "disconnect", [UUID]: "u1" },
      { line: 4, [TYPE]: "join", [UUID]: "u3" },
      { line: 5, [TYPE]: "disconnect", [UUID]: "u2" },
    ]);
    // Asked for, the key stays.
    const keyed = await loadEvents(dir, { columns: [TYPE, "_id"] });
    assert.equal(keyed.frame.getColumn("_id").toArray(), ["a", "c", "d", "b"]);
  } finally {
    cleanup();
  }
});

test("a bad line names its part and its line there; skipped, it is listed with its part", async () => {
  const { dir, cleanup } = scratch();
  try {
    folder(dir, [PART_1, [PART_2[0] as string, "{not json"]]);
    assert.match(await refused(dir), /^part-000002\.ndjson\.gz line 2: not valid JSON/);
    const events = await loadEvents(dir, { columns: ANALYSIS_COLUMNS, skipBadLines: true });
    assert.equal([events.documents, events.skipped, events.badLines.map((b) => [b.file, b.line])], [5, 1, [["part-000002.ndjson.gz", 2]]]);
  } finally {
    cleanup();
  }
});

test("a folder that is not what its manifest says is refused with one line", async () => {
  const { dir, cleanup } = scratch();
  try {
    assert.is(await refused(dir), `${dir}: a folder without ${MANIFEST}, so not a snapshot folder (npm run snapshot:jelly -- --update ${dir} makes one)`);
    folder(dir, [PART_1, PART_2]);
    const manifest = readFileSync(join(dir, MANIFEST), "utf8");
    appendFileSync(join(dir, partName(2)), "more");
    assert.match(await refused(dir), /part-000002\.ndjson\.gz: \d+ bytes, but manifest\.json lists \d+ \(changed or cut short since it was pulled\)$/);
    rmSync(join(dir, partName(2)));
    assert.is(await refused(dir), `${join(dir, partName(2))}: listed in ${MANIFEST} but absent`);
    writeFileSync(join(dir, MANIFEST), "{");
    assert.match(await refused(dir), /manifest\.json: not valid JSON/);
    const broken = JSON.parse(manifest) as Manifest;
    (broken.parts[1] as { file: string }).file = "part-7.ndjson.gz";
    writeFileSync(join(dir, MANIFEST), JSON.stringify(broken));
    assert.match(await refused(dir), /manifest\.json: expected parts\[1\]\.file to be "part-000002\.ndjson\.gz"$/);
    writeFileSync(join(dir, MANIFEST), JSON.stringify({ ...broken, engine: "solr" }));
    assert.match(await refused(dir), /manifest\.json: expected 'engine' to be "elasticsearch" or "opensearch"$/);
  } finally {
    cleanup();
  }
});

test.run();
