// Per-site session metrics, the original's way and corrected.
//
// The original printed `Timedelta.seconds // 60` of each mean and standard deviation, and of each
// session in its histograms and t-test. `.seconds` is the seconds *within the day* of a Timedelta,
// so anything of a day or more wraps around: a 25-hour session counts as 60 minutes. The original's
// columns (whole minutes, wrapped) are kept for comparison; the `_exact` columns are the same
// statistics in minutes, without flooring or wrapping.
import * as pl from "nodejs-polars";
import { DAY_MS } from "../calendar";
import { bootstrapMeanCI } from "../stats/bootstrap";
import { mean } from "../stats/mean";
import { std } from "../stats/std";

export type Minutes = number;
export type Milliseconds = number;

export const MINUTE_MS = 60_000;

/** pandas' `Timedelta(ms).seconds // 60`: whole minutes of the part of the duration within its last day. */
export function originalWholeMinutes(ms: Milliseconds): Minutes {
  const seconds = Math.floor(ms / 1000);
  return Math.floor((seconds % 86_400) / 60);
}

const grouped = new WeakMap<pl.DataFrame, Map<string, number[]>>();

/** Durations in milliseconds by host, hosts in sorted order (sessions without a host left out). */
function durationsByHost(sessions: pl.DataFrame): Map<string, number[]> {
  const cached = grouped.get(sessions);
  if (cached) return cached;
  const hosts = sessions.getColumn("host").toArray() as (string | null)[];
  const durations = sessions.getColumn("duration_ms").toArray() as number[];
  const groups = new Map<string, number[]>();
  hosts.forEach((host, i) => {
    if (host === null) return;
    let group = groups.get(host);
    if (!group) groups.set(host, (group = []));
    group.push(durations[i] as number);
  });
  const sorted = new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  grouped.set(sessions, sorted);
  return sorted;
}

/**
 * One row per host, in host order: count, mean_minutes and std_minutes (the original's whole,
 * wrapped minutes; std null for a single session), mean_minutes_exact and std_minutes_exact, and
 * day_plus (sessions of a day or more, which the original's per-session minutes wrap).
 */
export function siteMetrics(sessions: pl.DataFrame): pl.DataFrame {
  const rows = [...durationsByHost(sessions)].map(([host, ms]) => {
    const m = mean(ms) as number;
    const s = std(ms);
    return {
      host,
      count: ms.length,
      mean_minutes: originalWholeMinutes(m),
      std_minutes: s === null ? null : originalWholeMinutes(s),
      mean_minutes_exact: m / MINUTE_MS,
      std_minutes_exact: s === null ? null : s / MINUTE_MS,
      day_plus: ms.filter((d) => d >= DAY_MS).length,
    };
  });
  return pl.DataFrame({
    host: pl.Series("host", rows.map((r) => r.host), pl.Utf8),
    count: pl.Series("count", rows.map((r) => r.count), pl.Int32),
    mean_minutes: pl.Series("mean_minutes", rows.map((r) => r.mean_minutes), pl.Int32),
    std_minutes: pl.Series("std_minutes", rows.map((r) => r.std_minutes), pl.Int32),
    mean_minutes_exact: pl.Series("mean_minutes_exact", rows.map((r) => r.mean_minutes_exact), pl.Float64),
    std_minutes_exact: pl.Series("std_minutes_exact", rows.map((r) => r.std_minutes_exact), pl.Float64),
    day_plus: pl.Series("day_plus", rows.map((r) => r.day_plus), pl.Int32),
  });
}

/** The rows for `hosts`, in that order; a host without sessions gets a row of nulls (pandas' reindex). */
export function metricsFor(metrics: pl.DataFrame, hosts: readonly string[]): pl.DataFrame {
  const wanted = pl.DataFrame({ host: pl.Series("host", [...hosts], pl.Utf8), order: pl.Series("order", hosts.map((_, i) => i), pl.Int32) });
  return wanted.join(metrics, { on: "host", how: "left" }).sort("order").drop("order");
}

