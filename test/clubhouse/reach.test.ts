import { test } from "uvu";
import * as assert from "uvu/assert";
import { byMonthTable, friendsOfFriends, influential, influentialByMonth, joinedByMonth, originalInfluentialRows, originalReach, perUserInfluence, reachMeasures, reachTable, subtreeSizes, topBy } from "../../src/clubhouse/reach";
import { inviteTree } from "../../src/clubhouse/tree";
import { ids, tree, users } from "./drawn";

const node = (id: number) => (id === 99 ? 14 : ids.indexOf(id));
const at = (values: ArrayLike<number>, ...who: number[]) => who.map((id) => values[node(id)]);

test("the original's reach: Σ over friends of max(1, their friends) — 10's three friends count 3, not 1 + 3", () => {
  const reach = originalReach(tree);
  // 4: friend 10 (3 friends) + friend 11 (1 friend) = 4.  10: 20 (1) + 21 (0→1) + 22 (0→1) = 3.
  assert.equal(at(reach, 4, 5, 10, 11, 20, 30, 99, 40, 15), [4, 1, 3, 1, 1, 1, 2, 0, 0]);
});

test("friends and friends of friends, the original's stated definition", () => {
  const fof = friendsOfFriends(tree);
  // 4: 10, 11 and their 3 + 1 friends = 6.  10: 20, 21, 22 and 30 = 4.
  assert.equal(at(fof, 4, 5, 10, 11, 20, 30, 99, 40), [6, 1, 4, 1, 2, 1, 2, 0]);
});

test("whole subtrees: every user below, at any depth", () => {
  const { descendants, inCycles } = subtreeSizes(tree);
  assert.equal(at(descendants, 4, 5, 10, 11, 20, 30, 40, 99, 15), [8, 1, 5, 1, 2, 1, 0, 2, 0]);
  assert.is(inCycles, 0);
});

test("rows out of sign-up order (an invitee before its inviter) give the same subtrees", () => {
  // The drawn tree with its rows reversed: every invitee now comes before its inviter.
  const reversed = inviteTree({ userId: Float64Array.from([...ids].reverse()), invitedBy: Float64Array.from([...users.invitedBy].reverse()), source: "reversed.db" });
  const { descendants, inCycles } = subtreeSizes(reversed);
  const of = (id: number) => descendants[id === 99 ? 14 : 13 - ids.indexOf(id)];
  assert.equal([4, 5, 10, 11, 20, 30, 40, 99, 15].map(of), [8, 1, 5, 1, 2, 1, 0, 2, 0]);
  assert.is(inCycles, 0);
});

test("invite cycles (bad data) have no finite subtree: NaN, counted; the rest is still right", () => {
  // 1 ← 2 ← 3 ← 1 is a cycle; 4 hangs below 3; 5 is on its own with a friend 6.
  const cyclic = inviteTree({ userId: Float64Array.from([1, 2, 3, 4, 5, 6]), invitedBy: Float64Array.from([3, 1, 2, 3, NaN, 5]), source: "cycle.db" });
  const { descendants, inCycles } = subtreeSizes(cyclic);
  assert.equal([...descendants].map(String), ["NaN", "NaN", "NaN", "0", "1", "0"]);
  assert.is(inCycles, 3);
});

test("top inviters by reach, the smaller id first on a tie; inviters that are not users included", () => {
  const reach = originalReach(tree);
  assert.equal(topBy(tree, reach, 3), [
    { user_id: 4, reach: 4 },
    { user_id: 10, reach: 3 },
    { user_id: 99, reach: 2 },
  ]);
  assert.equal(topBy(tree, reach, 5).slice(3), [
    { user_id: 5, reach: 1 },
    { user_id: 11, reach: 1 },
  ]);
  assert.equal(topBy(tree, reach, 100).length, 7);
});

test("influential: inviter ids above the threshold (99 counts), and the users among them", () => {
  const hubs = influential(tree, originalReach(tree), 1);
  assert.is(hubs.count, 3);
  assert.equal(hubs.rows.map((r) => ids[r]), [4, 10]);
});

test("the original's influential users are the users whose id is below the count: positions taken for ids", () => {
  // reach > 0: seven inviter ids (4, 5, 10, 11, 20, 30, 99), so the original took user ids 0..6: users 4 and 5.
  const hubs = influential(tree, originalReach(tree), 0);
  assert.is(hubs.count, 7);
  assert.equal(originalInfluentialRows(users, hubs).map((r) => ids[r]), [4, 5]);
  assert.equal(hubs.rows.map((r) => ids[r]), [4, 5, 10, 11, 20, 30]);
  assert.equal(joinedByMonth(users, originalInfluentialRows(users, hubs)), { "2020-03": 2 });
  assert.equal(joinedByMonth(users, hubs.rows), { "2020-03": 2, "2020-05": 1, "2020-06": 1, "2021-01": 1, "2021-02": 1 });
  assert.equal(influentialByMonth(users, hubs), { original: { "2020-03": 2 }, corrected: { "2020-03": 2, "2020-05": 1, "2020-06": 1, "2021-01": 1, "2021-02": 1 } });
});

test("the three measures at once, and the influence measures per user row (99, not a user, left out)", () => {
  const measures = reachMeasures(tree);
  assert.equal(at(measures.original, 4, 10, 99), [4, 3, 2]);
  assert.equal(at(measures.friendsOfFriends, 4, 10, 99), [6, 4, 2]);
  // 4: 10, 11, 20, 21, 22, 23, 30, 40.
  assert.equal(at(measures.subtrees.descendants, 4, 10, 99), [8, 5, 2]);
  const perUser = perUserInfluence(tree, measures);
  assert.equal(Object.keys(perUser), ["original reach", "all descendants"]);
  assert.is(perUser["original reach"]!.length, ids.length);
  assert.is(perUser["all descendants"]![node(4)], 8);
});

test("tables: every measure side by side, and months side by side", () => {
  const reach = originalReach(tree);
  const subtrees = subtreeSizes(tree);
  const table = reachTable(users, tree, topBy(tree, reach, 3), { original: reach, friendsOfFriends: friendsOfFriends(tree), subtrees });
  assert.equal(table.getColumn("joined").toArray(), ["2020-03-17", "2020-05-02", "not a user"]);
  assert.equal(table.getColumn("all_descendants").toArray().map(Number), [8, 5, 2]);
  assert.equal(table.getColumn("friends_and_their_friends").toArray().map(Number), [6, 4, 2]);
  const months = byMonthTable({ "2020-03": 2 }, { "2020-03": 1, "2021-01": 4 });
  assert.equal(months.getColumn("month").toArray(), ["2020-03", "2021-01"]);
  assert.equal(months.getColumn("original").toArray().map(Number), [2, 0]);
});

test.run();
