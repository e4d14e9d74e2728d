// `npm run report -- NOTEBOOK [-p NAME VALUE]... [--name NAME] [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict]`
// `npm run reports -- [--manifest FILE] [--jobs N] [--out DIR] [--timeout SECONDS] [--no-code] [--force]` (the runs
// reports.json lists and every notebook in notebooks/ it does not, up to N at once, each on its own kernel; N is the
// number of cores unless given), then a comparison page per set of runs and the front page, reports/index.html.
// A run whose report is up to date (freshness.ts) is not run again unless --force;
// --explain says what its fingerprint holds and runs nothing. The last line names the page to open.
import "./cli-start"; // first: what follows loads from the code cache
import { DataError } from "../errors";
import { reportUsage } from "../args";
import { parseArgs, USAGE, UsageError, type CliOptions } from "./args";
import { signalsHandled } from "./kernel";
import { checkOutDir } from "./outdir";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { reportName } from "../notebook/notebook";
import { forTerminal, reportOne, type Outcome } from "./report-one";
import { stderrTerminal } from "./terminal";

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    // A manifest that cannot be used is one line naming it, the entry and what was expected.
    if (e instanceof DataError) {
      process.stderr.write(`${forTerminal(e.message)}\n`);
      return 2;
    }
    if (!(e instanceof UsageError)) throw e;
    return reportUsage(e, USAGE);
  }
  // Without Chromium, --pdf says what to install before anything is run or written.
  const missing = options.pdf && !options.explain ? (require("../report/pdf") as typeof import("../report/pdf")).chromiumMissing() : undefined;
  if (missing !== undefined) {
    process.stderr.write(`${missing}\n`);
    return 2;
  }
  try {
    checkOutDir(options.outDir);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    process.stderr.write(`${forTerminal(e.message)}\n`);
    return 2;
  }
  if (options.explain) {
    const { explain } = require("./explain") as typeof import("./explain");
    for (const run of options.runs) process.stdout.write(forTerminal((await explain(run, options)).join("\n")).replace(/\u0000/g, "") + "\n");
    return 0;
  }
  // The first Ctrl-C (or SIGTERM) stops the kernel and ends the run cleanly; a second one exits at once.
  const stop = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(EXIT_CODES[name] ?? 1);
    stop.abort(name);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (options.watch) {
      await (require("./watch") as typeof import("./watch")).watch(options, stop.signal);
      return EXIT_CODES[String(stop.signal.reason)] ?? 1;
    }
    const outcomes = await reportAll(options, stop.signal);
    // A signal that came while the last report was written is not lost to exit 0.
    const done = !stop.signal.aborted;
    if (done) await signalsHandled();
    if (stop.signal.aborted) {
      if (done) process.stderr.write(`stopped by ${String(stop.signal.reason)} after the last report was written (it is whole)\n`);
      return EXIT_CODES[String(stop.signal.reason)] ?? 1;
    }
    const failed = outcomes.filter((o) => !o.ok);
    if (options.command === "reports" && failed.length > 0) {
      process.stderr.write(`${failed.length} of ${outcomes.length} notebooks failed:\n${failed.map((o) => forTerminal(`  ${o.name === reportName(o.notebook) ? o.notebook : `${o.name} (${o.notebook})`}: ${o.summary}`)).join("\n")}\n`);
    }
    process.stdout.write(`open ${await frontPage(options, outcomes)}\n`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * Every notebook's report, up to `options.jobs` at once; the outcomes in the notebooks' order.
 * A signal stops the running notebooks (each ends its own kernel) and starts no other.
 */
async function reportAll(options: CliOptions, signal: AbortSignal): Promise<Outcome[]> {
  const terminal = stderrTerminal();
  const outcomes: (Outcome | undefined)[] = options.runs.map(() => undefined);
  const queue = options.runs.entries();
  const printed = async (outcome: Outcome): Promise<Outcome> => {
    if (!(options.pdf && outcome.ok) || signal.aborted) return outcome;
    // withPdf says how the printing went on stderr itself, in whole lines.
    terminal.hold();
    try {
      return await (require("../report/pdf") as typeof import("../report/pdf")).withPdf(outcome, options.outDir);
    } finally {
      terminal.release();
    }
  };
  const worker = async () => {
    for (const [i, run] of queue) {
      if (signal.aborted) return;
      outcomes[i] = await printed(await reportOne(run, options, signal, undefined, terminal));
    }
  };
  // Each worker takes the next notebook when its own is done; all of them end before a bug's error goes on.
  const ended = await Promise.allSettled(Array.from({ length: Math.min(options.jobs, options.runs.length) }, worker));
  for (const e of ended) if (e.status === "rejected") throw e.reason;
  return outcomes.filter((o): o is Outcome => o !== undefined);
}

/**
 * The page to open when the run is over: for `reports`, the front page (index.html, written after
 * the comparison pages, up to date or not); for `report`, the report (or its failed page).
 */
async function frontPage(options: CliOptions, outcomes: readonly Outcome[]): Promise<string> {
  if (options.command === "report") {
    const outcome = outcomes[0];
    const name = outcome?.name ?? options.runs[0]?.name ?? "";
    const failed = join(options.outDir, `${name}.failed.html`);
    return outcome !== undefined && !outcome.ok && existsSync(failed) ? failed : join(options.outDir, `${name}.html`);
  }
  const { writeOverview } = require("./overview") as typeof import("./overview");
  return writeOverview(options, outcomes);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${forTerminal(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      process.exit(1);
    },
  );
}
