// npm run bench -- loaders: each loader's fast path against its plain version (kept as code beside
// it), as whole processes on the full-size data, in pairs whose order alternates; then the notebook
// the loader serves, both ways, to weigh the gain against: run as it is and with the loader's call
// replaced by the plain one. A fast path that saves less than 5 % of the notebook goes.
// Entries: clubhouse, jelly, uniques. BENCH_LOADERS=jelly,clubhouse runs some of them; BENCH_RUNS=N pairs.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, relative, resolve } from "node:path";
import { median } from "./lib/common";
import { timed, type Measure } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "dist", "engine", "cli.js");
const SAVES_AT_LEAST = 0.05;

interface Way {
  /** What this way does, in a few words. */
  label: string;
  /** The arguments of the node process. */
  args: string[];
}

interface Entry {
  name: string;
  /** The full-size input (the entry is skipped, saying how to write it, when it is missing). */
  input: { path: string; write: string };
  fast: Way;
  plain: Way;
  /**
   * The notebook the loader serves, with its parameter: run as it is, and with `call` replaced by
   * `plainCall` imported from `plainModule`.
   */
  notebook: { path: string; parameter: string; call: string; plainCall: string; plainModule: string };
}

/** A node process that runs `call` on the built library (`lib("a/b")` is dist/a/b.js) and exits 1 unless `check` holds for its result `r`. */
function node(call: string, check: string): string[] {
  const dist = JSON.stringify(join(ROOT, "dist"));
  return ["-e", `const lib = (p) => require(${dist} + "/" + p); Promise.resolve(${call}).then((r) => { if (!(${check})) process.exit(1); })`];
}

function entries(): Entry[] {
  const clubhouse = join(ROOT, "data", "clubhouse", "full", "users.db");
  const jelly = join(ROOT, "data", "jelly", "full", "events.ndjson.gz");
  const columns = `{ columns: lib("jelly/load/columns").ANALYSIS_COLUMNS }`;
  return [
    {
      name: "clubhouse",
      input: { path: clubhouse, write: "npm run data -- --full clubhouse" },
      fast: { label: "packed rows, a worker thread", args: node(`lib("clubhouse/load/load-users").loadUsers(${JSON.stringify(clubhouse)})`, "r.count > 0") },
      plain: { label: "row by row, load-users-plain.ts", args: node(`lib("clubhouse/load/load-users-plain").loadUsersPlain(${JSON.stringify(clubhouse)})`, "r.count > 0") },
      notebook: { path: join(ROOT, "notebooks", "clubhouse.ipynb"), parameter: "dbPath", call: "clubhouse.loadUsers(", plainCall: "loadUsersPlain(", plainModule: "analysis/clubhouse/load/load-users-plain" },
    },
    {
      name: "jelly",
      input: { path: jelly, write: "npm run data -- --full jelly" },
      fast: { label: "two worker threads, packed blocks", args: node(`lib("jelly/load/load-events").loadEvents(${JSON.stringify(jelly)}, ${columns})`, "r.frame.height > 0") },
      plain: { label: "this thread, load-events-plain.ts", args: node(`lib("jelly/load/load-events-plain").loadEventsPlain(${JSON.stringify(jelly)}, ${columns})`, "r.frame.height > 0") },
      notebook: { path: join(ROOT, "notebooks", "jelly-party.ipynb"), parameter: "eventsPath", call: "jelly.loadEvents(", plainCall: "loadEventsPlain(", plainModule: "analysis/jelly/load/load-events-plain" },
    },
  ];
}

/** `a` and `b` in `n` pairs, the first of each pair alternating; each pair's ratio b/a. */
async function paired(n: number, a: () => Promise<Measure>, b: () => Promise<Measure>): Promise<{ a: Measure[]; b: Measure[]; ratios: number[] }> {
  const out = { a: [] as Measure[], b: [] as Measure[], ratios: [] as number[] };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
    out.ratios.push((out.b[i] as Measure).seconds / (out.a[i] as Measure).seconds);
    process.stderr.write(`  pair ${i + 1}/${n}: ${(out.a[i] as Measure).seconds.toFixed(2)} s, ${(out.b[i] as Measure).seconds.toFixed(2)} s\n`);
  }
  return out;
}

