import { test } from "uvu";
import * as assert from "uvu/assert";
import { info } from "../../../src/clubhouse/load/info";
import { loadUsers } from "../../../src/clubhouse/load/load-users";
import { cleanup, makeDb, TREE } from "../db";

test.after(cleanup);

test("like df.info(): every column of the table, what was read, its type, non-null count and memory", async () => {
  const table = info(await loadUsers(makeDb(TREE)));
  assert.equal(table.getColumn("column").toArray(), ["user_id", "name", "photo_url", "username", "twitter", "instagram", "num_followers", "num_following", "time_created", "invited_by_user_profile", "(all read)"]);
  assert.equal(table.getColumn("loaded_as").toArray(), ["Int64", "not read", "not read", "not read", "not read", "not read", "Int64", "Int64", "Datetime(us,UTC)", "Int64", ""]);
  assert.equal(table.getColumn("non_null").toArray().map((v) => (v === null ? null : Number(v))), [14, null, null, null, null, null, 14, 14, 14, 11, null]);
  // 14 rows × 8 bytes; the inviter column has nulls, so a validity bit per row too (2 bytes).
  assert.equal(table.getColumn("bytes").toArray().map((v) => (v === null ? null : Number(v))), [112, null, null, null, null, null, 112, 112, 112, 114, 562]);
});

test.run();
