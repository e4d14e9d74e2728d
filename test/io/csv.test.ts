import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readCsv } from "../../src/io/csv";
import { DataError } from "../../src/errors";
import { scratch } from "../helpers";

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    assert.instance(e, DataError);
    return e as DataError;
  }
  throw new Error("no error");
}

test("a CSV file reads as polars reads it", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "v.csv"), "day,visits\n2020-03-01,10\n2020-03-02,12\n");
    assert.equal(readCsv(join(dir, "v.csv")).toRecords(), [
      { day: "2020-03-01", visits: 10 },
      { day: "2020-03-02", visits: 12 },
    ]);
  } finally {
    cleanup();
  }
});

test("a missing path is a DataError naming it, not a frame parsed from the path's text", () => {
  const { dir, cleanup } = scratch();
  try {
    const missing = join(dir, "nope.csv");
    assert.match(errorOf(() => readCsv(missing)).message, new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: no such file`));
    mkdirSync(join(dir, "folder.csv"));
    assert.match(errorOf(() => readCsv(join(dir, "folder.csv"))).message, /folder\.csv: not a file/);
  } finally {
    cleanup();
  }
});

test.run();
