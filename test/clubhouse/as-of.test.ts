// The network as of a day: the hand-drawn tree cut at days worked out by hand, the sample at its
// last sign-up day against the whole database, and a mid-growth day against the pandas reference
// run on a copy of the database from which SQLite itself deleted the later users.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { asOfCoverage, signupSpan, throughMonth, usersAsOf } from "../../src/clubhouse/as-of";
import { conversion, firstBuckets, inviteCounts } from "../../src/clubhouse/invites";
import { loadUsers } from "../../src/clubhouse/load/load-users";
import { influential, joinedByMonth, originalReach, topBy } from "../../src/clubhouse/reach";
import { signupSummary, signupsPerDay } from "../../src/clubhouse/signups";
import { SAMPLE } from "../../src/clubhouse/simulate/data-cli";
import { inviteTree, nodeOf } from "../../src/clubhouse/tree";
import { DataError } from "../../src/errors";
import { crossCheck, referenceRunner, referenceScript } from "../reference";
import { cleanup, makeDb, tempDir, TREE } from "./db";

const suite = test;
suite.after(cleanup);

const ids = (users: { userId: Float64Array }) => Array.from(users.userId);

suite("as of a day: the users who had signed up by its end (UTC), and the invites among them", async () => {
  const users = await loadUsers(makeDb(TREE));
  // User 11 signed up at 23:30 on 31 May at UTC−1, which is 1 June in UTC: not there yet on 31 May.
  const may = usersAsOf(users, "2020-05-31");
  assert.equal(ids(may), [4, 5, 10]);
  const mayTree = inviteTree(may);
  assert.is(mayTree.childCount[nodeOf(mayTree, 4)], 1, "4 has invited 10 only");

  // 2 December: 13 and 14 are there, invited by 99, which is no user at any date.
  const december = usersAsOf(users, "2020-12-02");
  assert.equal(ids(december), [4, 5, 10, 11, 12, 13, 14]);
  const tree = inviteTree(december);
  assert.is(tree.childCount[nodeOf(tree, 4)], 2);
  assert.is(tree.childCount[nodeOf(tree, 10)], 0, "20, 21 and 22 joined in January");
  assert.is(tree.invitedByUnknown, 2);
  assert.is(december.frame.height, 7);
  assert.equal(december.frame.getColumn("user_id").toArray(), [4, 5, 10, 11, 12, 13, 14]);
});

suite("an empty asOf is the whole database; the last sign-up day gives every user", async () => {
  const users = await loadUsers(makeDb(TREE));
  assert.is(usersAsOf(users, ""), users);
  assert.equal(signupSpan(users), { first: "2020-03-17", last: "2021-02-01" });
  const last = usersAsOf(users, "2021-02-01");
  assert.equal(ids(last), ids(users));
  assert.equal(Array.from(last.createdMs), Array.from(users.createdMs));
});

suite("a bad asOf, or a day outside the sign-ups, is a DataError naming the parameter and what was expected", async () => {
  const users = await loadUsers(makeDb(TREE));
  for (const bad of ["2021-13-01", "March", "2021-02-30", "2021-02"]) {
    assert.throws(() => usersAsOf(users, bad), (e: unknown) => e instanceof DataError && e.message.includes(`asOf = "${bad}"`) && e.message.includes("YYYY-MM-DD"));
  }
  for (const outside of ["2020-03-16", "2021-02-02"]) {
    assert.throws(() => usersAsOf(users, outside), (e: unknown) => e instanceof DataError && e.message.includes(outside) && e.message.includes("2020-03-17 to 2021-02-01"));
  }
});

suite("the report says what it covers; a statement about February 2021 is not checked on data that stop before its end", async () => {
  const users = await loadUsers(makeDb(TREE));
  assert.match(asOfCoverage(users, ""), "the whole database: 14 users, sign-ups from 2020-03-17 to 2021-02-01");
  const december = usersAsOf(users, "2020-12-02");
  assert.match(asOfCoverage(december, "2020-12-02"), "as of the end of 2020-12-02 (UTC): the 7 users");
  assert.is(throughMonth(december, "2020-11", true), true);
  assert.is(throughMonth(december, "2020-12", true), null);
  assert.is(throughMonth(december, "2020-12", false), null, "never a pass nor a failure when the data cannot tell");
  assert.is(throughMonth(users, "2021-01", false), false);
});

suite("the sample as of its last sign-up day is the whole run", async () => {
  const users = await loadUsers(SAMPLE.path);
  const last = usersAsOf(users, signupSpan(users)!.last);
  assert.is(last.count, users.count);
  const [a, b] = [inviteTree(users), inviteTree(last)];
  assert.equal(conversion(inviteCounts(b)), conversion(inviteCounts(a)));
  assert.equal(topBy(b, originalReach(b), 10), topBy(a, originalReach(a), 10));
  assert.equal(signupSummary(signupsPerDay(last)), signupSummary(signupsPerDay(users)));
});

/** A copy of the database without the users who signed up after `day`, deleted by SQLite's own date arithmetic. */
function copyAsOf(path: string, day: string): string {
  const copy = join(tempDir(), `as-of-${day}.db`);
  const db = new Database(path, { readonly: true });
  db.exec(`VACUUM INTO '${copy}'`);
  db.close();
  const out = new Database(copy);
  out.prepare("DELETE FROM user WHERE julianday(time_created) >= julianday(?) + 1").run(day);
  out.close();
  return copy;
}

crossCheck(suite, "as of 2020-12-31 the library agrees with the pandas reference run on the database cut by SQLite", referenceRunner("clubhouse.py", ["pandas", "numpy"]), async (python) => {
  const day = "2020-12-31";
  const cut = copyAsOf(SAMPLE.path, day);
  const run = spawnSync(python, [referenceScript("clubhouse.py"), cut], { encoding: "utf8" });
  assert.is(run.status, 0, run.stderr);
  const ref = JSON.parse(run.stdout);
  const users = usersAsOf(await loadUsers(SAMPLE.path), day);
  assert.equal(ids(users), ids(await loadUsers(cut)));
  assert.ok(users.count < SAMPLE.userCount && users.count > 1000, `a real cut: ${users.count} users`);
  const tree = inviteTree(users);
  const daily = signupsPerDay(users);
  assert.is(users.count, ref.rows);
  assert.is(tree.noInviter, ref.null_inviter);
  assert.equal(signupSummary(daily), { first_day: ref.first_day, last_day: ref.last_day, peak_day: ref.peak_day, peak_count: ref.peak_day_count });
  const counts = inviteCounts(tree);
  assert.equal(firstBuckets(counts.original, 5), ref.seed_inv_counts_head);
  assert.equal(firstBuckets(counts.corrected, 5), ref.fixed_invite_counts_head);
  const conv = conversion(counts);
  assert.ok(Math.abs(conv.original! - ref.seed_conversion_1_to_2) <= 1e-9 && Math.abs(conv.corrected! - ref.fixed_conversion_1_to_2) <= 1e-9);
  const reach = originalReach(tree);
  const hubs = influential(tree, reach, 50);
  assert.is(hubs.count, ref.hubs_over_50);
  assert.equal(joinedByMonth(users, hubs.rows), ref.fixed_hubs_by_month);
});

suite.run();
