// What a run saw of each input, and whether it is still so. A file counts as unchanged when its
// device, inode, size, mtime and ctime are all as they were; otherwise its bytes decide. The ctime
// catches a rewrite whose mtime was put back (`touch -d`), the inode a link swapped to another
// file. The SHA-256 kept is always of bytes the run saw: taken while the file's stat stayed the one
// it had when the run opened it.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { sha256, sha256File } from "../provenance";
import type { Stat } from "./events";

export type FileStamp =
  /** Read by the run, with the SHA-256 of the bytes it read. */
  | { path: string; kind: "file"; stat: Stat; sha256: string }
  /** Read by the run but rewritten while it ran: its results came from bytes no longer there. */
  | { path: string; kind: "changed"; bytes: number }
  /** Looked for and not there (a file the notebook tests for, a database's absent journal). */
  | { path: string; kind: "absent" }
  /** A folder the run listed: its listing counts, its files count where they were read. */
  | { path: string; kind: "folder"; listing_sha256: string; entries: number };

/** The file's stat now, or undefined when it is not a regular file (absent, a folder). */
export function statNow(file: string): Stat | undefined {
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!s?.isFile()) return undefined;
  return { dev: String(s.dev), ino: String(s.ino), size: Number(s.size), mtime_ns: String(s.mtimeNs), ctime_ns: String(s.ctimeNs) };
}

export function sameStat(a: Stat | undefined, b: Stat | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtime_ns === b.mtime_ns && a.ctime_ns === b.ctime_ns;
}

/** The SHA-256 of the file as it is in state `expected` (its stat), or undefined if it is not or moved while read. */
export async function hashAsSeen(file: string, expected: Stat): Promise<string | undefined> {
  if (!sameStat(statNow(file), expected)) return undefined;
  let sha256: string;
  try {
    sha256 = await sha256File(file);
  } catch {
    return undefined;
  }
  return sameStat(statNow(file), expected) ? sha256 : undefined;
}

/** A folder's listing: its names, sorted, hashed; undefined when it is not a folder. */
export function listing(folder: string): { listing_sha256: string; entries: number } | undefined {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return undefined;
  }
  return { listing_sha256: sha256(names.join("\0")), entries: names.length };
}

const SQLITE_MAGIC = "SQLite format 3\0";

/** Whether the file starts as an SQLite database does. */
export function isSqlite(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString("latin1") === SQLITE_MAGIC;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The files whose bytes belong to an SQLite database's content besides the database file: a change
 * still in the write-ahead log, or a rollback journal. They count with their database, present or not.
 */
export function sqliteSidecars(database: string): string[] {
  return [`${database}-wal`, `${database}-journal`];
}

/** The write-ahead log's shared-memory index: rebuilt from the log by any reader, not content. */
export function sqliteIndex(database: string): string {
  return `${database}-shm`;
}

/** Why `stamp` (relative to `base`, the notebook's folder) no longer holds, or undefined when it does. */
export async function stampMoved(base: string, stamp: FileStamp): Promise<string | undefined> {
  const file = resolve(base, stamp.path);
  const shown = relative(process.cwd(), file) || file;
  switch (stamp.kind) {
    case "changed":
      return `${shown} changed while it ran last time`;
    case "absent":
      return statSync(file, { throwIfNoEntry: false }) ? `${shown} appeared` : undefined;
    case "folder": {
      const now = listing(file);
      if (!now) return `${shown} is gone`;
      return now.listing_sha256 === stamp.listing_sha256 ? undefined : `${shown} changed (its listing)`;
    }
    case "file": {
      const now = statNow(file);
      if (!now) return `${shown} is gone`;
      if (sameStat(now, stamp.stat)) return undefined;
      if (now.size !== stamp.stat.size) return `${shown} changed`;
      try {
        return (await sha256File(file)) === stamp.sha256 ? undefined : `${shown} changed`;
      } catch {
        return `${shown} cannot be read`;
      }
    }
  }
}
