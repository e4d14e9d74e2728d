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
   * `plainCall` imported from `plainModule`. Without `swap` (the loader is called by the library,
   * not by a cell), it runs as it is and the loader's own saving is weighed against it.
   */
  notebook: { path: string; parameter: string; more?: string[]; swap?: { call: string; plainCall: string; plainModule: string } };
}

/** A node process that runs `call` on the built library (`lib("a/b")` is dist/a/b.js) and exits 1 unless `check` holds for its result `r`. */
function node(call: string, check: string): string[] {
  const dist = JSON.stringify(join(ROOT, "dist"));
  return ["-e", `const lib = (p) => require(${dist} + "/" + p); Promise.resolve(${call}).then((r) => { if (!(${check})) process.exit(1); })`];
}

function entries(): Entry[] {
  const clubhouse = join(ROOT, "data", "clubhouse", "full", "users.db");
  const jelly = join(ROOT, "data", "jelly", "full", "events.ndjson.gz");
  const webrequest = join(ROOT, "data", "uniques", "full", "webrequest.tsv.gz");
  const columns = `{ columns: lib("jelly/load/columns").ANALYSIS_COLUMNS }`;
  return [
    {
      name: "clubhouse",
      input: { path: clubhouse, write: "npm run data -- --full clubhouse" },
      fast: { label: "packed rows, a worker thread", args: node(`lib("clubhouse/load/load-users").loadUsers(${JSON.stringify(clubhouse)})`, "r.count > 0") },
      plain: { label: "row by row, load-users-plain.ts", args: node(`lib("clubhouse/load/load-users-plain").loadUsersPlain(${JSON.stringify(clubhouse)})`, "r.count > 0") },
      notebook: { path: join(ROOT, "notebooks", "clubhouse.ipynb"), parameter: "dbPath", swap: { call: "clubhouse.loadUsers(", plainCall: "loadUsersPlain(", plainModule: "analysis/clubhouse/load/load-users-plain" } },
    },
    {
      name: "jelly",
      input: { path: jelly, write: "npm run data -- --full jelly" },
      fast: { label: "two worker threads, packed blocks", args: node(`lib("jelly/load/load-events").loadEvents(${JSON.stringify(jelly)}, ${columns})`, "r.frame.height > 0") },
      plain: { label: "this thread, load-events-plain.ts", args: node(`lib("jelly/load/load-events-plain").loadEventsPlain(${JSON.stringify(jelly)}, ${columns})`, "r.frame.height > 0") },
      notebook: { path: join(ROOT, "notebooks", "jelly-party.ipynb"), parameter: "eventsPath", swap: { call: "jelly.loadEvents(", plainCall: "loadEventsPlain(", plainModule: "analysis/jelly/load/load-events-plain" } },
    },
    {
      name: "uniques",
      input: { path: webrequest, write: "npm run data -- --full uniques" },
      fast: { label: "bytes counted as a worker inflates, tally-text.ts", args: node(`lib("uniques/load/webrequest").loadRequests(${JSON.stringify(webrequest)})`, "r.rows > 0 && r.signatures.month.height > 0") },
      plain: { label: "polars' streaming engine, loadRequestsPlain", args: node(`lib("uniques/load/webrequest").loadRequestsPlain(${JSON.stringify(webrequest)})`, "r.rows > 0 && r.signatures.month.height > 0") },
      notebook: { path: join(ROOT, "notebooks", "unique-devices.ipynb"), parameter: "webrequestPath", more: ["-p", "truthPath", join(ROOT, "data", "uniques", "full", "truth.json")] },
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
function notebookCopy(dir: string, notebook: Entry["notebook"], plain: boolean): string {
  const nb = JSON.parse(readFileSync(notebook.path, "utf8")) as { cells: { source: string | string[] }[] };
  const swap = notebook.swap;
  if (plain && swap) {
    const cell = nb.cells.find((c) => [c.source].flat().join("").includes(swap.call));
    if (!cell) throw new Error(`${relative(ROOT, notebook.path)} has no cell calling ${swap.call}`);
    const name = swap.plainCall.slice(0, -1);
    cell.source = `import { ${name} } from "${swap.plainModule}";\n${[cell.source].flat().join("").replace(swap.call, swap.plainCall)}`;
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
  const report = (file: string) => timed(process.execPath, [CLI, "report", file, "-p", notebook.parameter, entry.input.path, ...(notebook.more ?? []), "--force", "--out", out]);
  const pairs = Math.max(3, Math.ceil(runs / 2));
  const swap = notebook.swap;
  if (!swap) {
    // The library calls the loader: the notebook runs as it is, and the loader's saving is weighed against it.
    const file = notebookCopy(scratch, notebook, false);
    const asItIs: Measure[] = [];
    for (let i = 0; i < pairs; i++) asItIs.push(await report(file));
    const saved = median(seconds(ways.b)) - median(seconds(ways.a));
    const share = saved / (median(seconds(asItIs)) + saved);
    console.log(`  ${relative(ROOT, notebook.path)} (report --force), ${pairs} runs: ${row("as it is", asItIs)}`);
    console.log(`  the fast path saves ${(100 * share).toFixed(1)} % of what the notebook would take with the plain one: ${share >= SAVES_AT_LEAST ? "it pays" : `under ${100 * SAVES_AT_LEAST} %, it does not pay`}`);
    return;
  }
  const [fast, plain] = [notebookCopy(scratch, notebook, false), notebookCopy(scratch, notebook, true)];
  const whole = await paired(pairs, () => report(fast), () => report(plain));
  console.log(`  ${relative(ROOT, notebook.path)} (report --force), ${pairs} pairs:`);
  console.log(`    fast   ${row("as it is", whole.a)}`);
  console.log(`    plain  ${row(`${swap.plainCall.slice(0, -1)} in place of ${swap.call.slice(0, -1)}`, whole.b)}`);
  console.log(`    plain/fast, pair by pair: median ${range(whole.ratios)}×`);
  if (!readFileSync(join(out, "fast.json")).equals(readFileSync(join(out, "plain.json")))) throw new Error(`the notebook recorded other results with ${swap.plainCall.slice(0, -1)} (its .json differs)`);
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

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
