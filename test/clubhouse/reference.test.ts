// Cross-check against the original analysis itself: the pandas reference script (the seed's code,
// quirks kept, corrected variants next to them) run on the committed sample database, compared
// with the library's answers: counts exactly, ratios to 1e-9.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SAMPLE } from "../../src/clubhouse/simulate/data-cli";
import { conversion, firstBuckets, inviteCounts } from "../../src/clubhouse/invites";
import { loadUsers } from "../../src/clubhouse/load/load-users";
import { influential, joinedByMonth, originalInfluentialRows, originalReach, topBy } from "../../src/clubhouse/reach";
import { signupSummary, signupsPerDay } from "../../src/clubhouse/signups";
import { inviteTree } from "../../src/clubhouse/tree";
import { crossCheck, referenceRunner, referenceScript } from "../reference";

const SCRIPT = referenceScript("clubhouse.py");

interface Reference {
  rows: number;
  null_inviter: number;
  days: number;
  first_day: string;
  last_day: string;
  peak_day: string;
  peak_day_count: number;
  cumsum_last: number;
  seed_invited_count_len: number;
  seed_mean_invited_from_1_user: number;
  seed_inv_counts_head: Record<string, number>;
  seed_conversion_1_to_2: number;
  fixed_invite_counts_head: Record<string, number>;
  fixed_conversion_1_to_2: number;
  brought_top5: Record<string, number>;
  hubs_over_50: number;
  seed_hubs_by_month: Record<string, number>;
  fixed_hubs_by_month: Record<string, number>;
}

crossCheck(test, "the pandas reference (reference/clubhouse.py) and the library agree on the sample database", referenceRunner("clubhouse.py", ["pandas", "numpy"]), async (python) => {
  const run = spawnSync(python, [SCRIPT, SAMPLE.path], { encoding: "utf8" });
  assert.is(run.status, 0, run.stderr);
  const ref = JSON.parse(run.stdout) as Reference;
  const close = (a: number | null, b: number, what: string) => assert.ok(a !== null && Math.abs(a - b) <= 1e-9, `${what}: ${a} vs ${b}`);

  const users = await loadUsers(SAMPLE.path);
  const tree = inviteTree(users);
  const daily = signupsPerDay(users);
  assert.is(users.count, ref.rows);
  assert.is(tree.noInviter, ref.null_inviter);
  assert.is(daily.newUsers.filter((n) => n > 0).length, ref.days); // pandas has no row for a day without sign-ups
  assert.equal(signupSummary(daily), { first_day: ref.first_day, last_day: ref.last_day, peak_day: ref.peak_day, peak_count: ref.peak_day_count });
  assert.is(daily.cumulative[daily.cumulative.length - 1], ref.cumsum_last);

  const counts = inviteCounts(tree);
  assert.is(counts.original.entries, ref.seed_invited_count_len);
  close(counts.original.mean, ref.seed_mean_invited_from_1_user, "original mean");
  assert.equal(firstBuckets(counts.original, 5), ref.seed_inv_counts_head);
  assert.equal(firstBuckets(counts.corrected, 5), ref.fixed_invite_counts_head);
  const conv = conversion(counts);
  close(conv.original, ref.seed_conversion_1_to_2, "original conversion");
  close(conv.corrected, ref.fixed_conversion_1_to_2, "corrected conversion");

  const reach = originalReach(tree);
  const top = topBy(tree, reach, 5);
  // pandas orders equal values arbitrarily: compare the values, and each of its ids' reach.
  assert.equal(top.map((t) => t.reach), Object.values(ref.brought_top5).sort((a, b) => b - a));
  const byId = new Map(Array.from(tree.nodeId, (id, node) => [id, reach[node]!]));
  for (const [id, r] of Object.entries(ref.brought_top5)) assert.is(byId.get(Number(id)), r, `reach of ${id}`);

  const hubs = influential(tree, reach, 50);
  assert.is(hubs.count, ref.hubs_over_50);
  assert.equal(joinedByMonth(users, originalInfluentialRows(users, hubs)), ref.seed_hubs_by_month);
  assert.equal(joinedByMonth(users, hubs.rows), ref.fixed_hubs_by_month);
});

test.run();
