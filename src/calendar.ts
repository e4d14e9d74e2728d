// Days and months in UTC as the data sets write them (`2016-01-15`, `2016-01`), and the day
// arithmetic the analyses need: days counted from the Unix epoch, weekdays, a day's month; and the
// notebooks' day and month parameters, checked.
import { DataError } from "./errors";

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;
/** Days since 1970-01-01 (UTC). */
export type EpochDay = number;
/** `2016-01-15`: a calendar day in UTC. */
export type DayString = string & { readonly __day?: true };
/** `2016-01`: a calendar month in UTC. */
export type MonthString = string & { readonly __month?: true };

export const DAY_MS = 86_400_000;

/** The UTC day an instant falls on. */
export function dayOf(ms: EpochMs): DayString {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The month a day belongs to. */
export function monthOf(day: DayString): MonthString {
  return day.slice(0, 7);
}

export function epochDay(day: DayString): EpochDay {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayString(d: EpochDay): DayString {
  return dayOf(d * DAY_MS);
}

/** 0 = Monday … 6 = Sunday (ISO weekday − 1). */
export function weekday(d: EpochDay): number {
  // 1970-01-01 was a Thursday.
  return (d + 3) % 7;
}

/** True for `2016-01-15` naming a real calendar day. */
export function isDayString(s: string): s is DayString {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayString(epochDay(s)) === s;
}

/** True for `2016-02` naming a calendar month. */
export function isMonthString(s: string): s is MonthString {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/**
 * A notebook's month parameter: "" (no month: the whole period, returned as null) or `YYYY-MM`.
 * Anything else is a DataError naming the parameter, the value and the form expected.
 */
export function monthParameter(name: string, value: string): MonthString | null {
  if (value === "") return null;
  if (typeof value === "string" && isMonthString(value)) return value;
  throw new DataError(`parameter ${name} = ${JSON.stringify(value)}: expected a calendar month as YYYY-MM (such as 2021-02), or "" for the whole period`);
}

/** A notebook's day parameter: "" (no day, null) or `YYYY-MM-DD` naming a real day; anything else is a DataError. */
export function dayParameter(name: string, value: string): DayString | null {
  if (value === "") return null;
  if (typeof value === "string" && isDayString(value)) return value;
  throw new DataError(`parameter ${name} = ${JSON.stringify(value)}: expected a calendar day as YYYY-MM-DD (such as 2021-02-28), or "" for the whole period`);
}
