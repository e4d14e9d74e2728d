import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadUsers } from "../../../src/clubhouse/load/load-users";
import { DataError } from "../../../src/errors";
import { cleanup, makeDb, tempDir, TREE, type Row } from "../db";

const fails = async (fn: () => unknown, message: RegExp) => {
  try {
    await fn();
  } catch (e) {
    assert.instance(e, DataError);
    assert.match((e as Error).message, message);
    return;
  }
  assert.unreachable(`expected a DataError matching ${message}`);
};

test.after(cleanup);

test("reads the five columns the analysis needs, in table order, into typed arrays", async () => {
  const users = await loadUsers(makeDb(TREE));
  assert.is(users.count, 14);
  assert.equal([...users.userId], [4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 30, 40]);
  assert.equal([...users.followers.subarray(0, 3)], [4187268, 3718334, 900]);
  assert.equal([...users.following.subarray(0, 3)], [599, 1861, 300]);
  assert.equal(users.tableColumns.map((c) => c.name), ["user_id", "name", "photo_url", "username", "twitter", "instagram", "num_followers", "num_following", "time_created", "invited_by_user_profile"]);
});

test("the frame: a polars DataFrame of every row, built on first use, once", async () => {
  const users = await loadUsers(makeDb(TREE));
  const head = users.frame.head(2);
  assert.is(head.height, 2);
  assert.equal(head.getColumn("user_id").toArray().map(Number), [4, 5]);
  assert.is((head.getColumn("time_created").toArray()[0] as unknown as Date).toISOString(), "2020-03-17T07:51:28.085Z");
  assert.equal(head.getColumn("invited_by_user_profile").toArray(), [null, null]);
  assert.equal([users.frame.height, users.frame.getColumn("num_following").length], [14, 14]);
  assert.equal(users.frame.getColumn("num_followers").toArray().slice(0, 3).map(Number), [4187268, 3718334, 900]);
  assert.is(users.frame, users.frame);
  assert.throws(() => users.frame.getColumn("name"));
});

test("'null', SQL NULL and '' are all a missing inviter", async () => {
  const users = await loadUsers(makeDb(TREE));
  assert.ok(Number.isNaN(users.invitedBy[0]!)); // 'null'
  assert.ok(Number.isNaN(users.invitedBy[1]!)); // NULL
  assert.ok(Number.isNaN(users.invitedBy[7]!)); // ''
  assert.is(users.invitedBy[2], 4);
  assert.is(users.frame.getColumn("invited_by_user_profile").nullCount(), 3);
});

test("times are read with their offset, to the microsecond, the fraction optional", async () => {
  const users = await loadUsers(makeDb(TREE));
  // 2020-03-17T07:51:28.085566+00:00 in db.ts: the frame holds it to the microsecond.
  const first = users.frame.getColumn("time_created").cast(pl.Int64).toArray()[0];
  assert.is(Number(first), Date.parse("2020-03-17T07:51:28.085Z") * 1000 + 566);
  const iso = (row: number) => new Date(users.createdMs[row]!).toISOString();
  assert.is(iso(0), "2020-03-17T07:51:28.085Z");
  assert.is(iso(1), "2020-03-17T14:36:19.000Z");
  assert.is(iso(2), "2020-05-02T01:30:00.000Z"); // 23:30 at UTC−2
  assert.is(iso(3), "2020-06-01T00:30:00.000Z"); // 23:30 at UTC−1
  assert.is(iso(4), "2020-12-01T10:00:00.500Z"); // one digit of fraction
  assert.is(iso(5), "2020-12-02T10:00:00.000Z"); // Z
  assert.is(iso(7), "2021-01-05T08:00:00.000Z"); // a space instead of T
});

test("the frame holds the same columns with the dataset's names and polars types", async () => {
  const { frame } = await loadUsers(makeDb(TREE));
  assert.equal(frame.columns, ["user_id", "num_followers", "num_following", "time_created", "invited_by_user_profile"]);
  assert.equal(frame.dtypes.map(String), ["DataType(Int64)", "DataType(Int64)", "DataType(Int64)", "DataType(Datetime(us,UTC))", "DataType(Int64)"]);
  assert.equal((frame.getColumn("time_created").toArray() as unknown as Date[])[3]!.toISOString(), "2020-06-01T00:30:00.000Z");
});

