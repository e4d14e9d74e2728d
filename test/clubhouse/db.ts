// Small hand-written Clubhouse databases for the tests: the dataset's table and columns, with
// whatever values a test needs (a 'null' inviter, text in a number column, a missing table...).
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COLUMNS } from "../../src/clubhouse/load/schema";

const dirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "clubhouse-test-"));
  dirs.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** One user: the columns the analysis reads; the others get plausible filler. */
export interface Row {
  user_id: unknown;
  invited_by_user_profile: unknown;
  time_created: unknown;
  num_followers?: unknown;
  num_following?: unknown;
}

/** A database file with a `user` table (or `table`), holding `rows`; `columns` replaces the dataset's column list. */
export function makeDb(rows: Row[], options: { table?: string; columns?: readonly (readonly [string, string])[] } = {}): string {
  const file = join(tempDir(), "users.db");
  const db = new Database(file);
  const columns = options.columns ?? COLUMNS;
  db.exec(`CREATE TABLE "${options.table ?? "user"}" (${columns.map(([n, t]) => `${n} ${t}`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO "${options.table ?? "user"}" (${columns.map(([n]) => n).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  for (const row of rows) {
    const full: Record<string, unknown> = { name: "Ada Ali", photo_url: null, username: "ada", twitter: "null", instagram: "null", num_followers: 10, num_following: 20, ...row };
    insert.run(...columns.map(([n]) => full[n] ?? null));
  }
  db.close();
  return file;
}

/**
 * The invite tree drawn in the tests (ids; 99 is an inviter that is not a user):
 *
 *     4 ── 10 ── 20 ── 30 ── 40        5 ── 12        99 ── 13
 *      │     ├── 21                                   └── 14
 *      │     └── 22                    15 (no inviter, invited nobody)
 *      └── 11 ── 23
 */
export const TREE: Row[] = [
  { user_id: 4, invited_by_user_profile: "null", time_created: "2020-03-17T07:51:28.085566+00:00", num_followers: 4187268, num_following: 599 },
  { user_id: 5, invited_by_user_profile: null, time_created: "2020-03-17T14:36:19+00:00", num_followers: 3718334, num_following: 1861 },
  { user_id: 10, invited_by_user_profile: 4, time_created: "2020-05-01T23:30:00-02:00", num_followers: 900, num_following: 300 },
  // 23:30 at UTC−1 on 31 May is 00:30 UTC on 1 June: the offset moves it into the next month.
  { user_id: 11, invited_by_user_profile: 4, time_created: "2020-05-31T23:30:00-01:00", num_followers: 500, num_following: 50 },
  { user_id: 12, invited_by_user_profile: 5, time_created: "2020-12-01T10:00:00.5+00:00", num_followers: 40, num_following: 80 },
  { user_id: 13, invited_by_user_profile: 99, time_created: "2020-12-02T10:00:00Z", num_followers: 30, num_following: 70 },
  { user_id: 14, invited_by_user_profile: 99, time_created: "2020-12-02T11:00:00+00:00", num_followers: 20, num_following: 60 },
  { user_id: 15, invited_by_user_profile: "", time_created: "2021-01-05 08:00:00+00:00", num_followers: 10, num_following: 10 },
  { user_id: 20, invited_by_user_profile: 10, time_created: "2021-01-05T09:00:00+00:00", num_followers: 300, num_following: 100 },
  { user_id: 21, invited_by_user_profile: 10, time_created: "2021-01-05T10:00:00+00:00", num_followers: 15, num_following: 40 },
  { user_id: 22, invited_by_user_profile: 10, time_created: "2021-01-07T10:00:00+00:00", num_followers: 12, num_following: 45 },
  { user_id: 23, invited_by_user_profile: 11, time_created: "2021-01-07T11:00:00+00:00", num_followers: 11, num_following: 30 },
  { user_id: 30, invited_by_user_profile: 20, time_created: "2021-02-01T00:00:00+00:00", num_followers: 50, num_following: 90 },
  { user_id: 40, invited_by_user_profile: 30, time_created: "2021-02-01T12:00:00+00:00", num_followers: 5, num_following: 20 },
];
