// `npm run report -- NOTEBOOK [-p NAME VALUE]... [--out DIR] [--timeout SECONDS] [--no-code] [--force] [--strict]`
// `npm run reports -- [--out DIR] [--timeout SECONDS] [--no-code] [--force]` (every notebook in notebooks/)
// A notebook whose report is up to date (freshness.ts) is not run again unless --force;
// --explain says what its fingerprint holds and runs nothing.
import { DataError } from "../errors";
import { reportUsage } from "../args";
import { parseArgs, USAGE, UsageError, type CliOptions } from "./args";
import { signalsHandled } from "./kernel";
import { checkOutDir } from "./outdir";
import { forTerminal, reportOne, type Outcome } from "./report-one";

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
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
    for (const notebook of options.notebooks) process.stdout.write(forTerminal((await explain(notebook, options)).join("\n")).replace(/\u0000/g, "") + "\n");
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
    const outcomes: Outcome[] = [];
    for (const notebook of options.notebooks) {
      if (stop.signal.aborted) break;
      const outcome = await reportOne(notebook, options, stop.signal);
      outcomes.push(options.pdf && outcome.ok && !stop.signal.aborted ? await (require("../report/pdf") as typeof import("../report/pdf")).withPdf(outcome, options.outDir) : outcome);
    }
    // A signal that came while the last report was written is not lost to exit 0.
    const done = !stop.signal.aborted;
    if (done) await signalsHandled();
    if (stop.signal.aborted) {
      if (done) process.stderr.write(`stopped by ${String(stop.signal.reason)} after the last report was written (it is whole)\n`);
      return EXIT_CODES[String(stop.signal.reason)] ?? 1;
    }
    const failed = outcomes.filter((o) => !o.ok);
    if (options.command === "reports" && failed.length > 0) {
      process.stderr.write(`${failed.length} of ${outcomes.length} notebooks failed:\n${failed.map((o) => forTerminal(`  ${o.notebook}: ${o.summary}`)).join("\n")}\n`);
    }
    return failed.length === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
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
