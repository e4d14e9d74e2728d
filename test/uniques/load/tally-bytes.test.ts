import { test } from "uvu";
import * as assert from "uvu/assert";
import { dtShape } from "../../../src/uniques/load/tally-bytes";
import { DT_PATTERN } from "../../../src/uniques/load/webrequest";

test("dtShape reads bytes as DT_PATTERN reads text, on times and every one-character change of them", () => {
  const pattern = new RegExp(DT_PATTERN);
  const seeds = ["2016-01-15T03:13:55Z", "2016-01-15 03:13:55", "2016-01-15T23:59:59.123+00:00", "2016-01-15T19:05:09.5", "0000-00-00T00:00:00Z"];
  const alphabet = ["", "0", "1", "2", "3", "5", "6", "9", "-", ":", ".", "T", "t", " ", "Z", "z", "+", "x", "é"];
  let checked = 0;
  for (const seed of seeds) {
    for (let i = 0; i <= seed.length; i++) {
      for (const c of alphabet) {
        // Replace the character at i, and insert one before it.
        for (const text of [seed.slice(0, i) + c + seed.slice(i + 1), seed.slice(0, i) + c + seed.slice(i)]) {
          const b = Buffer.from(`x\t${text}\ty`);
          assert.is(dtShape(b, 2, b.length - 2), pattern.test(text), text);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 3000);
});

test.run();