test("rowids with gaps (deleted rows), and rowids too far apart to allocate for, give exactly the rows there are", async () => {
  const gaps = makeDb(TREE);
  const db = new Database(gaps);
  db.prepare("DELETE FROM user WHERE user_id IN (10, 13, 40)").run();
  db.close();
  const users = await loadUsers(gaps, { workers: 1 });
  assert.is(users.count, 11);
  assert.equal([...users.userId], [4, 5, 11, 12, 14, 15, 20, 21, 22, 23, 30]);
  assert.is(users.createdMs.length, 11);
  assert.is(users.frame.height, 11);

  // One row moved to rowid 50 million: the span is counted instead, and the rows come in rowid order.
  const sparse = makeDb(TREE);
  const moved = new Database(sparse);
  moved.prepare("UPDATE user SET rowid = 50000000 WHERE user_id = 4").run();
  moved.close();
  const far = await loadUsers(sparse);
  assert.is(far.count, 14);
  assert.equal([...far.userId.subarray(-2)], [40, 4]);
  assert.is(far.followers[13], 4187268);
});

test("other copies of the data: integers stored as REAL (12.0) or text ('12'), missing counts, a column order of their own", async () => {
  const file = makeDb(
    [
      { user_id: 1, invited_by_user_profile: null, time_created: "2020-03-17T00:00:00+00:00", num_followers: "null", num_following: null },
      { user_id: "2", invited_by_user_profile: 1.0, time_created: "2020-03-18T00:00:00+00:00", num_followers: 7.0, num_following: "" },
    ],
    { columns: [["time_created", "TEXT"], ["num_following", "REAL"], ["invited_by_user_profile", "REAL"], ["user_id", "TEXT"], ["num_followers", "REAL"]] },
  );
  const users = await loadUsers(file);
  assert.equal([...users.userId], [1, 2]);
  assert.equal([...users.invitedBy].map(String), ["NaN", "1"]);
  assert.equal([...users.followers].map(String), ["NaN", "7"]);
  assert.equal([...users.following].map(String), ["NaN", "NaN"]);
});

test("large tables are read a range of rows at a time; the ranges join up in order", async () => {
  const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ user_id: 100 + i, invited_by_user_profile: i ? 100 + i - 1 : "null", time_created: `2020-04-${String(1 + i).padStart(2, "0")}T12:00:00+00:00` }));
  const users = await loadUsers(makeDb(rows), { chunkRows: 4 });
  assert.equal([...users.userId], rows.map((r) => r.user_id));
  assert.is(new Date(users.createdMs[24]!).toISOString(), "2020-04-25T12:00:00.000Z");
});

test("with worker threads each reads its part on its own connection; the parts join up in table order", async () => {
  const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ user_id: 100 + i, invited_by_user_profile: i ? 100 + i - 1 : "null", num_followers: i * 10, time_created: `2020-04-${String(1 + i).padStart(2, "0")}T12:00:00+00:00` }));
  const users = await loadUsers(makeDb(rows), { workers: 2, chunkRows: 4 });
  assert.equal([...users.userId], rows.map((r) => r.user_id));
  assert.equal([...users.followers], rows.map((_, i) => i * 10));
  assert.equal([...users.invitedBy].slice(1), rows.slice(1).map((r) => r.invited_by_user_profile));
  assert.is(new Date(users.createdMs[24]!).toISOString(), "2020-04-25T12:00:00.000Z");
});

test("a bad row read by a worker thread is named by its row in the whole table", async () => {
  const rows = TREE.map((r) => (r.user_id === 30 ? { ...r, num_following: "lots" } : r));
  await fails(() => loadUsers(makeDb(rows), { workers: 1 }), /table "user", row 13 \(rowid 13, user_id 30\): num_following is 'lots'; expected a whole number or 'null'/);
});

