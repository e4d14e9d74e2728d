import { test } from "uvu";
import * as assert from "uvu/assert";
import { IdIndex, inviteTree, nodeOf, perUser } from "../../src/clubhouse/tree";
import { DataError } from "../../src/errors";

// The tree drawn in db.ts, as arrays (NaN: no inviter; 99 is not a user).
const ids = [4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 30, 40];
const inviters = [NaN, NaN, 4, 4, 5, 99, 99, NaN, 10, 10, 10, 11, 20, 30];
const users = { userId: Float64Array.from(ids), invitedBy: Float64Array.from(inviters), source: "drawn.db" };
const row = (id: number) => ids.indexOf(id);

test("each user points at its inviter's row; an inviter that is not a user becomes a node after the users", () => {
  const tree = inviteTree(users);
  assert.is(tree.userCount, 14);
  assert.is(tree.parent[row(10)], row(4));
  assert.is(tree.parent[row(40)], row(30));
  assert.is(tree.parent[row(4)], -1);
  assert.is(tree.parent[row(13)], 14);
  assert.is(tree.parent[row(14)], 14);
  assert.equal([...tree.nodeId.subarray(14)], [99]);
});

test("invitees per node, users without an inviter, users invited by an unknown inviter", () => {
  const tree = inviteTree(users);
  const count = (id: number) => tree.childCount[id === 99 ? 14 : row(id)];
  assert.equal([4, 5, 10, 11, 20, 30, 99, 40, 15].map(count), [2, 1, 3, 1, 1, 1, 2, 0, 0]);
  assert.is(tree.noInviter, 3);
  assert.is(tree.invitedByUnknown, 2);
  assert.is(perUser(tree, tree.childCount).length, 14);
});

test("an id's node: a user's row, the node of an inviter that is not a user, or -1", () => {
  const tree = inviteTree({ ...users, invitedBy: Float64Array.from(inviters.map((id) => (id === 5 ? 77 : id))) });
  // Inviters that are not users: 77 and 99, nodes 14 and 15 in ascending id order.
  assert.equal([4, 40, 15, 77, 99, 5, 98, 100, 0].map((id) => nodeOf(tree, id)), [row(4), row(40), row(15), 14, 15, row(5), -1, -1, -1]);
});

test("a repeated user id is a DataError naming both rows", () => {
  const dup = { userId: Float64Array.from([4, 5, 4]), invitedBy: Float64Array.from([NaN, 4, 5]), source: "dup.db" };
  assert.throws(() => inviteTree(dup), (e: unknown) => e instanceof DataError && /dup\.db: user_id 4 appears more than once \(rows 1 and 3\)/.test((e as Error).message));
});

test("sparse ids (far apart) are found by binary search, with the same answers", () => {
  const sparse = Float64Array.from([9e12, 3, 7e14, 12]);
  const index = new IdIndex(sparse, "sparse.db");
  assert.equal([3, 12, 9e12, 7e14, 5, 1e15].map((id) => index.rowOf(id)), [1, 3, 0, 2, -1, -1]);
  assert.throws(() => new IdIndex(Float64Array.from([9e12, 3, 9e12]), "sparse.db"), /user_id 9000000000000 appears more than once \(rows 1 and 3\)/);
  const tree = inviteTree({ userId: sparse, invitedBy: Float64Array.from([NaN, 9e12, 3, 5e13]), source: "sparse.db" });
  assert.equal([...tree.parent], [-1, 0, 1, 4]);
  assert.equal([...tree.childCount], [1, 1, 0, 0, 1]);
});

test("dense ids: lookups outside the range are simply not users", () => {
  const index = new IdIndex(Float64Array.from([10, 11, 13]), "dense.db");
  assert.equal([9, 10, 12, 13, 14, -1].map((id) => index.rowOf(id)), [-1, 0, -1, 2, -1, -1]);
});

test.run();
