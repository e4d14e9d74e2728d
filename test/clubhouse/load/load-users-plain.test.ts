// The plain loader, row by row, is the oracle of the fast one (SQLite packing rows into one buffer,
// a worker thread reading half the table): both must give the same arrays, value for value.
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadUsers, type Users } from "../../../src/clubhouse/load/load-users";
import { loadUsersPlain } from "../../../src/clubhouse/load/load-users-plain";
import { ROOT } from "../../helpers";
import { cleanup, makeDb, TREE } from "../db";

const arrays = (u: Users) => [u.userId, u.invitedBy, u.followers, u.following, u.createdMs].map((a) => Array.from(a, (v) => (Number.isNaN(v) ? "NaN" : v)));

test.after.each(cleanup);

test("on the committed sample (20,000 users), in chunks and with a worker thread, the fast loader gives what the plain one gives", async () => {
  const sample = join(ROOT, "data", "clubhouse", "sample.db");
  const plain = loadUsersPlain(sample);
  assert.is(plain.count, 20_000);
  for (const options of [{}, { chunkRows: 777 }, { workers: 1, chunkRows: 3000 }]) {
    const fast = await loadUsers(sample, options);
    assert.equal(arrays(fast), arrays(plain), JSON.stringify(options));
  }
});

test("on the hand-drawn tree (missing inviters as NULL, 'null' and '', times with offsets and fractions), both agree", async () => {
  const file = makeDb(TREE);
  const plain = loadUsersPlain(file);
  assert.equal(arrays(await loadUsers(file)), arrays(plain));
  // Independently known: user 11 signed up at 2020-05-31T23:30:00-01:00, which is 00:30 UTC on 1 June.
  assert.is(plain.createdMs[plain.userId.indexOf(11)], Date.UTC(2020, 5, 1, 0, 30));
  assert.ok(Number.isNaN(plain.invitedBy[plain.userId.indexOf(15)]!), "'' is a missing inviter");
});

test("a bad value is a DataError naming the file, the row and what was expected, in both", async () => {
  const file = makeDb([...TREE.slice(0, 3), { user_id: 77, invited_by_user_profile: "somebody", time_created: "2020-06-01T00:00:00+00:00" }]);
  assert.throws(() => loadUsersPlain(file), /users\.db: table "user", row 4: invited_by_user_profile is somebody; expected a user id/);
  await loadUsers(file).then(
    () => assert.unreachable("the fast loader accepted it"),
    (e: Error) => assert.match(e.message, /users\.db: table "user", row 4 .*invited_by_user_profile is 'somebody'; expected a user id/),
  );
});

test.run();
