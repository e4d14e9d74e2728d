// When a report is up to date: since its last successful run, the notebook's source, its
// parameters, the library build, the lockfile, every file the kernel opened (whatever code opened
// it: track/), every folder it listed, and every environment variable it read are all unchanged,
// and the run reached nothing outside (the network, a program), which bytes cannot judge.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ParameterValue } from "./parameters";
import { sha256 } from "./provenance";
import { stampMoved, type FileStamp } from "./track/stamp";
import { envHash, preloadLibrary, TRACKING, type Tracked } from "./track/tracker";

export interface Fingerprint {
  notebook_sha256: string;
  /** As given on the command line (the notebook's own defaults are covered by its hash). */
  parameters: Record<string, ParameterValue>;
  /** dist/.build-hash: the library's sources, build config and compiler. */
  library: string;
  lockfile_sha256: string;
  include_code: boolean;
  node: string;
  /** How the run's reads were seen (track/events.ts). */
  tracking: Tracked["mode"];
  files: FileStamp[];
  env: Record<string, string | null>;
  outside: string[];
}

export type BaseFingerprint = Omit<Fingerprint, "tracking" | "files" | "env" | "outside">;

const ROOT = resolve(__dirname, "..", "..");

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** The library build the runs use: dist/.build-hash (its sources, build config and compiler), or "unknown". */
export function libraryBuild(): string {
  return readOr(join(ROOT, "dist", ".build-hash"), "unknown");
}

/** Everything but what the run read, which only a run can name. */
export function baseFingerprint(notebookPath: string, parameters: Record<string, ParameterValue>, includeCode: boolean): BaseFingerprint {
  return {
    notebook_sha256: sha256(readFileSync(notebookPath)),
    parameters,
    library: libraryBuild(),
    lockfile_sha256: sha256(readOr(join(ROOT, "package-lock.json"), "")),
    include_code: includeCode,
    node: process.version,
  };
}

export function fingerprintOf(base: BaseFingerprint, tracked: Tracked): Fingerprint {
  return { ...base, tracking: tracked.mode, files: tracked.files, env: tracked.env, outside: tracked.outside };
}

/** The tracking a run started now would have. */
export function trackingNow(): Tracked["mode"] {
  if (process.env[TRACKING] === "off") return "none";
  return preloadLibrary() ? "preload" : "node";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why the report must run again, or undefined when it is up to date. */
export async function staleness(previous: Fingerprint | undefined, current: BaseFingerprint, notebookPath: string): Promise<string | undefined> {
  if (previous === undefined) return "no earlier run";
  if (previous.notebook_sha256 !== current.notebook_sha256) return "the notebook changed";
  if (!same(previous.parameters, current.parameters)) return "the parameters changed";
  if (previous.library !== current.library || current.library === "unknown") return "the library changed";
  if (previous.lockfile_sha256 !== current.lockfile_sha256) return "the installed packages changed";
  if (previous.include_code !== current.include_code) return "--no-code changed";
  if (previous.node !== current.node) return "the Node.js version changed";
  if (previous.tracking === "none") return "what it read was not tracked last time";
  const tracking = trackingNow();
  if (previous.tracking !== tracking) return `the file tracking changed (${previous.tracking} → ${tracking})`;
  if (previous.outside.includes("the network")) return "it read the network last time";
  if (previous.outside.length > 0) return `it started ${previous.outside.join(" and ")} last time`;
  const base = dirname(resolve(notebookPath));
  for (const stamp of previous.files) {
    const moved = await stampMoved(base, stamp);
    if (moved) return moved;
  }
  for (const [name, hash] of Object.entries(previous.env)) {
    if (envHash(process.env[name]) !== hash) return `${name} changed`;
  }
  return undefined;
}
