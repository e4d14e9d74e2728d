// The tracking log's lines (written by preload.c in the kernel, or by hooks.ts where the preload
// library cannot load), read back as events. One event a line; a line cut short by a killed
// kernel is dropped, never guessed at.

/** A file's identity and state when it was seen: `stat` with nanosecond times, as decimal strings. */
export interface Stat {
  dev: string;
  ino: string;
  size: number;
  mtime_ns: string;
  ctime_ns: string;
}

export type TrackEvent =
  | { kind: "opened"; path: string; stat: Stat }
  | { kind: "absent"; path: string }
  | { kind: "written"; path: string }
  | { kind: "listed"; path: string }
  | { kind: "named"; path: string }
  | { kind: "network"; what: string }
  | { kind: "program"; what: string }
  | { kind: "env"; name: string }
  | { kind: "mode"; mode: TrackingMode }
  /** Written by the runner before the first cell: what comes before is the kernel's start-up. */
  | { kind: "cells" };

/**
 * How the kernel's reads were seen: `preload`, every open in the process, native code's too;
 * `node`, Node's fs and the JavaScript entry points of nodejs-polars and better-sqlite3 only.
 */
export type TrackingMode = "preload" | "node";

const DECIMAL = /^\d+$/;

export function parseEvent(line: string): TrackEvent | undefined {
  const tag = line.slice(0, 2);
  const rest = line.slice(2);
  switch (tag) {
    case "O ": {
      const fields = rest.split(" ", 5);
      const path = rest.split(" ").slice(5).join(" ");
      const [dev, ino, size, mtime, ctime] = fields;
      if (fields.length < 5 || !fields.every((f) => DECIMAL.test(f)) || path === "") return undefined;
      return { kind: "opened", path, stat: { dev: dev!, ino: ino!, size: Number(size), mtime_ns: mtime!, ctime_ns: ctime! } };
    }
    case "A ":
      return rest ? { kind: "absent", path: rest } : undefined;
    case "W ":
      return rest ? { kind: "written", path: rest } : undefined;
    case "D ":
      return rest ? { kind: "listed", path: rest } : undefined;
    case "P ":
      return rest ? { kind: "named", path: rest } : undefined;
    case "N ":
      return { kind: "network", what: rest };
    case "X ":
      return { kind: "program", what: rest };
    case "E ":
      return rest ? { kind: "env", name: rest } : undefined;
    case "M ":
      return rest === "preload" || rest === "node" ? { kind: "mode", mode: rest } : undefined;
    case "C":
      return line === "C" ? { kind: "cells" } : undefined;
    default:
      return undefined;
  }
}

/**
 * The events in `text`, and how many of its characters were whole lines: a reader that follows a
 * growing log keeps the rest for the next read.
 */
export function parseEvents(text: string): { events: TrackEvent[]; used: number } {
  const end = text.lastIndexOf("\n");
  if (end < 0) return { events: [], used: 0 };
  const events: TrackEvent[] = [];
  for (const line of text.slice(0, end).split("\n")) {
    const e = parseEvent(line);
    if (e) events.push(e);
  }
  return { events, used: end + 1 };
}
