// The tree drawn in db.ts, as the users' columns the invite tree is built from:
//     4 ── 10 ── 20 ── 30 ── 40        5 ── 12        99 (not a user) ── 13, 14
//      │     ├── 21                    15 (alone)
//      │     └── 22
//      └── 11 ── 23
import { inviteTree } from "../../src/clubhouse/tree";

export const ids = [4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 30, 40];
export const users = {
  userId: Float64Array.from(ids),
  invitedBy: Float64Array.from([NaN, NaN, 4, 4, 5, 99, 99, NaN, 10, 10, 10, 11, 20, 30]),
  source: "drawn.db",
  createdMs: Float64Array.from(["2020-03-17", "2020-03-17", "2020-05-02", "2020-06-01", "2020-12-01", "2020-12-02", "2020-12-02", "2021-01-05", "2021-01-05", "2021-01-05", "2021-01-07", "2021-01-07", "2021-02-01", "2021-02-01"].map((d) => Date.parse(`${d}T12:00:00Z`))),
};
export const tree = inviteTree(users);
