// The pandas reference (reference/jelly_party.py) against the library on one snapshot: every
// number the reference prints, counts equal, t and p to 1e-9 relative.
import { spawnSync } from "node:child_process";
import * as assert from "uvu/assert";
import { ANALYSIS_COLUMNS } from "../../src/jelly/load/columns";
import { joinLinks, topHosts } from "../../src/jelly/join-events";
import { loadEvents, type LoadedEvents } from "../../src/jelly/load/load-events";
import { brokenSites, metricsFor, originalMinutesOf, siteMetrics } from "../../src/jelly/metrics";
import { sessionsOf } from "../../src/jelly/sessions";
import { histogram } from "../../src/stats/histogram";
import { welchTTest } from "../../src/stats/welch-t-test";
import { referenceRunner, referenceScript } from "../reference";

const REFERENCE = referenceScript("jelly_party.py");

export interface Reference {
  events: number;
  joins: number;
  sessions: number;
  top12: Record<string, number>;
  session_metrics_top12: Record<string, { mean: number | null; std: number | null; count: number | null }>;
  broken_top20: { host: string; mean: number; count: number }[];
  welch_netflix_vs_youtube: { statistic: number; pvalue_one_sided: number; n_netflix: number; n_youtube: number };
  hist_netflix_0_120: number[];
  hist_netflix_10_300: number[];
  hist_youtube_0_120: number[];
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${what}: ${actual} vs the reference's ${expected}`);
}

export const PANDAS = referenceRunner("jelly_party.py", ["pandas", "scipy"]);

/**
 * Runs the reference on `path` and compares every number it prints with the library's on `events`
 * (by default, the same file loaded).
 */
export async function agree(python: string, path: string, events?: LoadedEvents): Promise<void> {
  const run = spawnSync(python, [REFERENCE, path], { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.is(run.status, 0, run.stderr);
  const ref = JSON.parse(run.stdout) as Reference;

  events ??= await loadEvents(path, { columns: ANALYSIS_COLUMNS });
  const joins = joinLinks(events.frame);
  const sessions = sessionsOf(events.frame, joins);
  const top = topHosts(joins, 12);
  const metrics = siteMetrics(sessions);

  assert.is(events.documents, ref.events);
  assert.is(joins.height, ref.joins);
  assert.is(sessions.height, ref.sessions);
  assert.equal(top.toRecords().map((r) => [r.host, r.joins]), Object.entries(ref.top12));
  const mine = metricsFor(metrics, Object.keys(ref.top12)).toRecords();
  assert.equal(
    mine.map((r) => [r.host, { mean: r.mean_minutes, std: r.std_minutes, count: r.count }]),
    Object.entries(ref.session_metrics_top12),
  );
  assert.equal(brokenSites(metrics).select("host", "mean_minutes", "count").toRecords().map((r) => ({ host: r.host, mean: r.mean_minutes, count: r.count })), ref.broken_top20);

  const netflix = originalMinutesOf(sessions, "www.netflix.com");
  const youtube = originalMinutesOf(sessions, "www.youtube.com");
  const welch = welchTTest(netflix, youtube)!;
  const w = ref.welch_netflix_vs_youtube;
  assert.equal([welch.nX, welch.nY], [w.n_netflix, w.n_youtube]);
  close(welch.t, w.statistic, "t");
  // The reference halves scipy's two-sided p; for a positive t that is P(T ≥ t), computed here directly.
  assert.ok(welch.t > 0);
  close(welch.pGreater, w.pvalue_one_sided, "one-sided p");
  assert.equal(histogram(netflix, 0, 120, 20).counts, ref.hist_netflix_0_120);
  assert.equal(histogram(netflix, 10, 300, 20).counts, ref.hist_netflix_10_300);
  assert.equal(histogram(youtube, 0, 120, 20).counts, ref.hist_youtube_0_120);
}

