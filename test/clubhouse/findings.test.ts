import { test } from "uvu";
import * as assert from "uvu/assert";
import { shareJoinedBefore, commonestInviteCount, lastMonth, reachWithinDefinition, shareFromMonth, shareOfLastMonths, surgeBetween } from "../../src/clubhouse/findings";
import { tree, users } from "./drawn";
import type { DailySignups } from "../../src/clubhouse/signups";

// Five days over four months: 1 + 2 + 10 + 20 + 7 = 40 sign-ups.
const daily: DailySignups = {
  days: ["2020-10-31", "2020-11-01", "2020-12-15", "2021-01-02", "2021-02-28"],
  newUsers: [1, 2, 10, 20, 7],
  cumulative: [1, 3, 13, 33, 40],
};

test("the surge: share of sign-ups in the months, and whether the busiest days are inside", () => {
  assert.equal(surgeBetween(daily, "2020-12", "2021-02", 3), { share: 37 / 40, busiestInside: true });
  assert.equal(surgeBetween(daily, "2020-12", "2021-01", 3), { share: 30 / 40, busiestInside: false }, "the third busiest, 7 on 02-28, is outside");
  assert.equal(surgeBetween({ days: [], newUsers: [], cumulative: [] }, "2020-12", "2021-02"), { share: null, busiestInside: null }, "no sign-ups: nothing to tell, not a share of 0");
});

test("the last months: counted from the first day of the month `months - 1` before the last one", () => {
  assert.is(shareOfLastMonths(daily, 3), 37 / 40); // December, January, February
  assert.is(shareOfLastMonths(daily, 4), 39 / 40); // from 1 November: 2020-10-31 is out
  assert.is(shareOfLastMonths(daily, 1), 7 / 40);
});

test("months of the influential users; the commonest invite count", () => {
  const months = { "2020-03": 2, "2020-10": 4, "2021-01": 2 };
  assert.is(shareFromMonth(months, "2020-10"), 6 / 8);
  assert.is(lastMonth(months), "2021-01");
  assert.is(lastMonth({}), null);
  assert.is(commonestInviteCount({ histogram: [12428, 4837, 1473, 446], entries: 19184, mean: 0.5 }), 1);
  assert.is(commonestInviteCount({ histogram: [5, 0, 3, 3], entries: 11, mean: 1 }), 2);
  assert.is(commonestInviteCount({ histogram: [5], entries: 5, mean: 0 }), null);
});

// The tree drawn in db.ts (drawn.ts): 4 ── 10 ── 20 ── 30 ── 40, 4 ── 11 ── 23, 10 ── 21, 22; 5 ── 12; 99 (not a user) ── 13, 14.

test("the original's reach within the stated definition; the top inviters' sign-up months", () => {
  // Friends and friends of friends, by hand: 4 → 6, 10 → 4, 99 → 2 (reach.test.ts).
  const fof = Int32Array.from([6, 1, 4, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2]);
  assert.ok(reachWithinDefinition(tree, [{ user_id: 4, reach: 4 }, { user_id: 10, reach: 3 }, { user_id: 99, reach: 2 }], fof));
  assert.not.ok(reachWithinDefinition(tree, [{ user_id: 10, reach: 5 }], fof));
  // 4 joined 2020-03, 10 2020-05, 20 2021-01; 99 is not a user and has no date.
  assert.is(shareJoinedBefore(users, tree, [{ user_id: 4, reach: 0 }, { user_id: 10, reach: 0 }, { user_id: 99, reach: 0 }], "2020-12"), 1);
  assert.is(shareJoinedBefore(users, tree, [{ user_id: 4, reach: 0 }, { user_id: 20, reach: 0 }], "2020-12"), 0.5);
  assert.is(shareJoinedBefore(users, tree, [{ user_id: 99, reach: 0 }], "2020-12"), null, "none of them is a user");
  assert.is(reachWithinDefinition(tree, [], fof), null, "no inviters: cannot tell");
  assert.is(shareFromMonth({}, "2020-10"), null);
  assert.is(shareOfLastMonths({ days: [], newUsers: [], cumulative: [] }, 3), null);
});

test.run();
