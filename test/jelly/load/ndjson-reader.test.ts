import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lineBlocks, readBlock, readHit } from "../../../src/jelly/load/ndjson-reader";
import { scratch } from "../../helpers";

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

test("a hit and a bare _source give the same document; a blank line is no document", () => {
  const a = readHit(hit({ "@timestamp": T, message_decoded: { type: "join" } }));
  const b = readHit(JSON.stringify({ "@timestamp": "2020-06-01T10:00:01.500Z", message_decoded: { type: "disconnect" } }));
  assert.equal(typeof a === "object" && a?.time, { ms: Date.parse(T), subMs: 0 });
  assert.equal(typeof b === "object" && b?.hit, { _source: { "@timestamp": "2020-06-01T10:00:01.500Z", message_decoded: { type: "disconnect" } } });
  assert.is(readHit(""), null);
  assert.is(readHit("  \r"), null);
});

test("a bad line says what was expected", () => {
  assert.match(readHit("{not json") as string, /^not valid JSON/);
  assert.match(readHit(hit({ level: "info" })) as string, /expected '_source\.@timestamp'/);
  assert.match(readHit(hit({ "@timestamp": "yesterday" })) as string, /ISO 8601 time, got "yesterday"/);
  assert.match(readHit("[1, 2]") as string, /expected a JSON object/);
});

async function collect(path: string): Promise<{ text: string; firstLine: number }[]> {
  const out: { text: string; firstLine: number }[] = [];
  for await (const b of lineBlocks(path)) out.push({ text: Buffer.from(b.bytes).toString("utf8"), firstLine: b.firstLine });
  return out;
}

test("whole lines, numbered, plain or gzip-compressed, with or without a final newline", async () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "a.ndjson"), "one\ntwo\nthree");
    writeFileSync(join(dir, "a.ndjson.gz"), gzipSync("one\ntwo\nthree\n"));
    assert.equal((await collect(join(dir, "a.ndjson"))).map((b) => b.text).join(""), "one\ntwo\nthree");
    assert.equal((await collect(join(dir, "a.ndjson.gz"))).map((b) => b.text).join(""), "one\ntwo\nthree\n");
  } finally {
    cleanup();
  }
});

test("a file of several blocks: each starts at a line boundary and knows its first line number", async () => {
  const { dir, cleanup } = scratch();
  try {
    // 30,000 lines of 100 bytes: about 3 MB, three blocks of 1 MB.
    const lines = Array.from({ length: 30_000 }, (_, i) => `${String(i + 1).padStart(8, "0")}${"é".repeat(45)}x`);
    writeFileSync(join(dir, "big.ndjson"), `${lines.join("\n")}\n`);
    const blocks = await collect(join(dir, "big.ndjson"));
    assert.ok(blocks.length >= 3);
    for (const b of blocks) {
      assert.ok(b.text.endsWith("\n"));
      assert.is(Number(b.text.slice(0, 8)), b.firstLine);
    }
    assert.is(blocks.map((b) => b.text).join(""), `${lines.join("\n")}\n`);
  } finally {
    cleanup();
  }
});

test("a missing file and a broken gzip file are errors", async () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "cut.gz"), gzipSync("x\n".repeat(100_000)).subarray(0, 200));
    let caught = "";
    try {
      await collect(join(dir, "cut.gz"));
    } catch (e) {
      caught = (e as Error).message;
    }
    assert.match(caught, /unexpected end of file/);
    caught = "";
    try {
      await collect(join(dir, "nope.ndjson"));
    } catch (e) {
      caught = (e as NodeJS.ErrnoException).code ?? "";
    }
    assert.is(caught, "ENOENT");
  } finally {
    cleanup();
  }
});

test.run();
