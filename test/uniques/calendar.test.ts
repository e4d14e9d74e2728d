import { test } from "uvu";
import * as assert from "uvu/assert";
import { cookieDate, dayString, epochDay, isDayString, monthOf, weekday } from "../../src/uniques/calendar";

test("days, months, weekdays and the cookie's format", () => {
  assert.is(epochDay("1970-01-02"), 1);
  assert.is(dayString(epochDay("2016-02-29")), "2016-02-29");
  assert.is(monthOf("2016-02-29"), "2016-02");
  assert.is(weekday(epochDay("2016-01-04")), 0, "a Monday");
  assert.is(weekday(epochDay("2016-01-03")), 6, "a Sunday");
  assert.is(cookieDate(epochDay("2015-12-14")), "14-Dec-2015");
  assert.is(cookieDate(epochDay("2016-01-05")), "05-Jan-2016");
  assert.ok(isDayString("2016-02-29"));
  assert.not.ok(isDayString("2015-02-29"));
  assert.not.ok(isDayString("2016-1-5"));
});

test.run();
