import Database from "better-sqlite3";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadUsers } from "../../../src/clubhouse/load/load-users";
import { COLUMNS } from "../../../src/clubhouse/load/schema";
import { simulateUsers } from "../../../src/clubhouse/simulate/simulate";
import { isoMicros, writeUsersDatabase } from "../../../src/clubhouse/simulate/write";
import { cleanup, tempDir } from "../db";

test.after(cleanup);

test("times as the dataset writes them: microseconds and +00:00, no fraction when it is zero", () => {
  assert.is(isoMicros(Date.parse("2020-03-17T07:51:28.085Z") * 1000 + 566), "2020-03-17T07:51:28.085566+00:00");
  assert.is(isoMicros(Date.parse("2020-03-17T07:51:28Z") * 1000 + 7), "2020-03-17T07:51:28.000007+00:00");
  assert.is(isoMicros(Date.parse("2021-02-01T00:00:00Z") * 1000), "2021-02-01T00:00:00+00:00");
});

test("the table has exactly the dataset's columns and conventions, and reads back as written", async () => {
  const dir = tempDir();
  const file = join(dir, "users.db");
  const users = simulateUsers({ userCount: 3000, seed: 3 });
  writeUsersDatabase(file, users, 3);
  assert.equal(readdirSync(dir), ["users.db"]); // no temporary file left behind

  const db = new Database(file, { readonly: true });
  const columns = db.prepare("PRAGMA table_info(user)").all() as { name: string; type: string }[];
  assert.equal(columns.map((c) => [c.name, c.type]), COLUMNS.map(([n, t]) => [n, t]));
  const founder = db.prepare("SELECT * FROM user WHERE user_id = 4").get() as Record<string, unknown>;
  assert.equal(founder, {
    user_id: 4,
    name: "Rohan Seth",
    photo_url: founder["photo_url"],
    username: "rohan",
    twitter: founder["twitter"],
    instagram: founder["instagram"],
    num_followers: 4187268,
    num_following: 599,
    time_created: "2020-03-17T07:51:28.085566+00:00",
    invited_by_user_profile: "null",
  });
  const kinds = db.prepare("SELECT typeof(invited_by_user_profile) AS t, count(*) AS n FROM user GROUP BY t ORDER BY t").all();
  assert.equal(kinds, [
    { t: "integer", n: 3000 - Math.round((3000 * 3214) / 1300515) },
    { t: "text", n: Math.round((3000 * 3214) / 1300515) },
  ]);
  assert.ok((db.prepare("SELECT count(*) AS n FROM user WHERE photo_url IS NULL").get() as { n: number }).n > 0);
  db.close();

  const back = await loadUsers(file);
  assert.equal([...back.userId], [...users.userId]);
  assert.equal([...back.invitedBy].map((v) => (Number.isNaN(v) ? -1 : v)), [...users.invitedBy]);
  assert.equal([...back.followers], [...users.followers]);
  // Milliseconds (a few users lost their microseconds on purpose: the fraction-less form).
  let sameSecond = 0;
  back.createdMs.forEach((ms, i) => (Math.floor(ms / 1000) === Math.floor(users.createdMicros[i]! / 1e6) ? sameSecond++ : 0));
  assert.is(sameSecond, 3000);
});

test("a failed write leaves no file behind", () => {
  const file = join(tempDir(), "users.db");
  const broken = { ...simulateUsers({ userCount: 10, seed: 1 }), followers: undefined as unknown as Int32Array };
  assert.throws(() => writeUsersDatabase(file, broken, 1));
  assert.not.ok(existsSync(file));
  assert.not.ok(existsSync(`${file}.${process.pid}.tmp`));
});

test.run();
