import { pbkdf2 } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { removeLeftovers, replaceFile, writeAtomic, writeStreamAtomic } from "../../src/io/atomic";
import { scratch, writerHalfway } from "../helpers";

/** The message a promise rejects with; "" if it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

test("a file written whole replaces the old one, making its folder when needed", () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "sub", "a.json");
    writeAtomic(file, "one");
    writeAtomic(file, new TextEncoder().encode("two"));
    assert.is(readFileSync(file, "utf8"), "two");
    assert.equal(readdirSync(join(dir, "sub")), ["a.json"]);
  } finally {
    cleanup();
  }
});

test("a writer that fails leaves the previous file as it was, and no temporary file", () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "a.db");
    writeFileSync(file, "previous");
    assert.throws(() => replaceFile(file, (tmp) => {
      writeFileSync(tmp, "half");
      throw new Error("disk full");
    }), /disk full/);
    assert.is(readFileSync(file, "utf8"), "previous");
    assert.equal(readdirSync(dir), ["a.db"]);
  } finally {
    cleanup();
  }
});

test("streamed chunks, gzip-compressed when the name ends in .gz; two writers of one file do not share a temporary file", async () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "x.tsv.gz");
    async function* chunks(tag: string) {
      for (let i = 0; i < 100; i++) yield `${tag}${i}\n`;
    }
    await Promise.all([writeStreamAtomic(file, chunks("a")), writeStreamAtomic(file, chunks("b"))]);
    const text = gunzipSync(readFileSync(file)).toString();
    assert.ok(text === Array.from({ length: 100 }, (_, i) => `a${i}\n`).join("") || text === Array.from({ length: 100 }, (_, i) => `b${i}\n`).join(""), "one writer's whole content");
    const plain = join(dir, "x.tsv");
    assert.is(await writeStreamAtomic(plain, ["h\n", new TextEncoder().encode("1\n")]), 4);
    assert.is(readFileSync(plain, "utf8"), "h\n1\n");
    assert.equal(readdirSync(dir).sort(), ["x.tsv", "x.tsv.gz"]);
  } finally {
    cleanup();
  }
});

test("a stream that fails halfway leaves the previous file as it was, and no temporary file", async () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "x.ndjson.gz");
    writeFileSync(file, "previous");
    async function* failing() {
      for (let i = 0; i < 1000; i++) yield `${i}\n`;
      throw new Error("connection reset");
    }
    assert.is(await failureOf(writeStreamAtomic(file, failing())), "connection reset");
    assert.is(readFileSync(file, "utf8"), "previous");
    assert.equal(readdirSync(dir), ["x.ndjson.gz"]);
  } finally {
    cleanup();
  }
});

test("a stream that fails before its first chunk leaves no temporary file either, not even a moment later", async () => {
  // The write stream opens its file on libuv's thread pool: with the pool busy (four slow key
  // derivations here; a loaded machine in real life) the open completes after the failure.
  const { dir, cleanup } = scratch();
  const busy = Array.from({ length: 4 }, () => new Promise((resolve) => pbkdf2("x", "salt", 200_000, 32, "sha256", resolve)));
  try {
    async function* failing(): AsyncGenerator<string> {
      throw new Error("not Elasticsearch");
    }
    assert.is(await failureOf(writeStreamAtomic(join(dir, "y.ndjson.gz"), failing())), "not Elasticsearch");
    await Promise.all(busy);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(readdirSync(dir), []);
  } finally {
    await Promise.all(busy);
    cleanup();
  }
});

/** A process that only waits, started now: a pid given again after a writer died. */
function youngProcess(): ChildProcess {
  return spawn(process.execPath, ["-e", "const p = process.ppid; setInterval(() => process.ppid !== p && process.exit(), 500);"], { stdio: "ignore" });
}

test("removeLeftovers: a killed writer's temporary file goes, also when its pid was given to a younger process; a running writer's stays", async () => {
  const { dir, cleanup } = scratch();
  const children: ChildProcess[] = [];
  try {
    const killed = await writerHalfway(join(dir, "demo.ipynb"));
    children.push(killed);
    killed.kill("SIGKILL");
    await new Promise((r) => killed.once("exit", r));
    const running = await writerHalfway(join(dir, "demo.html"));
    children.push(running);
    // Written a minute ago by a process that is gone; its pid now names one started since.
    const young = youngProcess();
    children.push(young);
    const reused = `demo.json.${young.pid}.0.tmp`;
    writeFileSync(join(dir, reused), "half");
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, reused), aMinuteAgo, aMinuteAgo);
    // This process's own pid, on a file written before it started (a fresh container's CLI).
    const before = new Date(performance.timeOrigin - 60_000);
    const own = `demo.changes.json.${process.pid}.0.tmp`;
    writeFileSync(join(dir, own), "half");
    utimesSync(join(dir, own), before, before);
    const mine = `demo.fingerprint.json.${process.pid}.1.tmp`;
    writeFileSync(join(dir, mine), "being written");
    writeFileSync(join(dir, `other.ipynb.${killed.pid}.0.tmp`), "another report's");

    const removed = removeLeftovers(dir, "demo.");
    assert.equal(removed.sort(), [own, `demo.ipynb.${killed.pid}.0.tmp`, reused].sort());
    assert.equal(readdirSync(dir).sort(), [`demo.html.${running.pid}.0.tmp`, mine, `other.ipynb.${killed.pid}.0.tmp`].sort());
  } finally {
    for (const child of children) child.kill("SIGKILL");
    cleanup();
  }
});

test.run();
