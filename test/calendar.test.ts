import { test } from "uvu";
import * as assert from "uvu/assert";
import { DAY_MS, dayOf, dayString, epochDay, isDayString, monthOf, weekday } from "../src/calendar";

test("days and months are UTC calendar days and months", () => {
  assert.is(dayOf(Date.parse("2020-03-17T23:59:59.999Z")), "2020-03-17");
  assert.is(dayOf(Date.parse("2020-03-18T00:30:00+01:00")), "2020-03-17");
  assert.is(monthOf(dayOf(Date.parse("2020-05-31T23:30:00-01:00"))), "2020-06");
  assert.is(monthOf("2016-02-29"), "2016-02");
  assert.is(DAY_MS, 24 * 60 * 60 * 1000);
});

test("days counted from the epoch, and weekdays", () => {
  assert.is(epochDay("1970-01-02"), 1);
  assert.is(epochDay("1969-12-31"), -1);
  assert.is(dayString(epochDay("2016-02-29")), "2016-02-29");
  assert.is(weekday(epochDay("2016-01-04")), 0, "a Monday");
  assert.is(weekday(epochDay("2016-01-03")), 6, "a Sunday");
});

test("a day string names a real calendar day", () => {
  assert.ok(isDayString("2016-02-29"));
  assert.not.ok(isDayString("2015-02-29"));
  assert.not.ok(isDayString("2016-1-5"));
});

test.run();
