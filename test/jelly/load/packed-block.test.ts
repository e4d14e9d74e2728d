import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Block } from "../../../src/jelly/load/ndjson-reader";
import { columnValues, pack, type PackedColumn } from "../../../src/jelly/load/packed-block";

test("a block survives packing for a worker: text, numbers, booleans, nulls, empty strings", () => {
  const block: Block = {
    lines: [3, 4, 6],
    times: [1.5e12, 1.5e12 + 1, 1.5e12 + 2],
    subMs: [0, 999_999, 123_456],
    columns: new Map<string, unknown[]>([
      ["a", ["x", null, ""]],
      ["b", [1.25, true, false]],
      ["c", ["é\n\u0000", 7, null]],
    ]),
    lineCount: 4,
    skipped: 1,
    badLines: [{ line: 5, reason: "not valid JSON" }],
  };
  const { packed, transfer } = pack(block);
  assert.ok(transfer.length > 0);
  assert.equal([Array.from(packed.lines), Array.from(packed.times), Array.from(packed.subMs)], [block.lines, block.times, block.subMs]);
  assert.equal(packed.names, ["a", "b", "c"]);
  // A text-only column goes as a dictionary; the others value by value.
  assert.equal(packed.columns.map((c) => c.kind), ["dictionary", "values", "values"]);
  assert.equal(packed.columns.map((c) => columnValues(c as PackedColumn)), [...block.columns.values()]);
  assert.equal([packed.lineCount, packed.skipped, packed.badLines], [4, 1, block.badLines]);
});

test.run();
