import { test } from "uvu";
import * as assert from "uvu/assert";
import { changeSummary, diffRecords, percent, rowKey } from "../../src/notebook/changes";

test("numbers: before → after with the relative change; noise below the tolerance is no change", () => {
  const changes = diffRecords({ total: 400, mean: 0.1 + 0.2, same: 7 }, { total: 500, mean: 0.3, same: 7 });
  assert.equal(changes, [{ name: "total", path: "", kind: "changed", before: 400, after: 500, relative: 0.25 }]);
});

test("nested objects: the path names the field; fields and results added or removed", () => {
  const before = { signups: { peak_day: "2021-02-05", peak_count: 462 }, gone: true };
  const after = { signups: { peak_day: "2021-02-06", peak_count: 462, last_day: "2021-03-08" }, fresh: [1] };
  assert.equal(diffRecords(before, after), [
    { name: "signups", path: "peak_day", kind: "changed", before: "2021-02-05", after: "2021-02-06" },
    { name: "signups", path: "last_day", kind: "added", after: "2021-03-08" },
    { name: "gone", path: "", kind: "removed", before: true },
    { name: "fresh", path: "", kind: "added", after: [1] },
  ]);
});

test("tables: rows matched by their key columns (domain and day), not by position", () => {
  const before = [
    { domain: "a.org", day: "2016-01-01", estimate: 10 },
    { domain: "a.org", day: "2016-01-02", estimate: 12 },
    { domain: "b.org", day: "2016-01-01", estimate: 5 },
  ];
  const after = [
    { domain: "b.org", day: "2016-01-01", estimate: 5 },
    { domain: "a.org", day: "2016-01-02", estimate: 15 },
    { domain: "c.org", day: "2016-01-01", estimate: 1 },
  ];
  assert.equal(rowKey(before, after), ["domain", "day"]);
  assert.equal(diffRecords({ daily: before }, { daily: after }), [
    { name: "daily", path: "[domain=a.org, day=2016-01-01]", kind: "removed", before: before[0] },
    { name: "daily", path: "[domain=a.org, day=2016-01-02].estimate", kind: "changed", before: 12, after: 15, relative: 0.25 },
    { name: "daily", path: "[domain=c.org, day=2016-01-01]", kind: "added", after: after[2] },
  ]);
});

test("tables without a key column are compared row by row; lists of values whose length changed, as a whole", () => {
  assert.equal(rowKey([{ x: 1 }], [{ x: 2 }]), undefined);
  assert.equal(diffRecords({ t: [{ x: 1 }, { x: 2 }] }, { t: [{ x: 1 }, { x: 3 }, { x: 4 }] }), [
    { name: "t", path: "[1].x", kind: "changed", before: 2, after: 3, relative: 0.5 },
    { name: "t", path: "[2]", kind: "added", after: { x: 4 } },
  ]);
  assert.equal(diffRecords({ days: ["a", "b"] }, { days: ["a"] }), [{ name: "days", path: "", kind: "changed", before: ["a", "b"], after: ["a"] }]);
  assert.equal(diffRecords({ days: ["a", "b"] }, { days: ["a", "c"] }), [{ name: "days", path: "[1]", kind: "changed", before: "b", after: "c" }]);
});

test("a number from zero has no relative change; the summary names the largest moves", () => {
  const changes = diffRecords({ a: 0, b: 100, c: 10 }, { a: 3, b: 101, c: 5 });
  assert.is(changes[0]!.relative, undefined);
  assert.is(changeSummary(changes), "3 changes in 3 recorded results; largest moves: c 10 → 5 (−50 %), b 100 → 101 (+1.0 %)");
  assert.is(changeSummary([]), "no recorded result changed");
  assert.is(changeSummary(undefined), "no earlier run to compare with");
  assert.is(percent(0.000123), "+0.012 %");
});

test.run();
