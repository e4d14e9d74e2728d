// npm run bench -- loaders: each loader's fast path against its plain version (kept as code beside
// it), as whole processes on the full-size data, in pairs whose order alternates; and the notebook
// the loader serves, as a user waits, to weigh the gain against (a fast path that gains less than
// 5 % of the whole notebook goes). Today: the Clubhouse loader.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { median } from "./lib/common";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const DB = join(ROOT, "data", "clubhouse", "full", "users.db");

async function wall(args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [status] = (await once(child, "exit")) as [number | null];
  if (status !== 0) throw new Error(`${args.join(" ")} failed (${status}):\n${stderr.slice(-2000)}`);
  return (performance.now() - t0) / 1000;
}

/** A process that loads the users with `fn` from the built library and reads every array once. */
const load = (module: string, fn: string) => ["-e", `Promise.resolve(require(${JSON.stringify(join(ROOT, "dist", "clubhouse", "load", module))}).${fn}(${JSON.stringify(DB)})).then((u) => { if (!(u.count > 0)) process.exit(1); })`];

async function main(): Promise<void> {
  if (!existsSync(DB)) {
    console.log(`skipped: ${relative(ROOT, DB)} is missing; write it with \`npm run data -- --full clubhouse\``);
    return;
  }
  const fast: number[] = [];
  const plain: number[] = [];
  await wall(load("load-users.js", "loadUsers")); // the page cache
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (["fast", "plain"] as const) : (["plain", "fast"] as const);
    for (const which of order) (which === "fast" ? fast : plain).push(await wall(which === "fast" ? load("load-users.js", "loadUsers") : load("load-users-plain.js", "loadUsersPlain")));
  }
  const scratch = mkdtempSync(join(ROOT, ".tmp-bench-loaders-"));
  const notebook: number[] = [];
  try {
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
      notebook.push(await wall([join(ROOT, "dist", "engine", "cli.js"), "report", join(ROOT, "notebooks", "clubhouse.ipynb"), "-p", "dbPath", relative(join(ROOT, "notebooks"), DB), "--force", "--out", scratch]));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const saved = median(plain) - median(fast);
  console.log(`Clubhouse loader on ${relative(ROOT, DB)}, ${RUNS} pairs, whole processes, node ${process.version}`);
  console.log(`  plain (row by row, load-users-plain.ts)  median ${median(plain).toFixed(2)} s (${plain.map((x) => x.toFixed(2)).join(", ")})`);
  console.log(`  fast  (packed rows, a worker thread)     median ${median(fast).toFixed(2)} s (${fast.map((x) => x.toFixed(2)).join(", ")})`);
  console.log(`  plain/fast ${(median(plain) / median(fast)).toFixed(2)}×; the notebook with the fast loader takes ${median(notebook).toFixed(2)} s, so the fast path saves ${((100 * saved) / (median(notebook) + saved)).toFixed(1)} % of what the plain one would cost it`);
}

const WEBREQUEST = join(ROOT, "data", "uniques", "full", "webrequest.tsv.gz");

/** A process that counts the extract's requests with `fn` (the fast path or the plain version). */
const loadUniques = (fn: string) => ["-e", `const r = require(${JSON.stringify(join(ROOT, "dist", "uniques", "load", "webrequest.js"))}).${fn}(${JSON.stringify(WEBREQUEST)}); if (!(r.rows > 0 && r.signatures.month.height > 0)) process.exit(1);`];

/** The unique-devices loader on the full extract: loadRequests (fast path) against loadRequestsPlain. */
async function uniques(): Promise<void> {
  if (!existsSync(WEBREQUEST)) {
    console.log(`skipped: ${relative(ROOT, WEBREQUEST)} is missing; write it with \`npm run data -- --full uniques\``);
    return;
  }
  const fast: number[] = [];
  const plain: number[] = [];
  await wall(loadUniques("loadRequests")); // the page cache
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (["fast", "plain"] as const) : (["plain", "fast"] as const);
    for (const which of order) (which === "fast" ? fast : plain).push(await wall(loadUniques(which === "fast" ? "loadRequests" : "loadRequestsPlain")));
  }
  const scratch = mkdtempSync(join(ROOT, ".tmp-bench-loaders-"));
  const notebook: number[] = [];
  try {
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
      notebook.push(await wall([join(ROOT, "dist", "engine", "cli.js"), "report", join(ROOT, "notebooks", "unique-devices.ipynb"), "-p", "webrequestPath", relative(join(ROOT, "notebooks"), WEBREQUEST), "-p", "truthPath", relative(join(ROOT, "notebooks"), join(ROOT, "data", "uniques", "full", "truth.json")), "--force", "--out", scratch]));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const saved = median(plain) - median(fast);
  console.log(`unique-devices loader on ${relative(ROOT, WEBREQUEST)}, ${RUNS} pairs, whole processes, node ${process.version}`);
  console.log(`  plain (polars' streaming engine, loadRequestsPlain)   median ${median(plain).toFixed(2)} s (${plain.map((x) => x.toFixed(2)).join(", ")})`);
  console.log(`  fast  (bytes counted as a worker inflates, tally-text) median ${median(fast).toFixed(2)} s (${fast.map((x) => x.toFixed(2)).join(", ")})`);
  console.log(`  plain/fast ${(median(plain) / median(fast)).toFixed(2)}×; the notebook with the fast loader takes ${median(notebook).toFixed(2)} s, so the fast path saves ${((100 * saved) / (median(notebook) + saved)).toFixed(1)} % of what the plain one would cost it`);
}

main().then(uniques).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
