import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatBytes, formatDuration, formatSize, formatUtc, formatValue } from "../../src/report/units";

test("times are UTC, whatever the machine's zone", () => {
  assert.is(formatUtc(new Date("2024-05-20T14:03:07.123Z")), "2024-05-20 14:03:07 UTC");
  assert.is(formatUtc(new Date("nope")), "an unknown time");
});

test("durations read in the unit that fits", () => {
  assert.is(formatDuration(850), "850 ms");
  assert.is(formatDuration(3210), "3.2 s");
  assert.is(formatDuration(125_000), "2 min 05 s");
  assert.is(formatDuration(3_720_000), "1 h 02 min");
});

test("sizes in SI units, with the exact byte count alongside", () => {
  assert.is(formatSize(532), "532 B");
  assert.is(formatSize(1234), "1.2 kB");
  assert.is(formatSize(999_999), "1.0 MB", "rounds up into the next unit rather than 1000 kB");
  assert.is(formatSize(45_100_000), "45 MB");
  assert.is(formatBytes(1234), "1,234 bytes");
});

test("parameter values as JSON; what JSON cannot hold is named", () => {
  assert.is(formatValue("a.csv"), '"a.csv"');
  assert.is(formatValue([1, 2]), "[1,2]");
  assert.is(formatValue(undefined), "undefined");
  assert.is(formatValue(NaN), "NaN");
  assert.is(formatValue(10n), "10n");
});

test.run();
