import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeNdjson } from "../../src/jelly/ndjson";
import { scratch } from "../helpers";

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
    let message = "";
    try {
      await writeNdjson(file, failing());
    } catch (e) {
      message = (e as Error).message;
    }
    assert.is(message, "connection reset");
    assert.is(readFileSync(file, "utf8"), "previous");
    assert.equal(readdirSync(dir), ["x.ndjson.gz"]);
  } finally {
    cleanup();
  }
});

test.run();
