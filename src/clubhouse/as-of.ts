// The network as of a day: the users who had signed up by the end of that day (UTC), and the
// invites among them. An invitee who joined later is not there yet; an inviter who joined later
// (the data should not have one) would stay in the tree as an inviter without a row, as a deleted
// account does. Every user has a sign-up time in the Clubhouse table (the loader reads a missing
// one as NaN); one without would be left out, since it cannot be placed before or after the day.
import { dayOf, dayParameter, DAY_MS, epochDay, type DayString } from "../calendar";
import { DataError } from "../errors";
import { usersFrom, type Users } from "./load/load-users";

/** The first and last sign-up days of the users, or null when none has a sign-up time. */
export function signupSpan(users: Pick<Users, "createdMs">): { first: DayString; last: DayString } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const t of users.createdMs) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return min === Infinity ? null : { first: dayOf(min), last: dayOf(max) };
}

/**
 * The users as of the end of `asOf` (`YYYY-MM-DD`, UTC), in table order; `""` gives `users` as
 * they are (the whole database). A day before the first sign-up or after the last is a DataError
 * saying what the data span: the database cannot tell the network before it began, nor after it
 * was taken.
 */
export function usersAsOf(users: Users, asOf: string): Users {
  const day = dayParameter("asOf", asOf);
  if (day === null) return users;
  const span = signupSpan(users);
  if (span === null || day < span.first || day > span.last) {
    const data = span === null ? "no user has a sign-up time" : `the sign-ups span ${span.first} to ${span.last}`;
    throw new DataError(`parameter asOf = "${day}": outside the data of ${users.source} (${data}); choose a day in that span, or "" for the whole database`);
  }
  const end = (epochDay(day) + 1) * DAY_MS;
  const rows: number[] = [];
  for (let row = 0; row < users.count; row++) if (users.createdMs[row]! < end) rows.push(row);
  const columns = [users.userId, users.invitedBy, users.followers, users.following, users.createdMs].map((values) => Float64Array.from(rows, (row) => values[row]!));
  return usersFrom(users.source, users.tableColumns, columns, rows.length);
}

/** Which part of the database the report covers, as a sentence. */
export function asOfCoverage(users: Pick<Users, "createdMs" | "count">, asOf: string): string {
  const day = dayParameter("asOf", asOf);
  const span = signupSpan(users);
  const signups = span === null ? "no sign-ups" : `sign-ups from ${span.first} to ${span.last}`;
  if (day === null) return `This report covers the whole database: ${users.count.toLocaleString("en-US")} users, ${signups}.`;
  return `This report shows the network as of the end of ${day} (UTC): the ${users.count.toLocaleString("en-US")} users who had signed up by then (${signups}), and the invites among them. Users who joined later are left out, and so are their invitations.`;
}

/** `holds` when the sign-ups run to the last day of `month`; null (cannot tell) when the data stop before it. */
export function throughMonth(users: Pick<Users, "createdMs">, month: string, holds: boolean | null): boolean | null {
  const span = signupSpan(users);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const lastDay = dayOf(Date.UTC(y, m, 1) - DAY_MS);
  return span !== null && span.last >= lastDay ? holds : null;
}
