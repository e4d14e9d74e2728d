// The facts the notebook's sentences state about the data, computed, so that each sentence is
// checked against the data it describes (claim() in the notebook) rather than written once for
// one data set.
import type { InviteDistribution } from "./invites";
import type { Users } from "./load/load-users";
import type { MonthCounts, TopInviter } from "./reach";
import { dayOf, monthOf, type MonthString } from "../calendar";
import type { DailySignups } from "./signups";
import { nodeOf, type InviteTree } from "./tree";

export interface Surge {
  /** Share of all sign-ups made in the months from..to (inclusive); null without sign-ups. */
  share: number | null;
  /** The busiest days all fall inside those months; null without days. */
  busiestInside: boolean | null;
}

/** How much of the growth happened from month `from` to month `to`, and whether the `top` busiest days did. */
export function surgeBetween(daily: DailySignups, from: MonthString, to: MonthString, top = 5): Surge {
  const inside = (day: string) => day.slice(0, 7) >= from && day.slice(0, 7) <= to;
  let total = 0;
  let within = 0;
  daily.days.forEach((day, k) => {
    total += daily.newUsers[k]!;
    if (inside(day)) within += daily.newUsers[k]!;
  });
  const busiest = daily.days
    .map((_, k) => k)
    .sort((a, b) => daily.newUsers[b]! - daily.newUsers[a]! || a - b)
    .slice(0, top);
  return { share: total === 0 ? null : within / total, busiestInside: busiest.length === 0 ? null : busiest.every((k) => inside(daily.days[k]!)) };
}

/** Share of all users who signed up in the last `months` calendar months of the data (the last one included, however far it got); null without users. */
export function shareOfLastMonths(daily: DailySignups, months: number): number | null {
  const last = daily.days[daily.days.length - 1];
  if (last === undefined) return null;
  const [y, m] = last.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 7);
  const total = daily.cumulative[daily.cumulative.length - 1]!;
  let recent = 0;
  daily.days.forEach((day, k) => {
    if (day.slice(0, 7) >= start) recent += daily.newUsers[k]!;
  });
  return total === 0 ? null : recent / total;
}

/** Share of the counted users who joined in month `from` or later; null when none are counted. */
export function shareFromMonth(counts: MonthCounts, from: MonthString): number | null {
  let total = 0;
  let later = 0;
  for (const [month, n] of Object.entries(counts)) {
    total += n;
    if (month >= from) later += n;
  }
  return total === 0 ? null : later / total;
}

/** The last month with any of the counted users, or null when there are none. */
export function lastMonth(counts: MonthCounts): MonthString | null {
  const months = Object.keys(counts).sort();
  return months[months.length - 1] ?? null;
}

/** The most common number of invitees among those who invited at least one (the smaller on a tie), or null. */
export function commonestInviteCount(counts: InviteDistribution): number | null {
  let best: number | null = null;
  counts.histogram.forEach((n, k) => {
    if (k > 0 && n > 0 && (best === null || n > counts.histogram[best]!)) best = k;
  });
  return best;
}

/** Whether each of the top inviters' original reach is at most their friends plus friends of friends; null without inviters. */
export function reachWithinDefinition(tree: InviteTree, top: readonly TopInviter[], friendsOfFriends: Int32Array): boolean | null {
  if (top.length === 0) return null;
  return top.every((t) => t.reach <= friendsOfFriends[nodeOf(tree, t.user_id)]!);
}

/** Of those of `top` that are users, the share who signed up before month `month` (UTC); null when none is a user. */
export function shareJoinedBefore(users: Pick<Users, "createdMs">, tree: InviteTree, top: readonly TopInviter[], month: MonthString): number | null {
  const nodes = top.map((t) => nodeOf(tree, t.user_id)).filter((node) => node >= 0 && node < tree.userCount);
  return nodes.length === 0 ? null : nodes.filter((node) => monthOf(dayOf(users.createdMs[node]!)) < month).length / nodes.length;
}
