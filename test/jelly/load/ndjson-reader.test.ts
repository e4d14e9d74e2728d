import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ndjsonLines, readHit } from "../../../src/jelly/load/ndjson-reader";
import { scratch } from "../../helpers";

const hit = (source: Record<string, unknown>) => JSON.stringify({ _index: "filebeat-7.9.1-2020.06.01", _id: "x", _source: source });
const T = "2020-06-01T10:00:00.000Z";

async function lines(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of ndjsonLines(path)) out.push(...batch);
  return out;
}

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

test("every line, plain or gzip-compressed, with or without a final newline", async () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "a.ndjson"), "one\ntwo\nthree");
    writeFileSync(join(dir, "a.ndjson.gz"), gzipSync("one\ntwo\nthree\n"));
    assert.equal(await lines(join(dir, "a.ndjson")), ["one", "two", "three"]);
    assert.equal(await lines(join(dir, "a.ndjson.gz")), ["one", "two", "three"]);
    // About 3 MB of two-byte characters: lines cut across chunks come out whole.
    const many = Array.from({ length: 30_000 }, (_, i) => `${String(i + 1).padStart(8, "0")}${"é".repeat(45)}x`);
    writeFileSync(join(dir, "big.ndjson"), `${many.join("\n")}\n`);
    assert.equal(await lines(join(dir, "big.ndjson")), many);
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
      await lines(join(dir, "cut.gz"));
    } catch (e) {
      caught = (e as Error).message;
    }
    assert.match(caught, /unexpected end of file/);
    caught = "";
    try {
      await lines(join(dir, "nope.ndjson"));
    } catch (e) {
      caught = (e as NodeJS.ErrnoException).code ?? "";
    }
    assert.is(caught, "ENOENT");
  } finally {
    cleanup();
  }
});

test.run();
