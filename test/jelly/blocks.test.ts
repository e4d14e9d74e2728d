import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lineBlocks } from "../../src/jelly/blocks";
import { scratch } from "../helpers";

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
