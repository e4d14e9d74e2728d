// The questions the original set itself and left open: what the influential users look like
// (followers, following, when they joined) next to everyone else, and how influence goes with
// those, as rank correlations (influence is heavy-tailed and mostly zero: ranks, not values).
import * as pl from "nodejs-polars";
import { pearson } from "../stats/pearson";
import { quantileInPlace } from "../stats/quantile";
import { ranks } from "../stats/ranks";
import { spearman } from "../stats/spearman";
import { DAY_MS, dayOf, type DayString } from "../calendar";
import type { Users } from "./load/load-users";

export interface GroupPortrait {
  group: string;
  /** Users in the group (those with a sign-up time). */
  user_count: number;
  median_followers: number | null;
  median_following: number | null;
  median_joined: DayString | null;
  /** Share who signed up before the explosion (before 1 December 2020). */
  joined_before_december: number | null;
}

const DECEMBER_2020 = Date.UTC(2020, 11, 1);

type PortraitUsers = Pick<Users, "count" | "followers" | "following" | "createdMs">;

/** One group's values, gathered in one pass over the rows; missing values left out. */
class Gathered {
  readonly joinedAt: Float64Array;
  readonly followers: Float64Array;
  readonly following: Float64Array;
  joined = 0;
  followersCount = 0;
  followingCount = 0;
  early = 0;

  constructor(size: number) {
    this.joinedAt = new Float64Array(size);
    this.followers = new Float64Array(size);
    this.following = new Float64Array(size);
  }

  /** Its medians and early share; each array is this group's own, so the medians may reorder it. */
  describe(group: string): GroupPortrait {
    const joined = quantileInPlace(this.joinedAt.subarray(0, this.joined), 0.5);
    return {
      group,
      user_count: this.joined,
      median_followers: quantileInPlace(this.followers.subarray(0, this.followersCount), 0.5),
      median_following: quantileInPlace(this.following.subarray(0, this.followingCount), 0.5),
      median_joined: joined === null ? null : dayOf(joined),
      joined_before_december: this.joined ? this.early / this.joined : null,
    };
  }
}

/** The influential users (rows) against all the others. */
export function portrait(users: PortraitUsers, influentialRows: readonly number[], label: string): GroupPortrait[] {
  const inGroup = new Uint8Array(users.count);
  let members = 0;
  for (const row of influentialRows) {
    if (inGroup[row] === 0) members++;
    inGroup[row] = 1;
  }
  const influential = new Gathered(members);
  const others = new Gathered(users.count - members);
  for (let row = 0; row < users.count; row++) {
    const g = inGroup[row] === 1 ? influential : others;
    const joined = users.createdMs[row]!;
    const f = users.followers[row]!;
    const h = users.following[row]!;
    if (!Number.isNaN(joined)) {
      g.joinedAt[g.joined++] = joined;
      if (joined < DECEMBER_2020) g.early++;
    }
    if (!Number.isNaN(f)) g.followers[g.followersCount++] = f;
    if (!Number.isNaN(h)) g.following[g.followingCount++] = h;
  }
  return [influential.describe(label), others.describe("everyone else")];
}

export function portraitTable(groups: GroupPortrait[]): pl.DataFrame {
  return pl.DataFrame({
    group: groups.map((g) => g.group),
    users: pl.Series("users", groups.map((g) => g.user_count), pl.Int64),
    median_followers: groups.map((g) => g.median_followers),
    median_following: groups.map((g) => g.median_following),
    median_joined: groups.map((g) => g.median_joined),
    joined_before_dec_2020: groups.map((g) => g.joined_before_december),
  });
}

export interface Correlation {
  influence: string;
  with: string;
  spearman: number | null;
  /** Users with both values present. */
  user_count: number;
}

function hasMissing(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}

/**
 * Spearman's ρ of each influence measure (per user row) with followers, following and the sign-up
 * day, over every user (zeros included), leaving out a user only where a value is missing. Each
 * complete column is ranked once and reused: ρ is Pearson's r of the ranks.
 */
export function influenceCorrelations(users: PortraitUsers, measures: Record<string, ArrayLike<number>>): Correlation[] {
  const joinDay = new Float64Array(users.count);
  for (let row = 0; row < users.count; row++) joinDay[row] = Math.floor(users.createdMs[row]! / DAY_MS);
  const against: Record<string, Float64Array> = { followers: users.followers, following: users.following, "sign-up day": joinDay };
  // Every column as a Float64Array, as the loader gives followers and following.
  const asFloat = (values: ArrayLike<number>) => {
    if (values instanceof Float64Array) return values;
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i]!;
    return out;
  };
  const ranked = new Map<ArrayLike<number>, Float64Array>();
  const ranksOf = (values: ArrayLike<number>) => ranked.get(values) ?? ranked.set(values, ranks(values)).get(values)!;
  const missing = new Map<ArrayLike<number>, boolean>();
  const missingIn = (values: ArrayLike<number>) => missing.get(values) ?? missing.set(values, hasMissing(values)).get(values)!;
  const out: Correlation[] = [];
  for (const [influence, given] of Object.entries(measures)) {
    const measure = asFloat(given);
    for (const [name, values] of Object.entries(against)) {
      if (!missingIn(measure) && !missingIn(values)) {
        out.push({ influence, with: name, spearman: pearson(ranksOf(measure), ranksOf(values)), user_count: users.count });
        continue;
      }
      const x: number[] = [];
      const y: number[] = [];
      for (let row = 0; row < users.count; row++) {
        if (Number.isNaN(values[row]!) || Number.isNaN(measure[row]!)) continue;
        x.push(measure[row]!);
        y.push(values[row]!);
      }
      out.push({ influence, with: name, spearman: spearman(x, y), user_count: x.length });
    }
  }
  return out;
}

/** Spearman's ρ of one influence measure with each of followers, following and sign-up day; 0 where it is undefined. */
export function spearmanWith(rows: readonly Correlation[], influence: string): Record<string, number> {
  return Object.fromEntries(rows.filter((r) => r.influence === influence).map((r) => [r.with, r.spearman ?? 0]));
}

export function correlationTable(rows: Correlation[]): pl.DataFrame {
  return pl.DataFrame({
    influence: rows.map((r) => r.influence),
    with: rows.map((r) => r.with),
    spearman: rows.map((r) => r.spearman),
    users: pl.Series("users", rows.map((r) => r.user_count), pl.Int64),
  });
}