const seconds = (ms: Measure[]) => ms.map((m) => m.seconds);
const range = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
const row = (label: string, ms: Measure[]) => `median ${median(seconds(ms)).toFixed(2)} s (${seconds(ms).map((x) => x.toFixed(2)).join(", ")}), cpu ${median(ms.map((m) => m.cpu)).toFixed(2)} s, peak ${Math.round(median(ms.map((m) => m.peakMb)))} MB   ${label}`;

/** A copy of the notebook in `dir`, with the loader's call replaced by the plain one when `plain`. */
function notebookCopy(dir: string, notebook: NonNullable<Entry["notebook"]>, plain: boolean): string {
  const nb = JSON.parse(readFileSync(notebook.path, "utf8")) as { cells: { source: string | string[] }[] };
  if (plain) {
    const cell = nb.cells.find((c) => [c.source].flat().join("").includes(notebook.call));
    if (!cell) throw new Error(`${relative(ROOT, notebook.path)} has no cell calling ${notebook.call}`);
    const name = notebook.plainCall.slice(0, -1);
    cell.source = `import { ${name} } from "${notebook.plainModule}";\n${[cell.source].flat().join("").replace(notebook.call, notebook.plainCall)}`;
  }
  const file = join(dir, `${plain ? "plain" : "fast"}.ipynb`);
  writeFileSync(file, JSON.stringify(nb));
  return file;
}

async function bench(entry: Entry, runs: number, scratch: string): Promise<void> {
  console.log(`\n${entry.name} on ${relative(ROOT, entry.input.path)}: ${runs} pairs, whole processes, node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
  await timed(process.execPath, entry.fast.args); // the page cache, the compiled library
  const ways = await paired(runs, () => timed(process.execPath, entry.fast.args), () => timed(process.execPath, entry.plain.args));
  console.log(`  fast   ${row(entry.fast.label, ways.a)}`);
  console.log(`  plain  ${row(entry.plain.label, ways.b)}`);
  console.log(`  plain/fast, pair by pair: median ${range(ways.ratios)}×`);
  const notebook = entry.notebook;
  const out = join(scratch, "reports");
  const report = (file: string) => timed(process.execPath, [CLI, "report", file, "-p", notebook.parameter, entry.input.path, "--force", "--out", out]);
  const [fast, plain] = [notebookCopy(scratch, notebook, false), notebookCopy(scratch, notebook, true)];
  const pairs = Math.max(3, Math.ceil(runs / 2));
  const whole = await paired(pairs, () => report(fast), () => report(plain));
  console.log(`  ${relative(ROOT, notebook.path)} (report --force), ${pairs} pairs:`);
  console.log(`    fast   ${row("as it is", whole.a)}`);
  console.log(`    plain  ${row(`${notebook.plainCall.slice(0, -1)} in place of ${notebook.call.slice(0, -1)}`, whole.b)}`);
  console.log(`    plain/fast, pair by pair: median ${range(whole.ratios)}×`);
  if (!readFileSync(join(out, "fast.json")).equals(readFileSync(join(out, "plain.json")))) throw new Error(`the notebook recorded other results with ${notebook.plainCall.slice(0, -1)} (its .json differs)`);
  console.log("    both ways, the notebook recorded the same results (its .json, byte for byte)");
  const saved = 1 - 1 / median(whole.ratios);
  console.log(`  the fast path saves ${(100 * saved).toFixed(1)} % of the notebook with the plain one: ${saved >= SAVES_AT_LEAST ? "it pays" : `under ${100 * SAVES_AT_LEAST} %, it does not pay`}`);
}

async function main(): Promise<void> {
  const wanted = process.env["BENCH_LOADERS"]?.split(",");
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, ".tmp", "bench-loaders-"));
  try {
    for (const entry of entries()) {
      if (wanted && !wanted.includes(entry.name)) continue;
      if (!existsSync(entry.input.path)) {
        console.log(`\n${entry.name}: skipped, ${relative(ROOT, entry.input.path)} is missing; write it with \`${entry.input.write}\``);
        continue;
      }
      await bench(entry, Number(process.env["BENCH_RUNS"] ?? 5), scratch);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
