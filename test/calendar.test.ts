import { test } from "uvu";
import * as assert from "uvu/assert";
import { DAY_MS, dayOf, dayParameter, dayString, epochDay, isDayString, isMonthString, monthOf, monthParameter, weekday } from "../src/calendar";
import { DataError } from "../src/errors";

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

test("a month string names a calendar month", () => {
  assert.ok(isMonthString("2016-02"));
  assert.ok(isMonthString("2020-12"));
  for (const bad of ["2016-13", "2016-00", "2016-2", "2016-02-01", "Feb 2016", ""]) assert.not.ok(isMonthString(bad), bad);
});

test("a month or day parameter: empty is the whole period (null); a bad value is a DataError naming the parameter, the value and the form", () => {
  assert.is(monthParameter("month", ""), null);
  assert.is(monthParameter("month", "2021-02"), "2021-02");
  assert.is(dayParameter("asOf", ""), null);
  assert.is(dayParameter("asOf", "2020-02-29"), "2020-02-29");
  assert.throws(() => monthParameter("month", "2021-13"), (e: unknown) => e instanceof DataError && e.message === 'parameter month = "2021-13": expected a calendar month as YYYY-MM (such as 2021-02), or "" for the whole period');
  assert.throws(() => monthParameter("month", "March"), (e: unknown) => e instanceof DataError && e.message.startsWith('parameter month = "March": expected'));
  assert.throws(() => dayParameter("asOf", "2021-02-29"), (e: unknown) => e instanceof DataError && e.message.startsWith('parameter asOf = "2021-02-29": expected a calendar day as YYYY-MM-DD'));
});

test.run();
