// What the data says about itself: how many users, how many have no inviter, and the inviters
// that are not users in the table (deleted accounts, a gap in the crawl) and the users they invited.
import * as pl from "nodejs-polars";
import type { InviteTree } from "./tree";

export interface DataFacts {
  /** Users: the table's rows. */
  user_rows: number;
  /** Users without an inviter ('null', NULL or ''). */
  no_inviter: number;
  /** Distinct inviter ids that are not users in the table. */
  inviters_not_in_table: number;
  /** Users whose inviter is one of those. */
  users_invited_by_them: number;
}

export function dataFacts(tree: InviteTree): DataFacts {
  return {
    user_rows: tree.userCount,
    no_inviter: tree.noInviter,
    inviters_not_in_table: tree.childCount.length - tree.userCount,
    users_invited_by_them: tree.invitedByUnknown,
  };
}

export function factsTable(facts: DataFacts): pl.DataFrame {
  const labels: Record<keyof DataFacts, string> = {
    user_rows: "users (rows)",
    no_inviter: "users without an inviter",
    inviters_not_in_table: "inviter ids that are not users in the table",
    users_invited_by_them: "users invited by one of those",
  };
  const keys = Object.keys(labels) as (keyof DataFacts)[];
  return pl.DataFrame({ fact: keys.map((k) => labels[k]), value: pl.Series("value", keys.map((k) => facts[k]), pl.Int64) });
}
