// One run's tracking: the log the kernel writes its events to (preload.c or hooks.ts), read as the
// run goes, and at its end the stamps of what the run read. Files are hashed as soon as the run
// first opens them, while the kernel works; a hash counts only if the file's stat was the one it had
// when the run opened it, before and after the hash, and still is at the end of the run.
import { appendFileSync, closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { parseEvents, type Stat, type TrackEvent, type TrackingMode } from "./events";
import { TRACK_LOG } from "../../io/inputs";
import { sha256 } from "../provenance";
import { ownVariable, toolchainRules, type Rules } from "./rules";
import { hashAsSeen, isSqlite, listing, sameStat, sqliteIndex, sqliteSidecars, statNow, type FileStamp } from "./stamp";

/** What a run read, as the fingerprint keeps it. */
export interface Tracked {
  /** How reads were seen; "none" when the kernel did not report (then no report is ever up to date). */
  mode: TrackingMode | "none";
  /** Relative to the notebook's folder, sorted by path. */
  files: FileStamp[];
  /** The environment variables the run read: name → SHA-256 of the value, null when unset. */
  env: Record<string, string | null>;
  /** What the run reached outside its files (the network, a program): then it cannot be judged by bytes. */
  outside: string[];
}

/** `node` forces the Node-level hooks (no preload library); `off` tracks nothing. */
export const TRACKING = "ANALYSIS_TRACKING";

/** Where the build puts the kernel's side of the tracking (dist/, from src/ or dist/ alike). */
const BUILT = join(__dirname, "..", "..", "..", "dist", "engine", "track");

/** The preload library built at install (scripts/build.js), where this platform can load one. */
export function preloadLibrary(): string | undefined {
  if (process.platform !== "linux" || process.env[TRACKING] === "node" || process.env[TRACKING] === "off") return undefined;
  const file = join(BUILT, "preload.so");
  return existsSync(file) ? file : undefined;
}

export function envHash(value: string | undefined): string | null {
  return value === undefined ? null : sha256(value);
}

export class Tracker {
  private readonly folder: string;
  readonly log: string;
  private readonly rules: Rules;
  private offset = 0;
  private rest = "";
  private readonly decoder = new StringDecoder("utf8");
  /** The log is read in blocks of this buffer, allocated once (it is followed every 200 ms). */
  private readonly chunk = Buffer.alloc(1 << 20);
  private inCells = false;
  private mode: TrackingMode | undefined;
  private readonly opened = new Map<string, Stat>();
  private readonly movedDuring = new Set<string>();
  private readonly absent = new Set<string>();
  private readonly written = new Set<string>();
  private readonly listed = new Set<string>();
  private readonly names = new Set<string>();
  private readonly outside = new Set<string>();
  private readonly hashes = new Map<string, string>();
  private hashing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    this.folder = mkdtempSync(join(tmpdir(), "analysis-track-"));
    // Whose it is: a runner killed by SIGKILL leaves it, and the next kernel start removes it (kernel.ts).
    writeFileSync(join(this.folder, "owner.pid"), String(process.pid));
    this.log = join(this.folder, "events.log");
    writeFileSync(this.log, "");
    this.rules = toolchainRules([this.folder]);
  }

  /** What the kernel's environment adds so that it reports to this tracker. */
  kernelEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    if (base[TRACKING] === "off") return base;
    const preload = preloadLibrary();
    return {
      ...base,
      [TRACK_LOG]: this.log,
      // libuv may open files through io_uring, where the C library's open() is not called.
      UV_USE_IO_URING: "0",
      ...(preload ? { LD_PRELOAD: [preload, base["LD_PRELOAD"]].filter(Boolean).join(" ") } : {}),
    };
  }

  /** Marks where the cells begin (what the kernel read to start is its own), and follows the log from here. */
  cellsBegin(): void {
    appendFileSync(this.log, "C\n");
    this.timer = setInterval(() => this.follow(), 200);
    this.timer.unref();
  }

  private follow(): void {
    let fd: number;
    try {
      fd = openSync(this.log, "r");
    } catch {
      return;
    }
    try {
      const chunk = this.chunk;
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, this.offset);
        if (n === 0) break;
        this.offset += n;
        const text = this.rest + this.decoder.write(chunk.subarray(0, n));
        const { events, used } = parseEvents(text);
        this.rest = text.slice(used);
        for (const e of events) this.take(e);
      }
    } finally {
      closeSync(fd);
    }
  }

  private take(e: TrackEvent): void {
    if (e.kind === "mode") {
      this.mode = e.mode;
      return;
    }
    if (e.kind === "cells") {
      this.inCells = true;
      return;
    }
    if (!this.inCells) return;
    switch (e.kind) {
      case "opened":
      case "named": {
        const path = resolve(e.path);
        if (this.rules.toolchain(path) || this.written.has(path)) return;
        const stat = e.kind === "opened" ? e.stat : statNow(path);
        if (stat === undefined) {
          this.absent.add(path);
          return;
        }
        const first = this.opened.get(path);
        if (first === undefined) {
          this.opened.set(path, stat);
          this.hashing = this.hashing.then(async () => {
            const sha256 = await hashAsSeen(path, stat);
            if (sha256) this.hashes.set(path, sha256);
          });
        } else if (!sameStat(first, stat)) {
          this.movedDuring.add(path);
        }
        return;
      }
      case "absent": {
        const path = resolve(e.path);
        if (!this.rules.toolchain(path) && !this.opened.has(path)) this.absent.add(path);
        return;
      }
      case "written":
        this.written.add(resolve(e.path));
        return;
      case "listed": {
        const path = resolve(e.path);
        if (!this.rules.toolchain(path)) this.listed.add(path);
        return;
      }
      case "network":
        this.outside.add("the network");
        return;
      case "program":
        this.outside.add("a program");
        return;
      case "env":
        if (!ownVariable(e.name)) this.names.add(e.name);
    }
  }

  /** The stamps of what the run read, relative to the notebook's folder; `env` is the kernel's environment. */
  async finish(notebookPath: string, env: NodeJS.ProcessEnv = process.env): Promise<Tracked> {
    clearInterval(this.timer);
    this.follow();
    await this.hashing;
    const base = dirname(resolve(notebookPath));
    const stamps = new Map<string, FileStamp>();
    const at = (file: string) => relative(base, file) || ".";
    const databases = [...this.opened.keys()].filter(isSqlite);
    const sidecars = new Set(databases.flatMap(sqliteSidecars));
    const indexes = new Set(databases.map(sqliteIndex));
    for (const [file, first] of this.opened) {
      if (sidecars.has(file) || indexes.has(file)) continue;
      let sha256 = this.movedDuring.has(file) || !sameStat(statNow(file), first) ? undefined : this.hashes.get(file);
      if (sha256 === undefined && !this.movedDuring.has(file)) sha256 = await hashAsSeen(file, first);
      stamps.set(file, sha256 === undefined ? { path: at(file), kind: "changed", bytes: first.size } : { path: at(file), kind: "file", stat: first, sha256 });
    }
    // A database's journal and write-ahead log, as they are when the run ends (SQLite may fold the
    // log into the database when the last connection closes).
    for (const file of sidecars) {
      const stat = statNow(file);
      const sha256 = stat && (await hashAsSeen(file, stat));
      stamps.set(file, stat && sha256 ? { path: at(file), kind: "file", stat, sha256 } : stat ? { path: at(file), kind: "changed", bytes: stat.size } : { path: at(file), kind: "absent" });
    }
    for (const file of this.absent) if (!stamps.has(file) && !this.written.has(file) && !indexes.has(file)) stamps.set(file, { path: at(file), kind: "absent" });
    for (const folder of this.listed) {
      const now = listing(folder);
      if (now && !stamps.has(folder)) stamps.set(folder, { path: at(folder), kind: "folder", ...now });
    }
    const files = [...stamps.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const names = [...this.names].sort();
    return {
      mode: this.mode ?? "none",
      files,
      env: Object.fromEntries(names.map((n) => [n, envHash(env[n])])),
      outside: [...this.outside].sort(),
    };
  }

  dispose(): void {
    clearInterval(this.timer);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
