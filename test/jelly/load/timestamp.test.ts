import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseTimestamp } from "../../../src/jelly/load/timestamp";

test("timestamps to the nanosecond: whole milliseconds and the nanoseconds past them", () => {
  const ms = Date.UTC(2020, 7, 14, 19, 22, 31, 512);
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512Z"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512345Z"), { ms, subMs: 345_000 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512345678Z"), { ms, subMs: 345_678 });
  // Past the ninth digit: dropped, as pandas keeps nanoseconds.
  assert.equal(parseTimestamp("2020-08-14T19:22:31.5123456789Z"), { ms, subMs: 345_678 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31.5Z"), { ms: ms - 12, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T21:22:31,512000001+02:00"), { ms, subMs: 1 });
  // No zone: UTC, as pandas reads it (Date.parse would take the machine's local time).
  assert.equal(parseTimestamp("2020-08-14T19:22:31.512345"), { ms, subMs: 345_000 });
  assert.equal(parseTimestamp("2020-08-14T19:22:31Z"), { ms: ms - 512, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14"), { ms: Date.UTC(2020, 7, 14), subMs: 0 });
  // Before the epoch the fraction still counts forward from the whole second.
  assert.equal(parseTimestamp("1969-12-31T23:59:59.999999999Z"), { ms: -1, subMs: 999_999 });
  // The other forms ISO 8601 and pandas take: offsets without a colon or minutes, lower case, a space, no seconds.
  assert.equal(parseTimestamp("2020-08-14t21:22:31.512+0200"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14 21:22:31.512+02"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T10:52:31.512-08:30"), { ms, subMs: 0 });
  assert.equal(parseTimestamp("2020-08-14T19:22z"), { ms: Date.UTC(2020, 7, 14, 19, 22), subMs: 0 });
  assert.equal(parseTimestamp("2020-02-29T00:00:00Z"), { ms: Date.UTC(2020, 1, 29), subMs: 0 });
  // Milliseconds agree with Date.parse wherever Date.parse is right.
  for (let i = 0; i < 2000; i++) {
    const iso = new Date(Date.UTC(1700, 0, 1) + i * 8_765_432_109).toISOString();
    assert.equal(parseTimestamp(iso), { ms: Date.parse(iso), subMs: 0 }, iso);
  }
  for (const bad of ["2019-02-29T00:00:00Z", "2020-02-30T00:00:00.000Z", "2020-08-14T24:00:00Z", "2020-08-14T19:60:00Z", "2020-08-14T19:22:31.Z", "2020-08-14T19:22:31.512Zjunk", "2020-08-14T19:22:31+25:00", "20200814T192231Z", "2020-8-14"]) {
    assert.is(parseTimestamp(bad), "an ISO 8601 time", bad);
  }
  assert.is(parseTimestamp("yesterday"), "an ISO 8601 time");
  assert.is(parseTimestamp("2020-13-01T00:00:00Z"), "an ISO 8601 time");
  assert.is(parseTimestamp("2263-01-01T00:00:00Z"), "a time between 1677 and 2262 (nanosecond timestamps)");
  assert.is(parseTimestamp("0001-01-01T00:00:00.000Z"), "a time between 1677 and 2262 (nanosecond timestamps)");
  assert.is(parseTimestamp("2020-02-30T00:00:00.000Z"), "an ISO 8601 time");
});

test.run();
