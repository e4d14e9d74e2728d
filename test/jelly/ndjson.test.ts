import { pbkdf2 } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeNdjson } from "../../src/jelly/ndjson";
import { scratch } from "../helpers";

/** The message a promise rejects with; "" if it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

test("one JSON document a line, gzip-compressed when the name ends in .gz", async () => {
  const { dir, cleanup } = scratch();
  try {
    const docs = [{ a: 1 }, { b: "é\n" }, null];
    assert.is(await writeNdjson(join(dir, "x.ndjson"), docs), 3);
    assert.is(readFileSync(join(dir, "x.ndjson"), "utf8"), '{"a":1}\n{"b":"é\\n"}\nnull\n');
    const progress: number[] = [];
    await writeNdjson(join(dir, "sub", "x.ndjson.gz"), (async function* () { yield* docs; })(), { every: 2, onProgress: (n) => progress.push(n) });
    assert.is(gunzipSync(readFileSync(join(dir, "sub", "x.ndjson.gz"))).toString(), '{"a":1}\n{"b":"é\\n"}\nnull\n');
    assert.equal(progress, [2]);
  } finally {
    cleanup();
  }
});

test("a failure while writing leaves the previous file as it was, and no temporary file", async () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "x.ndjson.gz");
    writeFileSync(file, "previous");
    async function* failing() {
      for (let i = 0; i < 1000; i++) yield { i };
      throw new Error("connection reset");
    }
    assert.is(await failureOf(writeNdjson(file, failing())), "connection reset");
    assert.is(readFileSync(file, "utf8"), "previous");
    assert.equal(readdirSync(dir), ["x.ndjson.gz"]);
  } finally {
    cleanup();
  }
});

test("documents that fail before the first one leave no temporary file either, not even a moment later", async () => {
  // The write stream opens its file on libuv's thread pool: with the pool busy (four slow key
  // derivations here; a loaded machine in real life) the open completes after the failure.
  const { dir, cleanup } = scratch();
  const busy = Array.from({ length: 4 }, () => new Promise((resolve) => pbkdf2("x", "salt", 200_000, 32, "sha256", resolve)));
  try {
    const file = join(dir, "y.ndjson.gz");
    async function* failing(): AsyncGenerator<unknown> {
      throw new Error("not Elasticsearch");
    }
    assert.is(await failureOf(writeNdjson(file, failing())), "not Elasticsearch");
    await Promise.all(busy);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(readdirSync(dir), []);
  } finally {
    await Promise.all(busy);
    cleanup();
  }
});

test.run();
