import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { optionalTruth, parseTruth, readTruth } from "../../../src/uniques/load/truth";
import { scratch } from "../../helpers";

test("truth files: the reference's format, read with errors that name the key", () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "t.json");
    writeFileSync(file, JSON.stringify({ monthly: { "EN.wikipedia.org|2016-01": 3 } }));
    assert.equal(readTruth(file).monthly.toRecords(), [{ domain: "en.wikipedia.org", month: "2016-01", truth: 3 }]);
    assert.is(readTruth(file).daily.height, 0);
    assert.is(optionalTruth(file)?.monthly.height, 1);
    assert.is(optionalTruth(" "), undefined, "no truth file given");
    writeFileSync(file, "{");
    assert.throws(() => readTruth(file), (e: unknown) => e instanceof DataError && /t\.json: expected a JSON truth file/.test(e.message));
  } finally {
    cleanup();
  }
  assert.throws(() => parseTruth({ monthly: { "en.wikipedia.org|2016-13": 3 } }, "t"), (e: unknown) => e instanceof DataError && e.message === 't: "monthly" key "en.wikipedia.org|2016-13": expected "domain|2016-01"');
  assert.throws(() => parseTruth({ monthly: { "en.wikipedia.org|2016-01": -1 } }, "t"), (e: unknown) => e instanceof DataError && /is -1, expected a count of devices/.test(e.message));
  const whatIf = { scale: 0.02, rows: [{ scenario: "as simulated", platform: "mobile", estimate: 11, truth: 10, relative_error: 0.1, change: 0 }] };
  assert.equal(parseTruth({ monthly: {}, what_if: whatIf }, "t").whatIf?.toRecords(), whatIf.rows);
  assert.is(parseTruth({ monthly: {}, what_if: whatIf }, "t").whatIfScale, 0.02);
  assert.throws(() => parseTruth({ monthly: {}, what_if: { rows: [] } }, "t"), (e: unknown) => e instanceof DataError && /"what_if" should be/.test(e.message));
  assert.throws(() => parseTruth({ daily: {} }, "t"), (e: unknown) => e instanceof DataError && /expected an object with "monthly"/.test(e.message));
});

test.run();