export interface BrokenSiteOptions {
  /** Only hosts with more sessions than this (the original: 50). */
  minSessions?: number;
  rows?: number;
}

/** The hosts with the lowest mean_minutes (the original's convention) among those with enough sessions; ties in host order. */
export function brokenSites(metrics: pl.DataFrame, { minSessions = 50, rows = 20 }: BrokenSiteOptions = {}): pl.DataFrame {
  return metrics.filter(pl.col("count").gt(minSessions)).sort(["mean_minutes", "host"]).head(rows);
}

/** Each session of `host` in the original's whole, wrapped minutes (its histograms and t-test). */
export function originalMinutesOf(sessions: pl.DataFrame, host: string): Float64Array {
  return Float64Array.from(durationsByHost(sessions).get(host) ?? [], originalWholeMinutes);
}

/** Each session of `host` in minutes, exactly. */
export function exactMinutesOf(sessions: pl.DataFrame, host: string): Float64Array {
  return Float64Array.from(durationsByHost(sessions).get(host) ?? [], (ms) => ms / MINUTE_MS);
}

/** host, sessions, under_one_minute, share: how many sessions of each host ended within a minute. */
export function shortSessionShare(sessions: pl.DataFrame, hosts: readonly string[]): pl.DataFrame {
  const groups = durationsByHost(sessions);
  const counts = hosts.map((h) => groups.get(h) ?? []);
  const under = counts.map((ms) => ms.filter((d) => d < MINUTE_MS).length);
  return pl.DataFrame({
    host: pl.Series("host", [...hosts], pl.Utf8),
    sessions: pl.Series("sessions", counts.map((ms) => ms.length), pl.Int32),
    under_one_minute: pl.Series("under_one_minute", under, pl.Int32),
    share: pl.Series("share", counts.map((ms, i) => (ms.length === 0 ? null : (under[i] as number) / ms.length)), pl.Float64),
  });
}

export interface IntervalOptions {
  resamples?: number;
  level?: number;
  /** Host i uses seed + i, so adding a host does not change the others' intervals. */
  seed?: number;
}

/** host, sessions, mean_minutes_exact, lo, hi: a percentile bootstrap interval for each host's mean duration. */
export function meanIntervals(sessions: pl.DataFrame, hosts: readonly string[], { resamples = 1000, level = 0.95, seed = 1 }: IntervalOptions = {}): pl.DataFrame {
  const groups = durationsByHost(sessions);
  const intervals = hosts.map((h, i) => {
    const minutes = Float64Array.from(groups.get(h) ?? [], (ms) => ms / MINUTE_MS);
    return { n: minutes.length, ci: bootstrapMeanCI(minutes, { resamples, level, seed: seed + i }) };
  });
  return pl.DataFrame({
    host: pl.Series("host", [...hosts], pl.Utf8),
    sessions: pl.Series("sessions", intervals.map((r) => r.n), pl.Int32),
    mean_minutes_exact: pl.Series("mean_minutes_exact", intervals.map((r) => r.ci?.mean ?? null), pl.Float64),
    lo: pl.Series("lo", intervals.map((r) => r.ci?.lo ?? null), pl.Float64),
    hi: pl.Series("hi", intervals.map((r) => r.ci?.hi ?? null), pl.Float64),
  });
}

/**
 * The sessions of a day or more, longest first: host, uuid, start, hours, and the minutes the
 * original counted for them (wrapped) next to the exact minutes.
 */
export function dayPlusSessions(sessions: pl.DataFrame): pl.DataFrame {
  const long = sessions.filter(pl.col("duration_ms").gtEq(DAY_MS)).sort("duration_ms", true);
  const ms = long.getColumn("duration_ms").toArray() as number[];
  return long.select("host", "uuid", "start").withColumns(
    pl.Series("hours", ms.map((d) => d / 3_600_000), pl.Float64),
    pl.Series("original_minutes", ms.map(originalWholeMinutes), pl.Int32),
    pl.Series("exact_minutes", ms.map((d) => d / MINUTE_MS), pl.Float64),
  );
}
