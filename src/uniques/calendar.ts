// Days and months as the extract writes them (ISO, UTC), and the arithmetic the method needs:
// a period's first day, weekdays, whole weeks. Days are counted from the Unix epoch.

/** `2016-01-15`: a calendar day in UTC. */
export type DayString = string & { readonly __day?: true };
/** `2016-01`: a calendar month. */
export type MonthString = string & { readonly __month?: true };
/** What the method counts over: a day or a calendar month. */
export type Period = "day" | "month";
/** Days since 1970-01-01 (UTC). */
export type EpochDay = number;

export const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export function epochDay(day: DayString): EpochDay {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayString(d: EpochDay): DayString {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

export function monthOf(day: DayString): MonthString {
  return day.slice(0, 7);
}

/** 0 = Monday … 6 = Sunday (ISO weekday − 1). */
export function weekday(d: EpochDay): number {
  // 1970-01-01 was a Thursday.
  return (d + 3) % 7;
}

/** The value the WMF-Last-Access cookie holds: `14-Dec-2015`. */
export function cookieDate(d: EpochDay): string {
  const date = new Date(d * DAY_MS);
  return `${String(date.getUTCDate()).padStart(2, "0")}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()}`;
}

/** True for `2016-01-15` naming a real calendar day. */
export function isDayString(s: string): s is DayString {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayString(epochDay(s)) === s;
}
