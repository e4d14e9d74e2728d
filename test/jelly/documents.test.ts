import { test } from "uvu";
import * as assert from "uvu/assert";
import { lookup, parseTimestamp, readBlock } from "../../src/jelly/documents";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const hit = (source: Record<string, unknown>) => JSON.stringify({ _index: "filebeat-7.9.1-2020.06.01", _id: "x", _source: source });
const T = "2020-06-01T10:00:00.000Z";

test("hits and bare _source lines give the same columns; blank lines are skipped silently", () => {
  const b = readBlock(
    bytes([hit({ "@timestamp": T, message_decoded: { type: "join" } }), "", JSON.stringify({ "@timestamp": "2020-06-01T10:00:01.500Z", message_decoded: { type: "disconnect" } })]),
    7,
    { columns: ["_source.message_decoded.type"] },
  );
  assert.equal(b.lines, [7, 9]);
  assert.equal(b.times, [Date.parse(T), Date.parse(T) + 1500]);
  assert.equal(b.subMs, [0, 0]);
  assert.equal(b.columns.get("_source.message_decoded.type"), ["join", "disconnect"]);
  assert.is(b.lineCount, 3);
  assert.is(b.error, undefined);
});

test("without a column list, every flattened column, null where a document lacks it", () => {
  const b = readBlock(bytes([hit({ "@timestamp": T, a: 1 }), hit({ "@timestamp": T, b: { c: true } })]), 1);
  assert.equal([...b.columns.keys()], ["_index", "_id", "_source.@timestamp", "_source.a", "_source.b.c"]);
  assert.equal(b.columns.get("_source.a"), [1, null]);
  assert.equal(b.columns.get("_source.b.c"), [null, true]);
});

test("a bad line stops the block with its line number and what was expected", () => {
  const lines = [hit({ "@timestamp": T }), "{not json", hit({ "@timestamp": T })];
  const b = readBlock(bytes(lines), 100);
  assert.equal(b.error?.line, 101);
  assert.match(b.error?.reason ?? "", /^not valid JSON/);
  assert.equal(b.lines, [100]);
  assert.match(readBlock(bytes([hit({ level: "info" })]), 1).error?.reason ?? "", /expected '_source\.@timestamp'/);
  assert.match(readBlock(bytes([hit({ "@timestamp": "yesterday" })]), 1).error?.reason ?? "", /ISO 8601 time, got "yesterday"/);
  assert.match(readBlock(bytes(["[1, 2]"]), 1).error?.reason ?? "", /expected a JSON object/);
});

test("skipBadLines counts them, keeps the first few, and reads on", () => {
  const lines = ["oops", hit({ "@timestamp": T }), "{}", hit({ "@timestamp": T })];
  const b = readBlock(bytes(lines), 1, { skipBadLines: true });
  assert.is(b.skipped, 2);
  assert.equal(b.badLines.map((x) => x.line), [1, 3]);
  assert.equal(b.lines, [2, 4]);
  assert.is(b.error, undefined);
});

test("lists are kept as JSON text; an object is not a column; a line without a final newline counts", () => {
  const b = readBlock(bytes([hit({ "@timestamp": T, tags: ["a", "b"], geo: { lat: 1 } })]), 1, { columns: ["_source.tags", "_source.geo", "_source.missing"] });
  assert.equal(b.columns.get("_source.tags"), ['["a","b"]']);
  assert.equal(b.columns.get("_source.geo"), [null]);
  assert.equal(b.columns.get("_source.missing"), [null]);
});

test("timestamps to the nanosecond: whole milliseconds and the nanoseconds past them", () => {
  const ms = Date.UTC(2020, 7, 14, 19, 22, 31, 512);
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512Z"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512345Z"), { ms, subMs: 345_000 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512345678Z"), { ms, subMs: 345_678 });
  // Past the ninth digit: dropped, as pandas keeps nanoseconds.
  assert.equal(parseTimestamp("2020-08-14T19:22:31.5123456789Z"), { ms, subMs: 345_678 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31.5Z"), { ms: ms - 12, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T21:22:31,512000001+02:00"), { ms, subMs: 1 });
  // No zone: UTC, as pandas reads it (Date.parse would take the machine's local time).
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512345"), { ms, subMs: 345_000 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31Z"), { ms: ms - 512, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14"), { ms: Date.UTC(2020, 7, 14), subMs: 0 });
  // Before the epoch the fraction still counts forward from the whole second.
  assert.equal(parseTimestamp("1969-12-31T23:59:59.999999999Z"), { ms: -1, subMs: 999_999 });
  // The other forms ISO 8601 and pandas take: offsets without a colon or minutes, lower case, a space, no seconds.
  assert.equal(parseTimestamp("2020-08-14t21:22:31.512+0200"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14 21:22:31.512+02"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T10:52:31.512-08:30"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T19:22z"), { ms: Date.UTC(2020, 7, 14, 19, 22), subMs: 0 });
  assert.equal(parseTimestamp("2020-02-29T00:00:00Z"), { ms: Date.UTC(2020, 1, 29), subMs: 0 });
  // Milliseconds agree with Date.parse wherever Date.parse is right.
  for (let i = 0; i < 2000; i++) {
    const iso = new Date(Date.UTC(1700, 0, 1) + i * 8_765_432_109).toISOString();
    assert.equal(parseTimestamp(iso), { ms: Date.parse(iso), subMs: 0 }, iso);
  }
  for (const bad of ["2019-02-29T00:00:00Z", "2020-02-30T00:00:00.000Z", "2020-08-14T24:00:00Z", "2020-08-14T19:60:00Z", "2020-08-14T19:22:31.Z", "2020-08-14T19:22:31.512Zjunk", "2020-08-14T19:22:31+25:00", "20200814T192231Z", "2020-8-14"]) {
    assert.is(parseTimestamp(bad), "an ISO 8601 time", bad);
  }
  assert.is(parseTimestamp("yesterday"), "an ISO 8601 time");
  assert.is(parseTimestamp("2020-13-01T00:00:00Z"), "an ISO 8601 time");
  assert.is(parseTimestamp("2263-01-01T00:00:00Z"), "a time between 1677 and 2262 (nanosecond timestamps)");
  assert.is(parseTimestamp("0001-01-01T00:00:00.000Z"), "a time between 1677 and 2262 (nanosecond timestamps)");
  assert.is(parseTimestamp("2020-02-30T00:00:00.000Z"), "an ISO 8601 time");
});

test("lookup finds keys that contain dots, as json_normalize names them the same", () => {
  const doc = { _source: { "client.geo": { city: "Sydney" }, message_decoded: { data: null } } };
  assert.is(lookup(doc, "_source.client.geo.city".split("."), 0), "Sydney");
  assert.is(lookup(doc, "_source.message_decoded.data.uuid".split("."), 0), undefined);
  assert.is(lookup({ a: { b: 0 } }, ["a", "b"], 0), 0);
});

test.run();
