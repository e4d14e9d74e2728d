// Cross-check: the original's pandas code (/work/shared/reference/jelly_party.py, the seed's code
// run on a file) against this library, on the committed sample. Counts must be equal, t and p equal
// to 1e-9 relative. Skipped, with a note, where pandas or scipy cannot be imported.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ANALYSIS_COLUMNS } from "../../src/jelly/columns";
import { SAMPLE_PATH } from "../../src/jelly/data-cli";
import { joinLinks, topHosts } from "../../src/jelly/joins";
import { loadEvents } from "../../src/jelly/load";
import { brokenSites, metricsFor, originalMinutesOf, siteMetrics } from "../../src/jelly/metrics";
import { sessionsOf } from "../../src/jelly/sessions";
import { histogram } from "../../src/stats/histogram";
import { welchTTest } from "../../src/stats/welch-t-test";

const PYTHON = "/usr/bin/python3";
const REFERENCE = "/work/shared/reference/jelly_party.py";

interface Reference {
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

function pandasMissing(): string | undefined {
  if (!existsSync(PYTHON) || !existsSync(REFERENCE)) return `${PYTHON} or ${REFERENCE} is missing`;
  const probe = spawnSync(PYTHON, ["-c", "import pandas, scipy"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : `pandas or scipy cannot be imported (${probe.stderr.trim().split("\n").pop()})`;
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${what}: ${actual} vs the reference's ${expected}`);
}

const missing = pandasMissing();
if (missing) {
  console.log(`reference.test.ts: skipped, ${missing}`);
  test.skip("the pandas reference and this library agree on the committed sample", () => undefined);
} else {
  test("the pandas reference and this library agree on the committed sample", async () => {
    const run = spawnSync(PYTHON, [REFERENCE, SAMPLE_PATH], { encoding: "utf8", maxBuffer: 64 << 20 });
    assert.is(run.status, 0, run.stderr);
    const ref = JSON.parse(run.stdout) as Reference;

    const events = await loadEvents(SAMPLE_PATH, { columns: ANALYSIS_COLUMNS });
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
  });
}

test.run();
