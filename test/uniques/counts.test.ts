import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureDisplays } from "../../src/display/emit";
import { DataError } from "../../src/errors";
import { dailyOf, inputSummary, monthlyOf, notFromCounts, readCounts, readInput } from "../../src/uniques/counts";
import { scratch } from "../helpers";

/** A folder as a Spark job leaves it: part files and the _SUCCESS marker. */
function sparkFolder(dir: string, name: string, parts: pl.DataFrame[], success = true): void {
  mkdirSync(join(dir, name), { recursive: true });
  parts.forEach((p, i) => p.writeParquet(join(dir, name, `part-0000${i}-x-c000.snappy.parquet`)));
  writeFileSync(join(dir, name, `.part-00000-x-c000.snappy.parquet.crc`), "");
  if (success) writeFileSync(join(dir, name, "_SUCCESS"), "");
}

const counts = (period: "day" | "month", rows: Array<[string, string, number, number]>) =>
  pl.DataFrame({
    domain: pl.Series("domain", rows.map((r) => r[0]), pl.Utf8),
    [period]: pl.Series(period, rows.map((r) => r[1]), pl.Utf8),
    underestimate: pl.Series("underestimate", rows.map((r) => r[2]), pl.Int64),
    offset: pl.Series("offset", rows.map((r) => r[3]), pl.Int64),
    estimate: pl.Series("estimate", rows.map((r) => r[2] + r[3]), pl.Int64),
  });

test("counts from a job's folder: every part file, sorted by domain and period; the notebook's tables and summary", () => {
  const { dir, cleanup } = scratch();
  try {
    sparkFolder(dir, "daily", [counts("day", [["fr.wikipedia.org", "2016-01-02", 5, 1]]), counts("day", [["en.wikipedia.org", "2016-01-03", 7, 0], ["en.wikipedia.org", "2016-01-01", 3, 2]])]);
    sparkFolder(dir, "monthly", [counts("month", [["en.wikipedia.org", "2016-01", 9, 2]])]);
    const daily = readCounts(dir, "day");
    assert.equal(daily.toRecords().map((r) => `${r["domain"] as string} ${r["day"] as string} ${Number(r["estimate"])}`), ["en.wikipedia.org 2016-01-01 5", "en.wikipedia.org 2016-01-03 7", "fr.wikipedia.org 2016-01-02 6"]);
    const input = readInput("ignored.tsv.gz", dir);
    assert.is(input.requests, null);
    assert.ok(dailyOf(input).frameEqual(daily));
    assert.equal(monthlyOf(input).columns, ["domain", "month", "underestimate", "offset", "estimate"]);
    assert.equal(inputSummary(input).toRecords(), [{ first_day: "2016-01-01", last_day: "2016-01-03", days: 3, domains: 2 }]);
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

test("a section that needs the requests says so, as markdown with a text fallback", () => {
  const [shown] = captureDisplays(() => notFromCounts("The filter-by-filter table"));
  assert.match(String(shown?.data["text/markdown"]), /^\*\*Not computed from counts\.\*\* The filter-by-filter table is left out, because it needs the requests themselves/);
  assert.match(String(shown?.data["text/plain"]), /Run the notebook on the extract \(webrequestPath, no countsPath\)/);
});

test.run();
