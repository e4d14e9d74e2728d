import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FULL, SAMPLE, writeSimulated } from "../../../src/clubhouse/simulate/data-cli";
import { cleanup, tempDir } from "../db";

test.after(cleanup);

const rows = (file: string) => {
  const db = new Database(file, { readonly: true });
  const all = db.prepare("SELECT * FROM user ORDER BY rowid").raw().all();
  const schema = db.prepare("SELECT sql FROM sqlite_master").pluck().all();
  db.close();
  return { schema, all };
};

test("the committed sample is what `npm run data` writes (same seed, same rows)", () => {
  const file = writeSimulated(join(tempDir(), "sample.db"), SAMPLE);
  // Compared row by row, not byte by byte: SQLite stamps its own version into the file header.
  assert.equal(rows(file), rows(SAMPLE.path), "data/clubhouse/sample.db is out of date: run npm run data");
});

test("the sample is small enough to commit; the full database has the dataset's size, under data/clubhouse/full/", () => {
  assert.ok(readFileSync(SAMPLE.path).length < 3_000_000);
  assert.is(FULL.userCount, 1_300_515);
  assert.match(FULL.path, /data\/clubhouse\/full\/users\.db$/);
});

test.run();
