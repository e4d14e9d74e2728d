import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as pl from "nodejs-polars";
import { ANALYSIS_COLUMNS, LINK, TYPE, UUID } from "../../../src/jelly/load/columns";
import { loadEvents } from "../../../src/jelly/load/load-events";
import { DataError } from "../../../src/errors";
import { scratch } from "../../helpers";

const hit = (time: string, decoded: Record<string, unknown>) =>
  JSON.stringify({ _index: "filebeat-7.9.1-2020.06.01", _id: "x", _source: { "@timestamp": time, message: JSON.stringify(decoded), message_decoded: decoded } });

// Out of time order, as scan returns them; two events at the same millisecond.
const LINES = [
  hit("2020-06-01T10:05:00.000Z", { type: "disconnect", data: { uuid: "a" } }),
  hit("2020-06-01T10:00:00.000Z", { type: "join", data: { uuid: "a", clientState: { currentlyWatching: "https://join.jelly-party.com/?redirectURL=x" } } }),
  JSON.stringify({ "@timestamp": "2020-06-01T10:01:00.000Z", message_decoded: { activeClients: 3, activeParties: 1 } }),
  hit("2020-06-01T10:05:00.000Z", { type: "partyRemoved", data: { partyId: "p" } }),
];

async function load(content: string | Buffer, name = "events.ndjson", options = {}) {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, name), content);
    return await loadEvents(join(dir, name), options);
  } finally {
    cleanup();
  }
}

async function error(content: string, options = {}): Promise<string> {
  try {
    await load(content, "events.ndjson", options);
  } catch (e) {
    assert.instance(e, DataError);
    return (e as Error).message;
  }
  return "no error";
}

test("reads hits and bare documents into time order, ties in file order, with their line numbers", async () => {
  const events = await load(`${LINES.join("\n")}\n`, "events.ndjson", { columns: ANALYSIS_COLUMNS });
  assert.is(events.documents, 4);
  assert.is(events.skipped, 0);
  assert.equal(events.frame.columns, ["line", "time", TYPE, UUID, LINK]);
  assert.equal(events.frame.getColumn("line").toArray(), [2, 3, 1, 4]);
  assert.equal(events.frame.getColumn(TYPE).toArray(), ["join", null, "disconnect", "partyRemoved"]);
  assert.equal(events.frame.getColumn(UUID).toArray(), ["a", null, "a", null]);
  assert.equal((events.frame.getColumn("time").toArray()[0] as unknown as Date).toISOString(), "2020-06-01T10:00:00.000Z");
  assert.is(events.frame.getColumn("time").dtype.toString(), "DataType(Datetime(ns,UTC))");
});

/** The time column as nanoseconds since the epoch, in decimal (Int64 cannot pass through JS numbers). */
const nanos = (frame: pl.DataFrame) => frame.select(pl.col("time").cast(pl.Int64).cast(pl.Utf8)).getColumn("time").toArray() as string[];

test("timestamps keep the file's precision: milliseconds, microseconds and nanoseconds, ordered by them", async () => {
  const at = (time: string, uuid: string) => hit(time, { type: "join", data: { uuid } });
  // Within one millisecond, out of order in the file: only the finer digits order them.
  const events = await load(
    [
      at("2020-06-01T10:00:00.000999999Z", "ns"),
      at("2020-06-01T10:00:00.000123Z", "us"),
      at("2020-06-01T10:00:00.000Z", "ms"),
      at("2020-06-01T12:00:00.000000001+02:00", "offset"),
      at("2020-06-01T10:00:00.000000000123Z", "beyond ns"),
    ].join("\n"),
    "t.ndjson",
    { columns: [UUID] },
  );
  assert.equal(events.frame.getColumn(UUID).toArray(), ["ms", "beyond ns", "offset", "us", "ns"]);
  // 2020-06-01T10:00:00Z is 1591005600 s after the epoch.
  assert.equal(nanos(events.frame), ["1591005600000000000", "1591005600000000000", "1591005600000000001", "1591005600000123000", "1591005600000999999"]);
});

test("gzip or not, the same events; without a column list, every column json_normalize would make", async () => {
  const plain = await load(LINES.join("\n"), "a.ndjson");
  const gz = await load(gzipSync(LINES.join("\n")), "a.ndjson.gz");
  assert.ok(plain.frame.frameEqual(gz.frame));
  assert.ok(plain.frame.columns.includes("_source.message_decoded.activeClients"));
  assert.ok(plain.frame.columns.includes("_source.message_decoded.data.clientState.currentlyWatching"));
  assert.is(plain.frame.getColumn("_source.message_decoded.activeClients").dtype.toString(), "DataType(Float64)");
});

test("a malformed line is an error naming the file and the line", async () => {
  const lines = [...LINES];
  lines.splice(2, 0, '{"_source": {"@timestamp": "2020-06-01T10:00:00Z"');
  assert.match(await error(lines.join("\n")), /^events\.ndjson line 3: not valid JSON/);
  assert.match(await error(`${LINES[0]}\n{"_source": {"level": "info"}}`), /^events\.ndjson line 2: expected '_source\.@timestamp'/);
});

test("skipBadLines: bad lines are counted and listed, good ones read", async () => {
  const events = await load(["garbage", ...LINES, "", "{}"].join("\n"), "e.ndjson", { columns: [TYPE], skipBadLines: true });
  assert.is(events.skipped, 2);
  assert.is(events.documents, 6);
  assert.is(events.frame.height, 4);
  assert.equal(events.badLines.map((b) => b.line), [1, 7]);
});

test("a missing file or a truncated gzip file is a DataError that names the file", async () => {
  let message = "";
  try {
    await loadEvents("/nonexistent/events.ndjson.gz");
  } catch (e) {
    assert.instance(e, DataError);
    message = (e as Error).message;
  }
  assert.is(message, "/nonexistent/events.ndjson.gz: no such file");
  let cut = "";
  try {
    await load(gzipSync(LINES.join("\n").repeat(50)).subarray(0, 100), "cut.ndjson.gz");
  } catch (e) {
    cut = (e as Error).message;
  }
  assert.match(cut, /^cut\.ndjson\.gz: cannot be read \(unexpected end of file\)/);
});

test("worker threads read a large file into exactly the same table, errors with the right line", async () => {
  // About 3 MB: several blocks, so that two workers share them.
  const many = Array.from({ length: 12_000 }, (_, i) => {
    const t = new Date(Date.UTC(2020, 5, 1) + ((i * 7919) % 12_000) * 1000).toISOString();
    return hit(t, { type: i % 2 ? "join" : "disconnect", data: { uuid: `u${i % 500}`, clientState: { currentlyWatching: `https://join.jelly-party.com/?redirectURL=https%253A%252F%252Fsite${i % 9}.com&pad=${"x".repeat(80)}` } } });
  });
  const here = await load(many.join("\n"), "many.ndjson", { columns: ANALYSIS_COLUMNS, workers: 0 });
  const threads = await load(many.join("\n"), "many.ndjson", { columns: ANALYSIS_COLUMNS, workers: 2 });
  assert.is(threads.frame.height, 12_000);
  assert.ok(here.frame.frameEqual(threads.frame));
  many[10_500] = "not json";
  assert.match(await error(many.join("\n"), { workers: 2 }), /^events\.ndjson line 10501: not valid JSON/);
  const skipped = await load(many.join("\n"), "many.ndjson", { workers: 2, skipBadLines: true, columns: [TYPE] });
  assert.equal([skipped.skipped, skipped.badLines[0]?.line], [1, 10_501]);
});

test.run();
