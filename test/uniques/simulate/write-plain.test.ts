// The plain writer (each line's time formatted on its own) is the oracle of the fast one (the day's
// 86,400 times formatted once, into a table): both must write the same files, byte for byte.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulation } from "../../../src/uniques/simulate/simulation";
import { formatTimeOfDay, timeOfDay, writeExtract } from "../../../src/uniques/simulate/write";
import { writeExtractPlain } from "../../../src/uniques/simulate/write-plain";
import { scratch } from "../../helpers";

test("a second of the day: zero-padded hours, minutes and seconds, the same from the table for each of the 86,400", () => {
  assert.is(formatTimeOfDay(0), "00:00:00");
  assert.is(formatTimeOfDay(3 * 3600 + 13 * 60 + 55), "03:13:55");
  assert.is(formatTimeOfDay(12 * 3600 + 5), "12:00:05");
  assert.is(formatTimeOfDay(86_399), "23:59:59");
  const differ = Array.from({ length: 86_400 }, (_, s) => s).filter((s) => timeOfDay(s) !== formatTimeOfDay(s));
  assert.equal(differ, []);
});

test("the plain writer writes the same extract and truth, byte for byte, gzipped or not", async () => {
  const { dir, cleanup } = scratch();
  try {
    for (const [name, level] of [["w.tsv.gz", 6], ["w.tsv", 0]] as const) {
      const simulation = () => new Simulation({ seed: 7, scale: 0.002, days: 20 });
      const fast = await writeExtract(simulation(), join(dir, `fast-${name}`), join(dir, "fast.json"), level, { what_if: 1 });
      const plain = await writeExtractPlain(simulation(), join(dir, `plain-${name}`), join(dir, "plain.json"), level, { what_if: 1 });
      assert.ok(fast.rows > 1000, `${fast.rows} rows`);
      assert.equal([plain.rows, plain.bytes], [fast.rows, fast.bytes]);
      assert.ok(readFileSync(join(dir, `plain-${name}`)).equals(readFileSync(join(dir, `fast-${name}`))), name);
      assert.is(readFileSync(join(dir, "plain.json"), "utf8"), readFileSync(join(dir, "fast.json"), "utf8"));
    }
  } finally {
    cleanup();
  }
});

test.run();
