import { test } from "uvu";
import * as assert from "uvu/assert";
import { dataFacts, factsTable } from "../../src/clubhouse/data-facts";
import { loadUsers } from "../../src/clubhouse/load/load-users";
import { inviteTree } from "../../src/clubhouse/tree";
import { cleanup, makeDb, TREE } from "./db";

test.after(cleanup);

test("what the data says about itself: users, no inviter, inviters that are not users and whom they invited", async () => {
  const facts = dataFacts(inviteTree(await loadUsers(makeDb(TREE))));
  assert.equal(facts, { user_rows: 14, no_inviter: 3, inviters_not_in_table: 1, users_invited_by_them: 2 });
  assert.equal(factsTable(facts).getColumn("value").toArray().map(Number), [14, 3, 1, 2]);
});

test.run();
