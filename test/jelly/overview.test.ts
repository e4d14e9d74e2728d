import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureDisplays } from "../../src/display/emit";
import { describeEvents, eventTypes, skippedLinesBundle, skippedLinesWarning } from "../../src/jelly/overview";
import { eventsFrame } from "./events";

const frame = eventsFrame([
  { at: 0, type: "join", uuid: "a" },
  { at: 3, type: null },
  { at: 1, type: "disconnect", uuid: "a" },
  { at: 2, type: "join", uuid: "b" },
]);

test("documents, skipped lines and the time span", () => {
  const row = describeEvents({ file: "e.ndjson", frame, documents: 5, skipped: 1, badLines: [] }).toRecords()[0]!;
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

test("skipped lines: a warning with the count, the file and the first lines; nothing when none were skipped", () => {
  const badLines = [
    { line: 3, reason: "not valid JSON (Unexpected token g)" },
    { line: 9, reason: "expected '_source.@timestamp', a time such as \"2020-08-14T19:22:31.512Z\"" },
  ];
  const bundle = skippedLinesBundle({ file: "../data/e.ndjson.gz", frame, documents: 1205, skipped: 1204, badLines })!;
  assert.is(
    bundle["text/plain"],
    "Warning: 1,204 malformed lines of ../data/e.ndjson.gz skipped (skipBadLines is on): every number below leaves those documents out. The first 2:\n" +
      "  line 3: not valid JSON (Unexpected token g)\n" +
      "  line 9: expected '_source.@timestamp', a time such as \"2020-08-14T19:22:31.512Z\"",
  );
  assert.match(bundle["text/html"] as string, /role="alert".*<li>line 9: expected &#39;_source\.@timestamp&#39;, a time such as &quot;2020/);
  assert.match(skippedLinesBundle({ file: "e", frame, documents: 2, skipped: 1, badLines: badLines.slice(0, 1) })!["text/plain"] as string, /1 malformed line of e skipped .* leaves that document out\. The line:/);
  assert.is(skippedLinesBundle({ file: "e", frame, documents: 4, skipped: 0, badLines: [] }), undefined);
  // What a cell shows: one display, or none.
  assert.is(captureDisplays(() => skippedLinesWarning({ file: "e", frame, documents: 4, skipped: 0, badLines: [] })).length, 0);
  assert.equal(captureDisplays(() => skippedLinesWarning({ file: "../data/e.ndjson.gz", frame, documents: 1205, skipped: 1204, badLines })).map((d) => d.data), [bundle]);
});

test.run();
