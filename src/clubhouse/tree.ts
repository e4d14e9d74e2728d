// The invite tree as arrays: every user row is a node, and so is every inviter id that is not a
// user (a deleted account, a gap in the crawl): such inviters are kept as nodes of their own
// after the users, with no row, so their invitees still count for them, as in the original.
import { DataError } from "../errors";
import { countable } from "../stats/countable";
import type { Users } from "./load/load-users";

export interface InviteTree {
  /** Nodes 0..userCount-1 are the table's rows, in order; nodes from `userCount` on are unknown inviters. */
  userCount: number;
  /** The user id of every node (users first, then the unknown inviters' ids, ascending). */
  nodeId: Float64Array;
  /** For each user row: its inviter's node, or -1 when it has no inviter. */
  parent: Int32Array;
  /** For each node: how many users name it as inviter. */
  childCount: Int32Array;
  /** Users whose inviter is missing ('null', NULL or ''). */
  noInviter: number;
  /** Users whose inviter id is not a user in the table. */
  invitedByUnknown: number;
  /** Finds a user's row from its id. */
  index: IdIndex;
}

/** Finds a user's row from its id: a direct table when ids are dense (the usual case), else binary search. */
export class IdIndex {
  private readonly min: number;
  private readonly slots?: Int32Array;
  private readonly sorted?: { ids: Float64Array; rows: Uint32Array };

  /** `ids` must be whole numbers; a repeated id is a DataError naming both rows. */
  constructor(ids: Float64Array, source: string) {
    let min = Infinity;
    let max = -Infinity;
    for (let row = 0; row < ids.length; row++) {
      const id = ids[row]!;
      if (id < min) min = id;
      if (id > max) max = id;
    }
    this.min = min;
    const duplicate = (id: number, a: number, b: number) =>
      new DataError(`${source}: user_id ${id} appears more than once (rows ${Math.min(a, b) + 1} and ${Math.max(a, b) + 1}); expected one row per user`);
    if (countable(min, max, ids.length)) {
      const slots = new Int32Array(ids.length === 0 ? 0 : max - min + 1).fill(-1);
      for (let row = 0; row < ids.length; row++) {
        // A whole number below the span checked above.
        const slot = (ids[row]! - min) | 0;
        if (slots[slot] !== -1) throw duplicate(ids[row]!, slots[slot]!, row);
        slots[slot] = row;
      }
      this.slots = slots;
    } else {
      const rows = new Uint32Array(ids.length).map((_, i) => i);
      rows.sort((a, b) => ids[a]! - ids[b]! || a - b);
      const sortedIds = new Float64Array(ids.length);
      for (let k = 0; k < rows.length; k++) sortedIds[k] = ids[rows[k]!]!;
      for (let k = 1; k < rows.length; k++) if (sortedIds[k] === sortedIds[k - 1]) throw duplicate(sortedIds[k]!, rows[k - 1]!, rows[k]!);
      this.sorted = { ids: sortedIds, rows };
    }
  }

  /** The row of user `id`, or -1. */
  rowOf(id: number): number {
    if (this.slots) {
      const slot = id - this.min;
      return slot >= 0 && slot < this.slots.length ? this.slots[slot | 0]! : -1;
    }
    const { ids, rows } = this.sorted!;
    const at = positionIn(ids, id, 0);
    return at === -1 ? -1 : rows[at]!;
  }
}

/** Where `id` is in the ascending `sorted[from..]`, by binary search; -1 if it is not there. */
function positionIn(sorted: Float64Array, id: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === id ? lo : -1;
}

export function inviteTree(users: Pick<Users, "userId" | "invitedBy" | "source">): InviteTree {
  const n = users.userId.length;
  const index = new IdIndex(users.userId, users.source);
  const parent = new Int32Array(n);
  const unknown = new Map<number, number[]>();
  let noInviter = 0;
  let invitedByUnknown = 0;
  for (let row = 0; row < n; row++) {
    const inviter = users.invitedBy[row]!;
    if (Number.isNaN(inviter)) {
      parent[row] = -1;
      noInviter++;
      continue;
    }
    const p = index.rowOf(inviter);
    parent[row] = p;
    if (p === -1) {
      invitedByUnknown++;
      const rows = unknown.get(inviter);
      if (rows) rows.push(row);
      else unknown.set(inviter, [row]);
    }
  }
  const unknownIds = [...unknown.keys()].sort((a, b) => a - b);
  const nodeId = new Float64Array(n + unknownIds.length);
  nodeId.set(users.userId);
  unknownIds.forEach((id, k) => {
    nodeId[n + k] = id;
    for (const row of unknown.get(id)!) parent[row] = n + k;
  });
  const childCount = new Int32Array(nodeId.length);
  for (let row = 0; row < n; row++) if (parent[row]! >= 0) childCount[parent[row]!]!++;
  return { userCount: n, nodeId, parent, childCount, noInviter, invitedByUnknown, index };
}

/** The node of an id: a user's row, or the node of an inviter that is not a user; -1 for neither. */
export function nodeOf(tree: InviteTree, id: number): number {
  const row = tree.index.rowOf(id);
  // The inviters that are not users follow the users, in ascending id order.
  return row !== -1 ? row : positionIn(tree.nodeId, id, tree.userCount);
}

/** The user rows' part of a per-node array (nodes after them are inviters that are not users). */
export function perUser<T extends Int32Array | Float64Array>(tree: InviteTree, values: T): T {
  return values.subarray(0, tree.userCount) as T;
}