test("a missing file, or one that is not SQLite, says so", async () => {
  await fails(() => loadUsers("/nonexistent/clubhouse.db"), /\/nonexistent\/clubhouse\.db: no such file/);
  const junk = join(tempDir(), "junk.db");
  writeFileSync(junk, "this is not a database, just text that goes on for a while ".repeat(20));
  await fails(() => loadUsers(junk), /junk\.db: not a readable SQLite database/);
});

test("a missing table names the tables there are", async () => {
  await fails(() => loadUsers(makeDb(TREE, { table: "users" })), /no table "user" .*the file has tables "users"/);
});

test("missing columns are named, with the columns the table has", async () => {
  const file = makeDb([{ user_id: 1, invited_by_user_profile: null, time_created: "2020-03-17T00:00:00+00:00" }], {
    columns: [["user_id", "INTEGER"], ["name", "TEXT"], ["time_created", "TEXT"], ["invited_by_user_profile", "INTEGER"]],
  });
  await fails(() => loadUsers(file), /table "user" has no column "num_followers", "num_following" \(it has user_id, name, time_created, invited_by_user_profile/);
});

test("an empty table is an error, not an empty analysis", async () => {
  await fails(() => loadUsers(makeDb([])), /table "user" is empty/);
});

test("text in a number column names the row, its user and the value", async () => {
  const rows = TREE.map((r) => (r.user_id === 21 ? { ...r, num_followers: "many" } : r));
  await fails(() => loadUsers(makeDb(rows)), /table "user", row 10 \(rowid 10, user_id 21\): num_followers is 'many'; expected a whole number or 'null'/);
});

test("the bad row is found in a later range too", async () => {
  const rows = TREE.map((r) => (r.user_id === 30 ? { ...r, invited_by_user_profile: 20.5 } : r));
  await fails(() => loadUsers(makeDb(rows), { chunkRows: 3 }), /row 13 \(rowid 13, user_id 30\): invited_by_user_profile is 20.5; expected a user id/);
});

test("a missing or malformed user id or time is an error", async () => {
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, user_id: null }])), /row 1 \(rowid 1, user_id NULL\): user_id is NULL; expected a whole number/);
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, user_id: "null" }])), /user_id is 'null'; expected a whole number/);
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, time_created: "17/03/2020" }])), /time_created is '17\/03\/2020'; expected a time like 2020-03-17T07:51:28.085566\+00:00/);
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, time_created: "2020-02-30T10:00:00+00:00" }])), /time_created is '2020-02-30T10:00:00\+00:00'/);
  // A number is not taken for a Julian day or a Unix time (SQLite's date functions would): it is not a time of the dataset's form.
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, time_created: 1584431488 }])), /time_created is '1584431488.0'; expected a time/);
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, time_created: null }])), /time_created is NULL/);
});

test("a value holding the packing's separators is caught, not misread", async () => {
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, num_following: "1,5" }])), /num_following is '1,5'; expected a whole number/);
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, invited_by_user_profile: "7;8" }])), /invited_by_user_profile is '7;8'/);
});

test("a BLOB is named as such", async () => {
  await fails(() => loadUsers(makeDb([{ ...TREE[0]!, num_followers: Buffer.from([1, 2, 3]) }])), /num_followers is a BLOB of 3 bytes/);
});

test("a table SQLite cannot read by rowid is an error naming the file, not a crash", async () => {
  const file = join(tempDir(), "norowid.db");
  const db = new Database(file);
  db.exec("CREATE TABLE user (user_id INTEGER PRIMARY KEY, num_followers INTEGER, num_following INTEGER, time_created TEXT, invited_by_user_profile INTEGER) WITHOUT ROWID");
  db.exec("INSERT INTO user VALUES (4, 1, 1, '2020-03-17T07:51:28+00:00', NULL)");
  db.close();
  await fails(() => loadUsers(file), /norowid\.db: reading table "user" failed \(no such column: rowid\)/);
});

test("the file is opened read-only and left as it was", async () => {
  const file = makeDb(TREE);
  await loadUsers(file);
  const db = new Database(file, { readonly: true });
  assert.is((db.prepare("SELECT count(*) AS n FROM user").get() as { n: number }).n, 14);
  db.close();
});

test.run();
