import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeNdjson } from "../../../src/jelly/load/ndjson-writer";
import { scratch } from "../../helpers";

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

test("a failure while writing leaves the previous file as it was (the atomic writer's tests cover the rest)", async () => {
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

test.run();
