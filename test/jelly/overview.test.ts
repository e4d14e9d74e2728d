import { test } from "uvu";
import * as assert from "uvu/assert";
import { describeEvents, eventTypes } from "../../src/jelly/overview";
import { eventsFrame } from "./events";

const frame = eventsFrame([
  { at: 0, type: "join", uuid: "a" },
  { at: 3, type: null },
  { at: 1, type: "disconnect", uuid: "a" },
  { at: 2, type: "join", uuid: "b" },
]);

test("documents, skipped lines and the time span", () => {
  const row = describeEvents({ frame, documents: 5, skipped: 1, badLines: [] }).toRecords()[0]!;
  assert.equal([row.documents, row.skipped], [5, 1]);
  assert.is((row.first as unknown as Date).toISOString(), "2020-06-01T00:00:00.000Z");
  assert.is((row.last as unknown as Date).toISOString(), "2020-06-01T00:03:00.000Z");
});

test("documents by type, most first, those without a type as (none)", () => {
  assert.equal(eventTypes(frame).toRecords(), [
    { type: "join", documents: 2 },
    { type: "(none)", documents: 1 },
    { type: "disconnect", documents: 1 },
  ]);
});

test.run();
