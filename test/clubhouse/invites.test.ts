import { test } from "uvu";
import * as assert from "uvu/assert";
import { conversion, firstBuckets, firstInviteBuckets, inviteCounts, invitesTable, projectSecondInvites, type InviteCounts } from "../../src/clubhouse/invites";
import { inviteTree } from "../../src/clubhouse/tree";

// The tree drawn in db.ts. Invitees: 4→2, 5→1, 10→3, 11→1, 20→1, 30→1, 99 (not a user)→2; no inviter: 4, 5, 15.
const tree = inviteTree({
  userId: Float64Array.from([4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 30, 40]),
  invitedBy: Float64Array.from([NaN, NaN, 4, 4, 5, 99, 99, NaN, 10, 10, 10, 11, 20, 30]),
  source: "drawn.db",
});

test("the original's counting: one entry per inviter (99 included), a 0 per user without an inviter", () => {
  const { original } = inviteCounts(tree);
  // Inviters with 1: 5, 11, 20, 30; with 2: 4, 99; with 3: 10. Zeros: 4, 5 and 15 have no inviter.
  assert.equal(original.histogram, [3, 4, 2, 1]);
  assert.is(original.entries, 10);
  assert.is(original.mean, 11 / 10);
});

test("corrected: one entry per user, zeros for everyone who invited nobody, 99 left out", () => {
  const { corrected } = inviteCounts(tree);
  // Zeros: 12, 13, 14, 15, 21, 22, 23, 40.
  assert.equal(corrected.histogram, [8, 4, 1, 1]);
  assert.is(corrected.entries, 14);
  assert.is(corrected.mean, 9 / 14);
});

test("conversion from one friend to two: the original's count(=2)/count(<=2) and the corrected share", () => {
  const conv = conversion(inviteCounts(tree));
  assert.is(conv.original, 2 / (3 + 4 + 2));
  // Inviters among users: 4 (2), 5, 10 (3), 11, 20, 30 → 2 of 6 invited at least two.
  assert.is(conv.corrected, 2 / 6);
  assert.equal(conversion({ original: { histogram: [], entries: 0, mean: null }, corrected: { histogram: [5], entries: 5, mean: 0 } }), { original: null, corrected: null });
});

test("the recorded buckets are the first counts that occur, as pandas' value_counts().sort_index().iloc[:n]", () => {
  const d = { histogram: [7, 0, 3, 0, 2, 1], entries: 13, mean: null };
  assert.equal(firstBuckets(d, 3), { "0": 7, "2": 3, "4": 2 });
  assert.equal(firstBuckets(d), { "0": 7, "2": 3, "4": 2, "5": 1 });
  const corrected = { histogram: [9, 1], entries: 10, mean: 0.1 };
  assert.equal(firstInviteBuckets({ original: d, corrected }, 2), { original: { "0": 7, "2": 3 }, corrected: { "0": 9, "1": 1 } });
});

test("the table folds the tail into one row", () => {
  const table = invitesTable(inviteCounts(tree), 2);
  assert.equal(table.getColumn("invited").toArray(), ["0", "1", "2+"]);
  assert.equal(table.getColumn("original").toArray().map(Number), [3, 4, 3]);
  assert.equal(table.getColumn("corrected").toArray().map(Number), [8, 4, 2]);
});

test("the projection: (target − conversion now) × the conversion's base, each reading on its own base", () => {
  // 320 with one friend, 96 with two, 40 with more, 3 zeros in the original (users without an inviter).
  const counts: InviteCounts = {
    original: { histogram: [3, 320, 96, 40], entries: 459, mean: null },
    corrected: { histogram: [900, 320, 96, 40], entries: 1356, mean: null },
  };
  const [original, corrected] = projectSecondInvites(counts, 0.42);
  assert.is(original!.base_users, 419);
  assert.is(original!.conversion_now, 96 / 419);
  assert.is(original!.more_users, Math.round((0.42 - 96 / 419) * 419)); // = 176 − 96 = 80
  assert.is(original!.more_users, 80);
  assert.is(corrected!.base_users, 456);
  assert.is(corrected!.more_users, Math.round(0.42 * 456 - 136)); // 191.52 − 136
  assert.is(corrected!.more_users, 56);
  // A target below the conversion now projects no gain, not a loss.
  assert.is(projectSecondInvites(counts, 0.1)[1]!.more_users, 0);
});

test.run();
