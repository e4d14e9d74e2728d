// `--explain`: what the fingerprint of each notebook's last report holds, and the verdict, without
// running anything: the files with their stamps, the environment variables read, what the run
// reached outside its files, and how its reads were tracked.
import { dirname, relative, resolve } from "node:path";
import type { CliOptions } from "./args";
import { baseFingerprint } from "./freshness";
import { readLastReport } from "./last-report";
import type { Run } from "./manifest";
import { whyRun } from "./report-one";
import { envHash } from "./track/tracker";

const TRACKING = {
  preload: "preload (every file the kernel opened, from any code)",
  node: "node (Node's fs and the nodejs-polars and better-sqlite3 readers; the preload library did not load)",
  none: "none (nothing was tracked: it always runs)",
};

function time(ns: string): string {
  return new Date(Number(BigInt(ns) / 1_000_000n)).toISOString();
}

/** The lines --explain prints for one run. */
export async function explain({ notebook, name, parameters }: Run, options: CliOptions): Promise<string[]> {
  const last = readLastReport(options.outDir, name);
  const why = await whyRun(notebook, { ...options, force: false }, baseFingerprint(notebook, parameters, options.includeCode), last);
  const lines = [`${name}: ${why === undefined ? "up to date" : `runs: ${why}`}`];
  if (last.state !== "intact") return lines;
  const f = last.seal.fingerprint;
  const base = dirname(resolve(notebook));
  const shown = (path: string) => relative(process.cwd(), resolve(base, path)) || path;
  lines.push(`  last run: ${last.seal.started}`, `  tracking: ${TRACKING[f.tracking]}`, `  files (${f.files.length}):`);
  for (const s of f.files) {
    if (s.kind === "file") lines.push(`    ${shown(s.path)}  ${s.stat.size} bytes  sha256 ${s.sha256.slice(0, 16)}…  dev ${s.stat.dev} inode ${s.stat.ino}  mtime ${time(s.stat.mtime_ns)}  ctime ${time(s.stat.ctime_ns)}`);
    else if (s.kind === "changed") lines.push(`    ${shown(s.path)}  changed while the run read it`);
    else if (s.kind === "absent") lines.push(`    ${shown(s.path)}  absent`);
    else lines.push(`    ${shown(s.path)}/  folder, ${s.entries} entries, listing sha256 ${s.listing_sha256.slice(0, 16)}…`);
  }
  const env = Object.entries(f.env);
  lines.push(`  environment variables read (${env.length}):`);
  for (const [n, hash] of env) lines.push(`    ${n}  ${hash === null ? "unset" : "set"}${envHash(process.env[n]) === hash ? "" : " (differs now)"}`);
  lines.push(`  outside its files: ${f.outside.length === 0 ? "nothing (no network, no program)" : f.outside.join(", ")}`);
  return lines;
}
