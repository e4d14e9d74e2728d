import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureDisplays, record, SCRAP_MIME } from "../../src/display";
import { findUnserialisable } from "../../src/display/record";

test("record() glues a scrap in scrapbook's format, not shown in the notebook", () => {
  const [d] = captureDisplays(() => record("conversion", { original: 0.23, corrected: 0.31 }));
  assert.equal(d!.data, { [SCRAP_MIME]: { name: "conversion", data: { original: 0.23, corrected: 0.31 }, encoder: "json", version: 1 } });
  assert.equal(d!.metadata, { scrapbook: { name: "conversion", data: true, display: false } });
});

test("dates are stored as their ISO strings, as JSON would", () => {
  const [d] = captureDisplays(() => record("day", new Date("2020-03-17T00:00:00Z")));
  assert.is((d!.data[SCRAP_MIME] as { data: unknown }).data, "2020-03-17T00:00:00.000Z");
});

test("values JSON would silently change are errors that say where", () => {
  assert.is(findUnserialisable({ a: [1, 2, NaN] }), ".a[2] is NaN");
  assert.is(findUnserialisable({ a: undefined }), ".a is undefined");
  assert.is(findUnserialisable(10n), "the value is a bigint");
  const cyclic: Record<string, unknown> = {};
  cyclic["self"] = cyclic;
  assert.is(findUnserialisable(cyclic), ".self refers to itself");
  assert.is(findUnserialisable({ ok: [1, "x", null, true, { d: new Date(0) }] }), undefined);
  assert.throws(() => record("p", { t: Infinity }), /record\("p"\): \.t is Infinity, which JSON cannot hold/);
  assert.throws(() => record(" ", 1), /name is empty/);
});

test.run();
