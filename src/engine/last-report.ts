// A notebook's report is one set of files: NAME.ipynb, NAME.html, NAME.json and NAME.changes.json,
// sealed by NAME.fingerprint.json, which is written last and holds the SHA-256 of each of the
// others. A set that does not match its seal (a crash or a full disk between two files, a file
// truncated or edited by hand) is stale, and says which file did not match. This is the one place
// that reads the last report; each file is read once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Fingerprint } from "./freshness";
import { sha256 } from "./provenance";
import { isObject } from "../json";

/** The set's files, by their suffix after NAME, in the order they are written. */
export const SET = [".ipynb", ".json", ".changes.json", ".html"] as const;
export const SEAL = ".fingerprint.json";

export interface Seal {
  format: 1;
  started: string;
  fingerprint: Fingerprint;
  /** File name (NAME.ipynb, ...) → SHA-256 of its bytes as written. */
  set: Record<string, string>;
}

export type LastReport =
  | { state: "intact"; seal: Seal; records: Record<string, unknown> }
  /** Not a whole set: why, and what could still be read of it (to say what changed since). */
  | { state: "stale"; why: string; records?: Record<string, unknown>; started?: string }
  | { state: "none" };

function read(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

const isString = (x: unknown): x is string => typeof x === "string";

function parse(bytes: Buffer | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** What is wrong with a file stamp as read from JSON, or undefined when it has the right shape. */
function stampProblem(x: unknown): string | undefined {
  if (!isObject(x) || !isString(x["path"])) return "a file without a path";
  switch (x["kind"]) {
    case "absent":
      return undefined;
    case "changed":
      return typeof x["bytes"] === "number" ? undefined : `${x["path"]}: no size`;
    case "folder":
      return isString(x["listing_sha256"]) ? undefined : `${x["path"]}: no listing hash`;
    case "file": {
      const stat = x["stat"];
      const ok = isString(x["sha256"]) && isObject(stat) && ["dev", "ino", "mtime_ns", "ctime_ns"].every((k) => isString(stat[k])) && typeof stat["size"] === "number";
      return ok ? undefined : `${x["path"]}: no hash or stat`;
    }
    default:
      return `${x["path"]}: unknown kind ${JSON.stringify(x["kind"])}`;
  }
}

/** What is wrong with a seal as read from JSON, or undefined when it has the right shape. */
export function sealProblem(x: unknown, names: readonly string[]): string | undefined {
  if (!isObject(x)) return "not a JSON object";
  if (x["format"] !== 1) return `format ${JSON.stringify(x["format"])}, expected 1`;
  if (!isString(x["started"])) return "no start time";
  const set = x["set"];
  if (!isObject(set) || !names.every((n) => isString(set[n]))) return `its set does not name ${names.join(", ")}`;
  const f = x["fingerprint"];
  if (!isObject(f)) return "no fingerprint";
  for (const key of ["notebook_sha256", "library", "lockfile_sha256", "node", "tracking"]) if (!isString(f[key])) return `fingerprint.${key} is not a string`;
  if (!isObject(f["parameters"])) return "fingerprint.parameters is not an object";
  if (typeof f["include_code"] !== "boolean") return "fingerprint.include_code is not true or false";
  if (!Array.isArray(f["files"])) return "fingerprint.files is not a list";
  for (const stamp of f["files"]) {
    const problem = stampProblem(stamp);
    if (problem) return `fingerprint.files: ${problem}`;
  }
  if (!isObject(f["env"]) || !Object.values(f["env"]).every((v) => v === null || isString(v))) return "fingerprint.env is not names with hashes";
  if (!Array.isArray(f["outside"]) || !f["outside"].every(isString)) return "fingerprint.outside is not a list of strings";
  return undefined;
}

/** The last report of notebook NAME in `outDir`, checked whole against its seal. */
export function readLastReport(outDir: string, name: string): LastReport {
  const names = SET.map((suffix) => name + suffix);
  const bytes = new Map(names.map((n) => [n, read(join(outDir, n))]));
  const sealBytes = read(join(outDir, name + SEAL));
  const recordsJson = parse(bytes.get(`${name}.json`));
  const records = isObject(recordsJson) ? recordsJson : undefined;
  const partial = (why: string, started?: string): LastReport => ({ state: "stale", why, ...(records ? { records } : {}), ...(started ? { started } : {}) });
  if (sealBytes === undefined) {
    if ([...bytes.values()].every((b) => b === undefined)) return { state: "none" };
    return partial(`the set was incomplete: ${name + SEAL} is missing`);
  }
  const seal = parse(sealBytes);
  const problem = sealProblem(seal, names);
  if (problem) return partial(`${name + SEAL} is damaged (${problem})`);
  const sealed = seal as Seal;
  for (const n of names) {
    const b = bytes.get(n);
    if (b === undefined) return partial(`the set was incomplete: ${n} is missing`, sealed.started);
    if (sha256(b) !== sealed.set[n]) return partial(`${n} does not match its set (changed after it was written)`, sealed.started);
  }
  if (records === undefined) return partial(`${name}.json is damaged (not a JSON object)`, sealed.started);
  return { state: "intact", seal: sealed, records };
}

export function sealOf(started: string, fingerprint: Fingerprint, written: ReadonlyMap<string, string | Uint8Array>): Seal {
  return { format: 1, started, fingerprint, set: Object.fromEntries([...written].map(([n, content]) => [n, sha256(content)])) };
}
