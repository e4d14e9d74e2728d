// One month of the input: the report for February 2016 against the whole run's February rows, and
// against the pandas reference run on the extract cut to February's lines by the test itself.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../src/errors";
import { dailyOf, monthlyOf, readInput, type UniquesInput } from "../../src/uniques/input";
import { readTruth } from "../../src/uniques/load/truth";
import { inputDays, inputInMonth, monthCoverage, truthInMonth } from "../../src/uniques/month";
import { optionalQualityWeeks } from "../../src/uniques/quality";
import { crossCheck, referenceRunner, referenceScript } from "../reference";
import { byKey, SAMPLE, SAMPLE_TRUTH } from "./fixtures";

const whole = readInput(SAMPLE);
const february = inputInMonth(whole, "2016-02");
const onlyFebruary = <T>(rows: Record<string, T>) => Object.fromEntries(Object.entries(rows).filter(([key]) => key.split("|")[1]!.startsWith("2016-02")));

/** The extract's lines: header first, as text. */
const lines = gunzipSync(readFileSync(SAMPLE)).toString("utf8").split("\n").filter((l) => l !== "");

test("the month's report is the whole run's rows for that month's days and for the month", () => {
  const daily = byKey(dailyOf(february));
  const monthly = byKey(monthlyOf(february));
  assert.ok(Object.keys(daily).length > 1000, "February has daily rows");
  assert.equal(daily, onlyFebruary(byKey(dailyOf(whole))));
  assert.equal(monthly, onlyFebruary(byKey(monthlyOf(whole))));
  assert.equal(Object.keys(monthly).every((k) => k.endsWith("|2016-02")), true);
});

test("the month holds exactly its requests: the lines whose time falls in it", () => {
  const inFebruary = lines.filter((l) => l.startsWith("2016-02-")).length;
  assert.is(february.requests!.rows, inFebruary);
  assert.is(whole.requests!.rows, lines.length - 1);
  assert.equal(inputDays(february), Array.from({ length: 29 }, (_, i) => `2016-02-${String(i + 1).padStart(2, "0")}`));
});

test("an empty month is the whole input; a bad month, or one without requests, is a DataError saying what was expected", () => {
  assert.is(inputInMonth(whole, ""), whole);
  for (const bad of ["2016-13", "March", "2016-2", "2016-02-01"]) {
    assert.throws(() => inputInMonth(whole, bad), (e: unknown) => e instanceof DataError && e.message.includes(`month = "${bad}"`) && e.message.includes("YYYY-MM"));
  }
  assert.throws(() => inputInMonth(whole, "2016-03"), (e: unknown) => e instanceof DataError && e.message.includes("2016-01-01 to 2016-02-29"));
});

test("a month is too short for the data-quality analysis's six weeks; the whole extract is not", () => {
  assert.is(optionalQualityWeeks(dailyOf(february)), null);
  assert.is(optionalQualityWeeks(dailyOf(whole))?.reference, "2016-01-04", "the first Monday of 2016");
});

test("the truth for a month keeps that month's days and the month", () => {
  const truth = truthInMonth(readTruth(SAMPLE_TRUTH), "2016-02")!;
  assert.equal([...new Set(truth.monthly.getColumn("month").toArray())], ["2016-02"]);
  assert.ok((truth.daily.getColumn("day").toArray() as string[]).every((d) => d.startsWith("2016-02-")));
  assert.is(truth.daily.height, readTruth(SAMPLE_TRUTH).daily.filter(pl.col("day").str.startsWith("2016-02")).height);
  assert.is(truthInMonth(undefined, "2016-02"), undefined);
});

test("from Spark's counts the month keeps its rows too, and the report says what it covers", () => {
  const counts: UniquesInput = {
    source: "counts",
    requests: null,
    counts: {
      daily: pl.DataFrame({ domain: ["a.org", "a.org", "b.org"], day: ["2016-01-31", "2016-02-01", "2016-02-29"], underestimate: [1, 2, 3], offset: [0, 1, 0], estimate: [1, 3, 3] }),
      monthly: pl.DataFrame({ domain: ["a.org", "a.org", "b.org"], month: ["2016-01", "2016-02", "2016-02"], underestimate: [1, 2, 3], offset: [0, 1, 0], estimate: [1, 3, 3] }),
    },
  };
  const month = inputInMonth(counts, "2016-02");
  assert.equal(month.counts!.daily.getColumn("day").toArray(), ["2016-02-01", "2016-02-29"]);
  assert.equal(month.counts!.monthly.getColumn("estimate").toArray(), [3, 3]);
  assert.match(monthCoverage(month, "2016-02"), "covers 2016-02 only: the days 2016-02-01 to 2016-02-29");
  assert.match(monthCoverage(counts, ""), "every month of the input: the days 2016-01-31 to 2016-02-29");
});

crossCheck(test, "February alone gives the reference script's numbers on the extract cut to February's lines", referenceRunner("unique_devices.py", ["pandas"]), (python) => {
  const dir = mkdtempSync(join(tmpdir(), "uniques-month-"));
  try {
    const cut = join(dir, "february.tsv");
    writeFileSync(cut, [lines[0], ...lines.filter((l) => l.startsWith("2016-02-"))].join("\n") + "\n");
    const run = spawnSync(python, [referenceScript("unique_devices.py"), cut], { encoding: "utf8", maxBuffer: 64 << 20 });
    assert.is(run.status, 0, run.stderr);
    const reference = JSON.parse(run.stdout) as { daily: Record<string, unknown>; monthly: Record<string, unknown> };
    assert.ok(Object.keys(reference.daily).length > 1000, "the reference found February's daily rows");
    assert.equal(byKey(dailyOf(february)), reference.daily);
    assert.equal(byKey(monthlyOf(february)), reference.monthly);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
