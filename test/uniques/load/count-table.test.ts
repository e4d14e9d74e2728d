import { test } from "uvu";
import * as assert from "uvu/assert";
import { CountTable } from "../../../src/uniques/load/count-table";

test("counts per key of three words, as a Map keyed by their text counts them, across many growths", () => {
  const table = new CountTable(4);
  const expected = new Map<string, number>();
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) | 0);
  for (let i = 0; i < 200_000; i++) {
    // Words over the whole 32-bit range, negative ones included, many repeated.
    const k = [random() % 300, random() & 0x80000003, i % 7 === 0 ? -1 : 5];
    const n = 1 + (i % 3);
    table.add(k[0]!, k[1]!, k[2]!, n);
    expected.set(k.join(","), (expected.get(k.join(",")) ?? 0) + n);
  }
  const seen = new Map<string, number>();
  table.forEach((a, b, c, n) => seen.set([a, b, c].join(","), n));
  assert.is(table.size, expected.size);
  assert.equal(seen, expected);
});

test.run();
