// How many users an inviter brought, three ways, all in linear time over the tree's arrays:
//
// - the original's "2-generation reach": its left join of the invite edges on themselves, with
//   duplicates dropped, counted per inviter — one row per grandchild, and one for each child who
//   invited nobody. So it is Σ over children c of max(1, invitees of c): a child who brought k
//   friends counts k, not 1 + k;
// - friends and friends of friends, as the original's text defines influence: Σ (1 + invitees of c);
// - the whole subtree: every user below, at any depth.
import * as pl from "nodejs-polars";
import { dayOf, monthOf, type MonthString } from "../calendar";
import type { Users } from "./load/load-users";
import { nodeOf, perUser, type InviteTree } from "./tree";

/** Per node (users, then inviters that are not users): the original's 2-generation count. */
export function originalReach(tree: InviteTree): Int32Array {
  return twoGenerations(tree, false);
}

/** Per node: invitees plus their invitees. */
export function friendsOfFriends(tree: InviteTree): Int32Array {
  return twoGenerations(tree, true);
}

/**
 * Σ over each node's invitees c of 1 + invitees of c (`friendsToo`), or of max(1, invitees of c).
 * One loop for both readings: they differ only in how an invitee counts.
 */
function twoGenerations(tree: InviteTree, friendsToo: boolean): Int32Array {
  const { userCount, parent, childCount } = tree;
  const reach = new Int32Array(childCount.length);
  for (let row = 0; row < userCount; row++) {
    const p = parent[row]!;
    if (p >= 0) reach[p]! += friendsToo ? 1 + childCount[row]! : Math.max(1, childCount[row]!);
  }
  return reach;
}

export interface Subtrees {
  /** Per node: all users below it. NaN for a node in an invite cycle or above one (no finite answer). */
  descendants: Float64Array;
  /** Nodes left NaN. */
  inCycles: number;
}

/**
 * All descendants of every node, in linear time. When every inviter's row comes before its
 * invitees' (the table is in sign-up order), one backward pass passes each count up to the
 * inviter. Otherwise leaves first (Kahn's order): a node is passed up once all its own invitees
 * are counted; nodes never reached are in a cycle or above one.
 */
export function subtreeSizes(tree: InviteTree): Subtrees {
  const { userCount, parent } = tree;
  const nodes = tree.childCount.length;
  const descendants = new Float64Array(nodes);
  let ordered = true;
  for (let row = 0; row < userCount && ordered; row++) ordered = parent[row]! < row || parent[row]! >= userCount;
  if (ordered) {
    for (let row = userCount - 1; row >= 0; row--) {
      const p = parent[row]!;
      if (p >= 0) descendants[p]! += descendants[row]! + 1;
    }
    return { descendants, inCycles: 0 };
  }
  const pending = tree.childCount.slice();
  const queue = new Int32Array(nodes);
  let tail = 0;
  for (let node = 0; node < nodes; node++) if (pending[node] === 0) queue[tail++] = node;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const p = node < userCount ? parent[node]! : -1;
    if (p < 0) continue;
    descendants[p]! += descendants[node]! + 1;
    if (--pending[p]! === 0) queue[tail++] = p;
  }
  for (let node = 0; node < nodes; node++) if (pending[node]! > 0) descendants[node] = NaN;
  return { descendants, inCycles: nodes - tail };
}

/** The three measures of reach, per node. */
export interface ReachMeasures {
  original: Int32Array;
  friendsOfFriends: Int32Array;
  subtrees: Subtrees;
}

export function reachMeasures(tree: InviteTree): ReachMeasures {
  return { original: originalReach(tree), friendsOfFriends: friendsOfFriends(tree), subtrees: subtreeSizes(tree) };
}

/** The measures of influence the correlations look at, per user row. */
export function perUserInfluence(tree: InviteTree, measures: ReachMeasures): Record<string, ArrayLike<number>> {
  return { "original reach": perUser(tree, measures.original), "all descendants": perUser(tree, measures.subtrees.descendants) };
}

export interface TopInviter {
  user_id: number;
  reach: number;
}

