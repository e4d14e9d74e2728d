// The `user` table of the public Clubhouse dataset (Clubhouse_Dataset_v1.db), as the loader
// expects it and the simulator writes it.

export const TABLE = "user";

/** All columns, in the dataset's order, with the declared types the simulator writes. */
export const COLUMNS = [
  ["user_id", "INTEGER"],
  ["name", "TEXT"],
  ["photo_url", "TEXT"],
  ["username", "TEXT"],
  ["twitter", "TEXT"],
  ["instagram", "TEXT"],
  ["num_followers", "INTEGER"],
  ["num_following", "INTEGER"],
  ["time_created", "TEXT"],
  ["invited_by_user_profile", "INTEGER"],
] as const;

export type ColumnName = (typeof COLUMNS)[number][0];

/** The columns the analysis reads; the others are never loaded. */
export const NEEDED: readonly ColumnName[] = ["user_id", "num_followers", "num_following", "time_created", "invited_by_user_profile"];
