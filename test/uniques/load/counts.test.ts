import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { readCounts } from "../../../src/uniques/load/counts";
import { scratch } from "../../helpers";
import { sparkCounts as counts, sparkFolder } from "../fixtures";

test("counts from a job's folder: every part file, sorted by domain and period", () => {
  const { dir, cleanup } = scratch();
  try {
    sparkFolder(dir, "daily", [counts("day", [["fr.wikipedia.org", "2016-01-02", 5, 1]]), counts("day", [["en.wikipedia.org", "2016-01-03", 7, 0], ["en.wikipedia.org", "2016-01-01", 3, 2]])]);
    sparkFolder(dir, "monthly", [counts("month", [["en.wikipedia.org", "2016-01", 9, 2]])]);
    const daily = readCounts(dir, "day");
    assert.equal(daily.toRecords().map((r) => `${r["domain"] as string} ${r["day"] as string} ${Number(r["estimate"])}`), ["en.wikipedia.org 2016-01-01 5", "en.wikipedia.org 2016-01-03 7", "fr.wikipedia.org 2016-01-02 6"]);
  } finally {
    cleanup();
  }
});

test("a folder that is not a finished job's output, or holds other columns, is an error naming it", () => {
  const { dir, cleanup } = scratch();
  try {
    const fails = (message: RegExp) => (e: unknown) => e instanceof DataError && message.test(e.message);
    assert.throws(() => readCounts(dir, "day"), fails(/daily: no such folder; countsPath is a folder written by npm run spark:unique-devices/));
    sparkFolder(dir, "daily", [counts("day", [["en.wikipedia.org", "2016-01-01", 1, 0]])], false);
    assert.throws(() => readCounts(dir, "day"), fails(/daily: no _SUCCESS marker, so the Spark job that wrote it did not finish/));
    const asDates = counts("month", [["en.wikipedia.org", "2016-01", 1, 0]]).withColumns(pl.col("offset").cast(pl.Float64));
    sparkFolder(dir, "monthly", [asDates]);
    assert.throws(() => readCounts(dir, "month"), fails(/monthly\/part-00000-x-c000\.snappy\.parquet: column 'offset' is Float64, expected Int64/));
  } finally {
    cleanup();
  }
});

test.run();