/** The `k` nodes with the highest `reach`, highest first, the smaller user id first on a tie. */
export function topBy(tree: InviteTree, reach: ArrayLike<number>, k: number): TopInviter[] {
  const top: TopInviter[] = [];
  const before = (a: TopInviter, b: TopInviter) => a.reach > b.reach || (a.reach === b.reach && a.user_id < b.user_id);
  // The k-th reach once there are k: most nodes fall below it and are skipped before making an object.
  let floor = 0;
  for (let node = 0; node < reach.length; node++) {
    const r = reach[node]!;
    if (!(r > 0) || r < floor) continue;
    const candidate = { user_id: tree.nodeId[node]!, reach: r };
    if (top.length === k && !before(candidate, top[k - 1]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    top[at] = candidate;
    while (at > 0 && before(top[at]!, top[at - 1]!)) {
      [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
      at--;
    }
    if (top.length === k) floor = top[k - 1]!.reach;
  }
  return top;
}

export interface Influential {
  threshold: number;
  /** Inviter ids with reach above the threshold (users or not): the original's `best_hubs`. */
  count: number;
  /** Of them, the users in the table, by row. */
  rows: number[];
}

export function influential(tree: InviteTree, reach: Int32Array, threshold: number): Influential {
  let count = 0;
  const rows: number[] = [];
  for (let node = 0; node < reach.length; node++) {
    if (reach[node]! > threshold) {
      count++;
      if (node < tree.userCount) rows.push(node);
    }
  }
  return { threshold, count, rows };
}

/**
 * The rows the original took for its influential users. Its reach series, concatenated with
 * `ignore_index=True`, is indexed 0..n-1 by position, sorted by reach; it then matched those
 * positions against `user_id`. So its "influential users" are the users whose id is one of the
 * first `count` positions, 0..count-1: the earliest accounts.
 */
export function originalInfluentialRows(users: Pick<Users, "userId">, hubs: Influential): number[] {
  const rows: number[] = [];
  for (let row = 0; row < users.userId.length; row++) {
    const id = users.userId[row]!;
    if (id >= 0 && id < hubs.count) rows.push(row);
  }
  return rows;
}

export type MonthCounts = Record<MonthString, number>;

/** When the influential users joined, as the original found them and corrected: the shape recorded as `influential_by_month`. */
export interface InfluentialByMonth {
  original: MonthCounts;
  corrected: MonthCounts;
}

export function influentialByMonth(users: Pick<Users, "userId" | "createdMs">, hubs: Influential): InfluentialByMonth {
  return { original: joinedByMonth(users, originalInfluentialRows(users, hubs)), corrected: joinedByMonth(users, hubs.rows) };
}

/** How many of `rows` signed up in each month (UTC), months in order. */
export function joinedByMonth(users: Pick<Users, "createdMs">, rows: readonly number[]): MonthCounts {
  const counts = new Map<MonthString, number>();
  for (const row of rows) {
    const month = monthOf(dayOf(users.createdMs[row]!));
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The given inviters with every measure side by side, and when each joined (none for an inviter that is not a user). */
export function reachTable(users: Pick<Users, "createdMs">, tree: InviteTree, top: readonly TopInviter[], measures: ReachMeasures): pl.DataFrame {
  const node = (t: TopInviter) => nodeOf(tree, t.user_id);
  const descendants = (t: TopInviter) => measures.subtrees.descendants[node(t)]!;
  return pl.DataFrame({
    // As text: an id reads better without thousands separators.
    user_id: top.map((t) => String(t.user_id)),
    joined: top.map((t) => (node(t) < tree.userCount ? dayOf(users.createdMs[node(t)]!) : "not a user")),
    invited: pl.Series("invited", top.map((t) => tree.childCount[node(t)]!), pl.Int64),
    original_reach: pl.Series("original_reach", top.map((t) => measures.original[node(t)]!), pl.Int64),
    friends_and_their_friends: pl.Series("friends_and_their_friends", top.map((t) => measures.friendsOfFriends[node(t)]!), pl.Int64),
    all_descendants: pl.Series("all_descendants", top.map((t) => (Number.isNaN(descendants(t)) ? null : descendants(t))), pl.Int64),
  });
}

/** Months side by side: influential users by sign-up month, as the original found them and corrected. */
export function byMonthTable(original: MonthCounts, corrected: MonthCounts): pl.DataFrame {
  const months = [...new Set([...Object.keys(original), ...Object.keys(corrected)])].sort();
  return pl.DataFrame({
    month: months,
    original: pl.Series("original", months.map((m) => original[m] ?? 0), pl.Int64),
    corrected: pl.Series("corrected", months.map((m) => corrected[m] ?? 0), pl.Int64),
  });
}
