// How many friends each user invited, the way the original counted it and corrected; the
// conversion from one invited friend to two; and the original's "raise it to 0.42" projection
// with its assumption written down.
//
// The original (`invited_count_by_user`) has one entry per inviter id (users and ids that are not
// users alike) plus a 0 for each user without an inviter — not a 0 for each user who invited
// nobody. The corrected count has one entry per user, zeros included, and leaves out inviter ids
// that are not users.
import * as pl from "nodejs-polars";
import type { InviteTree } from "./tree";

export interface InviteDistribution {
  /** `histogram[k]`: how many entries have exactly k invitees, k = 0..max. */
  histogram: number[];
  /** Number of entries (the original's series length; the number of users once corrected). */
  entries: number;
  /** Invitees per entry. */
  mean: number | null;
}

export interface InviteCounts {
  original: InviteDistribution;
  corrected: InviteDistribution;
}

/** The counts of nodes 0..to−1 (with `inviters`, only those who invited someone), plus `extraZeros` zeros. */
function distribution(counts: Int32Array, to: number, inviters: boolean, extraZeros: number): InviteDistribution {
  const histogram: number[] = [extraZeros];
  let entries = extraZeros;
  let invitees = 0;
  for (let node = 0; node < to; node++) {
    const c = counts[node]!;
    if (inviters && c === 0) continue;
    while (histogram.length <= c) histogram.push(0);
    histogram[c]!++;
    entries++;
    invitees += c;
  }
  return { histogram, entries, mean: entries ? invitees / entries : null };
}

export function inviteCounts(tree: InviteTree): InviteCounts {
  const all = tree.childCount.length;
  return {
    original: distribution(tree.childCount, all, true, tree.noInviter),
    corrected: distribution(tree.childCount, tree.userCount, false, 0),
  };
}

/** The first `n` invite counts that occur, in order, as `{"0": users, "1": users, ...}` (pandas' value_counts().sort_index().iloc[:n]). */
export function firstBuckets(d: InviteDistribution, n = 10): Record<string, number> {
  const out: Record<string, number> = {};
  let taken = 0;
  for (let k = 0; k < d.histogram.length && taken < n; k++) {
    if (d.histogram[k]! > 0) {
      out[String(k)] = d.histogram[k]!;
      taken++;
    }
  }
  return out;
}

/** firstBuckets of both countings: the shape recorded as `invite_counts`. */
export function firstInviteBuckets(counts: InviteCounts, n = 10): { original: Record<string, number>; corrected: Record<string, number> } {
  return { original: firstBuckets(counts.original, n), corrected: firstBuckets(counts.corrected, n) };
}

export interface Conversion {
  /** The original's formula: count(=2) / count(<=2) over its distribution. */
  original: number | null;
  /** Of the users who invited at least one friend, the share who invited at least two. */
  corrected: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const sumFrom = (xs: number[], k: number) => xs.slice(k).reduce((a, b) => a + b, 0);

export function conversion(counts: InviteCounts): Conversion {
  const o = counts.original.histogram;
  const c = counts.corrected.histogram;
  return {
    original: ratio(o[2] ?? 0, (o[0] ?? 0) + (o[1] ?? 0) + (o[2] ?? 0)),
    corrected: ratio(sumFrom(c, 2), sumFrom(c, 1)),
  };
}

/** The two readings side by side, with the counts each is computed from. */
export function invitesTable(counts: InviteCounts, upTo = 10): pl.DataFrame {
  const ks = Array.from({ length: upTo + 1 }, (_, k) => k);
  const at = (d: InviteDistribution, k: number) => (k < upTo ? d.histogram[k] ?? 0 : sumFrom(d.histogram, upTo));
  return pl.DataFrame({
    invited: ks.map((k) => (k < upTo ? String(k) : `${upTo}+`)),
    original: pl.Series("original", ks.map((k) => at(counts.original, k)), pl.Int64),
    corrected: pl.Series("corrected", ks.map((k) => at(counts.corrected, k)), pl.Int64),
  });
}

export interface Projection {
  reading: string;
  conversion_now: number;
  target: number;
  /** The users the conversion is a share of. */
  base_users: number;
  /** (target − now) × base: users who would now invite a second friend, one new user each. */
  more_users: number;
}

/**
 * The original's proposal, "raise the conversion to 0.42", made explicit. Assumption: the users in
 * the conversion's base stay the same, the extra share of them invites exactly one more friend,
 * and those friends invite nobody (no cascade). Under the original formula the base is its
 * count(<=2); under the corrected one, the users who invited at least one friend.
 */
export function projectSecondInvites(counts: InviteCounts, target: number): Projection[] {
  const conv = conversion(counts);
  const o = counts.original.histogram;
  const rows: Projection[] = [];
  const add = (reading: string, now: number | null, base: number) => {
    if (now === null) return;
    rows.push({ reading, conversion_now: now, target, base_users: base, more_users: Math.max(0, Math.round((target - now) * base)) });
  };
  add("original formula: count(=2) / count(<=2)", conv.original, (o[0] ?? 0) + (o[1] ?? 0) + (o[2] ?? 0));
  add("corrected: share of inviters who invited 2+", conv.corrected, sumFrom(counts.corrected.histogram, 1));
  return rows;
}

/** Entries, zeros and mean of each counting. */
export function distributionTable(counts: InviteCounts): pl.DataFrame {
  const rows = [
    ["original: inviters + users without an inviter", counts.original],
    ["corrected: every user", counts.corrected],
  ] as const;
  return pl.DataFrame({
    counting: rows.map(([name]) => name),
    entries: pl.Series("entries", rows.map(([, d]) => d.entries), pl.Int64),
    zeros: pl.Series("zeros", rows.map(([, d]) => d.histogram[0] ?? 0), pl.Int64),
    mean_invited: rows.map(([, d]) => d.mean),
  });
}

export function conversionTable(conv: Conversion): pl.DataFrame {
  return pl.DataFrame({
    reading: ["original: count(=2) / count(<=2)", "corrected: count(>=2) / count(>=1), every user counted"],
    conversion: [conv.original, conv.corrected],
  });
}

export function projectionTable(rows: Projection[]): pl.DataFrame {
  return pl.DataFrame({
    reading: rows.map((r) => r.reading),
    conversion_now: rows.map((r) => r.conversion_now),
    target: rows.map((r) => r.target),
    base_users: pl.Series("base_users", rows.map((r) => r.base_users), pl.Int64),
    more_users: pl.Series("more_users", rows.map((r) => r.more_users), pl.Int64),
  });
}
