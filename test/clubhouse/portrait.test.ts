import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadUsers } from "../../src/clubhouse/load/load-users";
import { correlationTable, influenceCorrelations, portrait, portraitTable, spearmanWith } from "../../src/clubhouse/portrait";
import { cleanup, makeDb, TREE } from "./db";

test.after(cleanup);

test("influential users against everyone else: medians of followers, following, sign-up time; share before December 2020", async () => {
  const users = await loadUsers(makeDb(TREE));
  // Rows 0 and 2 are users 4 and 10.
  const [hubs, rest] = portrait(users, [0, 2], "influential");
  assert.equal(hubs, {
    group: "influential",
    user_count: 2,
    median_followers: (4187268 + 900) / 2,
    median_following: (599 + 300) / 2,
    // Halfway between 17 March 07:51 and 2 May 01:30 UTC.
    median_joined: "2020-04-09",
    joined_before_december: 1,
  });
  // The other twelve. Followers sorted: 5 10 11 12 15 20 | 30 40 50 300 500 3718334; following: 10 … 50 | 60 … 1861.
  assert.equal(rest, { group: "everyone else", user_count: 12, median_followers: 25, median_following: 55, median_joined: "2021-01-05", joined_before_december: 2 / 12 });
  assert.equal(portraitTable([hubs!, rest!]).getColumn("users").toArray().map(Number), [2, 12]);
});

test("a missing follower count leaves that user out of that median only", async () => {
  const users = await loadUsers(makeDb(TREE.map((r) => (r.user_id === 10 ? { ...r, num_followers: "null" } : r))));
  const [hubs] = portrait(users, [0, 2], "influential");
  assert.is(hubs!.median_followers, 4187268);
  assert.is(hubs!.median_following, 449.5);
  assert.is(hubs!.user_count, 2);
});

const day = (d: number) => Date.UTC(2021, 0, d, 12);

test("Spearman's ρ of each measure with followers, following and sign-up day", () => {
  const users = {
    count: 5,
    followers: Float64Array.from([5, 6, 7, 8, 7]),
    following: Float64Array.from([10, 20, 30, 40, 50]),
    createdMs: Float64Array.from([day(9), day(7), day(5), day(3), day(1)]),
  };
  const rows = influenceCorrelations(users, { reach: Int32Array.from([1, 2, 3, 4, 5]) });
  assert.equal(rows.map((r) => [r.influence, r.with, r.user_count]), [
    ["reach", "followers", 5],
    ["reach", "following", 5],
    ["reach", "sign-up day", 5],
  ]);
  // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233 (its documented example).
  assert.ok(Math.abs(rows[0]!.spearman! - 0.8207826816681233) < 1e-12);
  assert.is(rows[1]!.spearman, 1);
  assert.is(rows[2]!.spearman, -1);
  assert.equal(correlationTable(rows).getColumn("with").toArray(), ["followers", "following", "sign-up day"]);
  assert.equal(spearmanWith(rows, "reach"), { followers: rows[0]!.spearman, following: 1, "sign-up day": -1 });
  assert.equal(spearmanWith(rows, "another"), {});
});

test("users with a missing value are left out of that pair only; a constant measure has no ρ", () => {
  const users = {
    count: 4,
    followers: Float64Array.from([1, NaN, 3, 4]),
    following: Float64Array.from([4, 3, 2, 1]),
    createdMs: Float64Array.from([day(1), day(2), day(3), day(4)]),
  };
  const [followers, following] = influenceCorrelations(users, { reach: [10, 20, 30, 40] });
  assert.equal([followers!.user_count, followers!.spearman], [3, 1]);
  assert.equal([following!.user_count, following!.spearman], [4, -1]);
  assert.is(influenceCorrelations(users, { flat: [0, 0, 0, 0] })[1]!.spearman, null);
});

test.run();
