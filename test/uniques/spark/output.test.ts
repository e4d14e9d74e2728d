// The job's output folder without Spark: what a run moves in, what it leaves, what it refuses.
// Spark's own output is stood in for by files with its names; test/uniques/spark/job.integration.test.ts
// does the same with a real job.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { checkOutput, moveCountsIn, stagingFolder } from "../../../src/uniques/spark/output";
import { scratch } from "../../helpers";

/** A period's folder as Spark's local file system leaves it: a part file, the marker, their checksums. */
function sparkFolder(path: string, part: string): void {
  mkdirSync(path, { recursive: true });
  for (const [name, content] of [[part, part], ["_SUCCESS", ""], [`.${part}.crc`, "crc"], ["._SUCCESS.crc", "crc"]]) writeFileSync(join(path, name as string), content as string);
}

/** Every file under `dir` with its content, for comparing a folder before and after. */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(join(dir, at), { withFileTypes: true })) {
      const path = at === "" ? entry.name : `${at}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else found[path] = readFileSync(join(dir, path), "utf8");
    }
  };
  walk("");
  return found;
}

/** A previous job's counts beside the user's own notes and another analysis. */
function sharedFolder(out: string): void {
  sparkFolder(join(out, "daily"), "part-00000-old-c000.snappy.parquet");
  sparkFolder(join(out, "monthly"), "part-00000-old-c000.snappy.parquet");
  writeFileSync(join(out, "notes.txt"), "what I found in January");
  mkdirSync(join(out, "my-analysis"));
  writeFileSync(join(out, "my-analysis", "report.html"), "<h1>mine</h1>");
}

const refusal = (run: () => void): string => {
  try {
    run();
  } catch (e) {
    return e instanceof DataError ? e.message : `not a DataError: ${String(e)}`;
  }
  return "not refused";
};

test("the new counts replace the previous job's; notes and another analysis in the folder stay as they were", () => {
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "counts");
    sharedFolder(out);
    checkOutput(out);
    const staging = stagingFolder(out);
    assert.is(dirname(staging), dir, "beside the output folder");
    assert.match(basename(staging), /^\.counts\.tmp-/);
    sparkFolder(join(staging, "daily"), "part-00000-new-c000.snappy.parquet");
    sparkFolder(join(staging, "monthly"), "part-00000-new-c000.snappy.parquet");
    moveCountsIn(staging, out);
    const after = files(out);
    assert.is(after["notes.txt"], "what I found in January");
    assert.is(after["my-analysis/report.html"], "<h1>mine</h1>");
    assert.equal(readdirSync(join(out, "daily")).sort(), ["._SUCCESS.crc", ".part-00000-new-c000.snappy.parquet.crc", "_SUCCESS", "part-00000-new-c000.snappy.parquet"]);
    assert.equal(readdirSync(join(out, "monthly")).sort(), readdirSync(join(out, "daily")).sort());
    assert.equal(readdirSync(out).sort(), ["daily", "monthly", "my-analysis", "notes.txt"], "nothing else in the folder");
    assert.equal(readdirSync(staging).sort(), ["previous-daily", "previous-monthly"], "the previous counts, for the caller to remove with the staging folder");
  } finally {
    cleanup();
  }
});

test("a new folder is made; one that is missing a period gets it", () => {
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "deep", "counts");
    checkOutput(out);
    const staging = stagingFolder(out);
    sparkFolder(join(staging, "daily"), "part-1.parquet");
    sparkFolder(join(staging, "monthly"), "part-2.parquet");
    moveCountsIn(staging, out);
    assert.equal(readdirSync(out).sort(), ["daily", "monthly"]);
    assert.ok(readdirSync(join(out, "monthly")).includes("part-2.parquet"));
  } finally {
    cleanup();
  }
});

test("refused with one line naming what is there: a file as --out, a file in daily/, a daily/ that is a file or a link", () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "counts.txt");
    writeFileSync(file, "x");
    assert.is(refusal(() => checkOutput(file)), `--out ${file}: is a file, expected a folder for the counts`);

    const out = join(dir, "counts");
    sharedFolder(out);
    writeFileSync(join(out, "daily", "notes.txt"), "mine");
    assert.is(refusal(() => checkOutput(out)), `--out ${out}: ${join(out, "daily", "notes.txt")} was not written by this job, which replaces daily/ whole: move it, or give another --out`);

    const other = join(dir, "other");
    mkdirSync(other);
    writeFileSync(join(other, "monthly"), "a file of mine");
    assert.is(refusal(() => checkOutput(other)), `--out ${other}: ${join(other, "monthly")} is not a folder of counts, and the job writes monthly/ there: move it, or give another --out`);

    const linked = join(dir, "linked");
    mkdirSync(linked);
    mkdirSync(join(dir, "elsewhere"));
    symlinkSync(join(dir, "elsewhere"), join(linked, "daily"));
    assert.match(refusal(() => checkOutput(linked)), `${join(linked, "daily")} is not a folder of counts`);

    const nested = join(dir, "nested");
    sparkFolder(join(nested, "daily"), "part-0.parquet");
    mkdirSync(join(nested, "daily", "part-9"));
    assert.match(refusal(() => checkOutput(nested)), `${join(nested, "daily", "part-9")} was not written by this job`);
    for (const message of [refusal(() => checkOutput(out)), refusal(() => checkOutput(other))]) assert.not.match(message, "\n");
  } finally {
    cleanup();
  }
});

test("a file put into daily/ while the job ran: nothing is moved, the file stays", () => {
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "counts");
    sharedFolder(out);
    const staging = stagingFolder(out);
    sparkFolder(join(staging, "daily"), "part-new.parquet");
    sparkFolder(join(staging, "monthly"), "part-new.parquet");
    writeFileSync(join(out, "daily", "draft.md"), "written during the run");
    const before = files(out);
    assert.match(refusal(() => moveCountsIn(staging, out)), `${join(out, "daily", "draft.md")} was not written by this job`);
    assert.equal(files(out), before);
  } finally {
    cleanup();
  }
});

test("a move that fails is undone: the folder keeps the previous counts, not half of each", () => {
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "counts");
    sharedFolder(out);
    const before = files(out);
    const staging = stagingFolder(out);
    sparkFolder(join(staging, "daily"), "part-new.parquet"); // monthly/ missing: its move fails after daily/'s
    assert.throws(() => moveCountsIn(staging, out), /could not move the new counts from .* into .*counts: ENOENT/);
    assert.equal(files(out), before);
    assert.equal(readdirSync(staging), ["daily"]);
  } finally {
    cleanup();
  }
});

test("an output folder that is a link: written beside the folder it links to", () => {
  const { dir, cleanup } = scratch();
  try {
    const real = join(dir, "store", "counts");
    sharedFolder(real);
    const link = join(dir, "counts-link");
    symlinkSync(real, link);
    checkOutput(link);
    const staging = stagingFolder(link);
    assert.is(dirname(staging), join(dir, "store"));
    sparkFolder(join(staging, "daily"), "part-new.parquet");
    sparkFolder(join(staging, "monthly"), "part-new.parquet");
    moveCountsIn(staging, link);
    assert.ok(readdirSync(join(real, "daily")).includes("part-new.parquet"));
    assert.is(readFileSync(join(real, "notes.txt"), "utf8"), "what I found in January");
  } finally {
    cleanup();
  }
});

test.run();
