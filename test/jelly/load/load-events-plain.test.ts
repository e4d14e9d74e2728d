// The plain loader (blocks read on this thread, each column built from the rows' values) is the oracle
// of the fast one (worker threads, blocks packed into typed arrays, text columns as dictionaries):
// both must give the same frame, column for column and dtype for dtype, and the same errors.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as pl from "nodejs-polars";
import { DataError } from "../../../src/errors";
import { ANALYSIS_COLUMNS } from "../../../src/jelly/load/columns";
import { loadEvents, type LoadedEvents } from "../../../src/jelly/load/load-events";
import { loadEventsPlain } from "../../../src/jelly/load/load-events-plain";
import type { ReadOptions } from "../../../src/jelly/load/ndjson-reader";
import { ROOT, scratch } from "../../helpers";

const SAMPLE = join(ROOT, "data", "jelly", "sample.ndjson.gz");

const schema = (frame: pl.DataFrame) => frame.columns.map((name) => `${name}: ${frame.getColumn(name).dtype.toString()}`);

/** The plain loader's result, after checking that the fast one, on this thread and with two workers, gives the same. */
async function bothWays(path: string, options: ReadOptions): Promise<LoadedEvents> {
  const plain = await loadEventsPlain(path, options);
  for (const workers of [0, 2]) {
    const fast = await loadEvents(path, { ...options, workers });
    assert.equal(schema(fast.frame), schema(plain.frame), `workers: ${workers}`);
    assert.ok(fast.frame.frameEqual(plain.frame, true), `workers: ${workers}`);
    assert.equal([fast.documents, fast.skipped, fast.badLines], [plain.documents, plain.skipped, plain.badLines]);
  }
  return plain;
}

/** The error message of the plain loader, after checking that the fast one gives the same DataError. */
async function sameError(path: string, options: ReadOptions = {}): Promise<string> {
  const messages: string[] = [];
  for (const load of [() => loadEventsPlain(path, options), () => loadEvents(path, { ...options, workers: 0 }), () => loadEvents(path, { ...options, workers: 2 })]) {
    try {
      await load();
      messages.push("no error");
    } catch (e) {
      assert.instance(e, DataError);
      messages.push((e as Error).message);
    }
  }
  assert.equal(messages.slice(1), [messages[0], messages[0]]);
  return messages[0] as string;
}

function inScratch<T>(files: Record<string, string | Buffer>, f: (dir: string) => Promise<T>): Promise<T> {
  const { dir, cleanup } = scratch();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return f(dir).finally(cleanup);
}

test("on the committed sample, the analysis' columns and every column, the fast loader gives what the plain one gives", async () => {
  const chosen = await bothWays(SAMPLE, { columns: ANALYSIS_COLUMNS });
  assert.is(chosen.frame.height, 38_693); // zcat data/jelly/sample.ndjson.gz | wc -l: one document a line
  const every = await bothWays(SAMPLE, {});
  assert.ok(every.frame.columns.includes("_source.client.geo.location.lat"));
  assert.is(every.frame.getColumn("_source.client.geo.location.lat").dtype.toString(), "DataType(Float64)");
});

// Worked by hand: a hit, a blank line, a bare document with a dotted key, a hit at 12:00:02+02:00
// (10:00:02 UTC, a tie with line 1 that keeps file order). Time order: lines 3, 1, 4.
const HAND = [
  '{"_index":"i","_id":"1","_source":{"@timestamp":"2020-06-01T10:00:02Z","n":1.5,"flag":true,"tags":["a","b"],"mix":3,"nested":{"x":"p"}}}',
  "",
  '{"@timestamp":"2020-06-01T10:00:01.5Z","n":2,"mix":"three","client.geo":{"city":"Oslo"}}',
  '{"_source":{"@timestamp":"2020-06-01T12:00:02+02:00","flag":false,"nested":{"x":null}}}',
].join("\n");

test("on a file worked by hand: numbers, booleans, lists as JSON text, a mixed column as text, absent keys as null", async () => {
  await inScratch({ "hand.ndjson": HAND }, async (dir) => {
    const every = await bothWays(join(dir, "hand.ndjson"), {});
    const f = every.frame;
    assert.equal(f.columns, ["line", "time", "_index", "_id", "_source.@timestamp", "_source.n", "_source.flag", "_source.tags", "_source.mix", "_source.nested.x", "_source.client.geo.city"]);
    assert.equal([every.documents, every.skipped], [3, 0]);
    assert.equal(f.getColumn("line").toArray(), [3, 1, 4]);
    assert.equal(f.getColumn("_index").toArray(), [null, "i", null]);
    assert.equal(f.getColumn("_source.n").toArray(), [2, 1.5, null]);
    assert.equal(f.getColumn("_source.flag").toArray(), [null, true, false]);
    assert.equal(f.getColumn("_source.tags").toArray(), [null, '["a","b"]', null]);
    assert.equal(f.getColumn("_source.mix").toArray(), ["three", "3", null]);
    assert.equal(f.getColumn("_source.nested.x").toArray(), [null, "p", null]);
    assert.equal(f.getColumn("_source.client.geo.city").toArray(), ["Oslo", null, null]);
    assert.equal(schema(f).slice(5, 8), ["_source.n: DataType(Float64)", "_source.flag: DataType(Bool)", "_source.tags: DataType(String)"]);
    const chosen = await bothWays(join(dir, "hand.ndjson"), { columns: ["_source.client.geo.city", "_source.mix", "_source.absent"] });
    assert.equal(chosen.frame.columns, ["line", "time", "_source.client.geo.city", "_source.mix", "_source.absent"]);
    assert.equal(chosen.frame.getColumn("_source.absent").toArray(), [null, null, null]);
    assert.is(chosen.frame.getColumn("_source.absent").dtype.toString(), "DataType(String)");
  });
});

test("bad input: the same DataError from both, naming the file and the line", async () => {
  const good = HAND.split("\n")[0] as string;
  const files = {
    "json.ndjson": `${good}\nnot json\n`,
    "array.ndjson": "[1,2]\n",
    "stamp.ndjson": `${good}\n\n{"_source":{"level":"info"}}`,
    "date.ndjson.gz": gzipSync('{"@timestamp":"2020-02-30T00:00:00Z"}\n'),
    "cut.ndjson.gz": gzipSync(`${good}\n`.repeat(50)).subarray(0, 100),
  };
  await inScratch(files, async (dir) => {
    assert.match(await sameError(join(dir, "json.ndjson")), /^json\.ndjson line 2: not valid JSON \(/);
    assert.is(await sameError(join(dir, "array.ndjson")), "array.ndjson line 1: expected a JSON object, got [1,2]");
    assert.is(await sameError(join(dir, "stamp.ndjson")), `stamp.ndjson line 3: expected '_source.@timestamp', a time such as "2020-08-14T19:22:31.512Z"`);
    assert.is(await sameError(join(dir, "date.ndjson.gz")), `date.ndjson.gz line 1: expected '_source.@timestamp' to be an ISO 8601 time, got "2020-02-30T00:00:00Z"`);
    assert.match(await sameError(join(dir, "cut.ndjson.gz")), /^cut\.ndjson\.gz: cannot be read \(unexpected end of file\)/);
    assert.is(await sameError(join(dir, "missing.ndjson")), `${join(dir, "missing.ndjson")}: no such file`);
    // Skipped instead: the same counts and the same list of bad lines.
    const skipped = await bothWays(join(dir, "stamp.ndjson"), { skipBadLines: true });
    assert.equal([skipped.documents, skipped.skipped, skipped.badLines.map((b) => b.line)], [2, 1, [3]]);
  });
});

test.run();
