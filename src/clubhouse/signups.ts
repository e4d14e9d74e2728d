// Sign-ups per day (UTC) and their running total: the original's `created_by_days` and
// `created_cumsum_by_days`. Days without a sign-up are kept, with 0, so the line does not
// bridge a gap; the original's groupby left them out, which changes no number recorded here.
import * as pl from "nodejs-polars";
import { DAY_MS, dayOf, type DayString } from "../calendar";
import type { Users } from "./load/load-users";

export interface DailySignups {
  /** Every day from the first sign-up to the last. */
  days: DayString[];
  newUsers: number[];
  cumulative: number[];
}

/** The shape recorded as `signups`. */
export interface SignupSummary {
  first_day: DayString;
  last_day: DayString;
  /** The first day with the most sign-ups (pandas' idxmax takes the first too). */
  peak_day: DayString;
  peak_count: number;
}

export function signupsPerDay(users: Pick<Users, "createdMs">): DailySignups {
  const times = users.createdMs;
  if (times.length === 0) return { days: [], newUsers: [], cumulative: [] };
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const day = Math.floor(times[i]! / DAY_MS);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const perDay = new Float64Array(last - first + 1);
  // Every day from the first to the last has a slot (`| 0`: a whole number within that span).
  for (let i = 0; i < times.length; i++) perDay[(Math.floor(times[i]! / DAY_MS) - first) | 0]!++;
  const days: DayString[] = [];
  const newUsers: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  perDay.forEach((count, k) => {
    total += count;
    days.push(dayOf((first + k) * DAY_MS));
    newUsers.push(count);
    cumulative.push(total);
  });
  return { days, newUsers, cumulative };
}

export function signupSummary(daily: DailySignups): SignupSummary | null {
  if (daily.days.length === 0) return null;
  let peak = 0;
  daily.newUsers.forEach((n, k) => {
    if (n > daily.newUsers[peak]!) peak = k;
  });
  return { first_day: daily.days[0]!, last_day: daily.days[daily.days.length - 1]!, peak_day: daily.days[peak]!, peak_count: daily.newUsers[peak]! };
}

/** The busiest days, most sign-ups first (earlier day first on a tie). */
export function busiestDays(daily: DailySignups, top: number): pl.DataFrame {
  const order = daily.days.map((_, k) => k).sort((a, b) => daily.newUsers[b]! - daily.newUsers[a]! || a - b).slice(0, top);
  return pl.DataFrame({
    day: order.map((k) => daily.days[k]!),
    new_users: pl.Series("new_users", order.map((k) => daily.newUsers[k]!), pl.Int64),
    users_so_far: pl.Series("users_so_far", order.map((k) => daily.cumulative[k]!), pl.Int64),
  });
}
