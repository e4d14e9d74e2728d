// `npm run reports -- --watch` (or `npm run watch`): the reports are brought up to date, then each
// notebook waits on a kernel started for it; when the notebook or a file its last run read changes
// (by its bytes), it runs again on that warm kernel, and a new kernel starts for the next change.
import { watch as watchFolder, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { baseFingerprint, libraryBuild } from "./freshness";
import { readLastReport } from "./last-report";
import type { CliOptions } from "./args";
import { forTerminal, reportOne, whyRun, type WarmKernel } from "./report-one";
import { checkKernel, readNotebook, sourceOf, type Notebook } from "../notebook/notebook";
import type { Run } from "./manifest";
import { injectParameters } from "./parameters";
import { startRunKernel, stopRunKernel, type RunKernel } from "./run-kernel";
import { DataError } from "../errors";

/** Editors write a file in several steps (truncate, write, rename): one run for the lot. */
const SETTLE_MS = 40;

/** The notebook and every file its last run read, absolute; and the folders it listed. */
function watchedFiles({ notebook, name }: Run, outDir: string): { files: string[]; folders: string[] } {
  const last = readLastReport(outDir, name);
  const stamps = last.state === "intact" ? last.seal.fingerprint.files : [];
  const base = dirname(resolve(notebook));
  return {
    files: [resolve(notebook), ...stamps.flatMap((s) => (s.kind === "folder" ? [] : [resolve(base, s.path)]))],
    folders: stamps.flatMap((s) => (s.kind === "folder" ? [resolve(base, s.path)] : [])),
  };
}

/** Any name in a folder whose listing counts. */
const ANY = Symbol("any name");

/** The packages the notebook's cells import, e.g. ["nodejs-polars", "analysis/display"]. */
export function importedModules(notebook: Notebook): string[] {
  const found = new Set<string>();
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    for (const m of sourceOf(cell).matchAll(/^\s*import\s+(?:[^"';]+?\s+from\s+)?["']([^"']+)["']/gm)) found.add(m[1] as string);
  }
  return [...found].filter((m) => !m.startsWith("."));
}

/**
 * Why the notebook cannot run as it now is, or undefined: an editor's partial save (JSON cut
 * short), a notebook for another kernel, a parameter it does not declare.
 */
function cannotRun({ notebook, parameters }: Run): string | undefined {
  try {
    const source = readNotebook(notebook);
    checkKernel(source, notebook);
    injectParameters(source, parameters, notebook);
    return undefined;
  } catch (e) {
    if (e instanceof DataError) return e.message;
    throw e;
  }
}

/**
 * A kernel for the next run, with the notebook's packages already loaded and their declarations
 * read by tslab's compiler (a cell of bare imports: it defines nothing), so that the first cell of
 * the run does not wait for them. A kernel whose warm-up failed is replaced by a cold one: tslab
 * answers "abort" to every request after an error. A notebook that cannot be read now (an editor
 * is saving it) gets a cold kernel too.
 */
async function warmUp(notebook: string): Promise<RunKernel> {
  let modules: string[] = [];
  try {
    modules = importedModules(readNotebook(notebook));
  } catch {
    // read again when it runs
  }
  const started = await startRunKernel(notebook);
  if (modules.length === 0) return started;
  const reply = await started.kernel.execute(modules.map((m) => `import ${JSON.stringify(m)};`).join("\n")).catch(() => undefined);
  if (reply?.status === "ok") return started;
  await stopRunKernel(Promise.resolve(started));
  return startRunKernel(notebook);
}

/** The kernel waiting for the notebook's next run, and the library build it loaded. */
interface Warm {
  kernel: Promise<RunKernel>;
  library: string;
}

class Watched {
  /** At most one at any time: it is handed to a run, or stopped, before the next one starts. */
  private warm: Warm;
  private folders: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private changedAt = 0;

  private readonly notebook: string;

  constructor(
    readonly run: Run,
    private readonly options: CliOptions,
    /** Aborted by SIGINT or SIGTERM: the run in progress stops, no new one starts. */
    private readonly stop: AbortSignal,
  ) {
    this.notebook = run.notebook;
    this.warm = this.startKernel();
    this.watchInputs();
  }

  private startKernel(): Warm {
    const warm = { kernel: warmUp(this.notebook), library: libraryBuild() };
    warm.kernel.catch(() => {}); // reported by the run that awaits it
    return warm;
  }

  /** Watches the folders of the files (a rename into place replaces the file a watcher on it would hold). */
  private watchInputs(): void {
    for (const w of this.folders) w.close();
    const byFolder = new Map<string, Set<string | typeof ANY>>();
    const { files, folders } = watchedFiles(this.run, this.options.outDir);
    for (const file of files) {
      const names = byFolder.get(dirname(file)) ?? new Set();
      byFolder.set(dirname(file), names.add(basename(file)));
    }
    for (const folder of folders) byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(ANY));
    this.folders = [...byFolder].flatMap(([folder, names]) => {
      try {
        return [watchFolder(folder, (_event, name) => (names.has(ANY) || (name !== null && names.has(name.toString()))) && this.changed())];
      } catch {
        return []; // a folder that is gone: nothing in it to wait for
      }
    });
  }

  private changed(): void {
    if (this.stop.aborted) return;
    if (this.timer === undefined) this.changedAt = performance.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runIfStale();
    }, SETTLE_MS);
  }

  private runIfStale(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((e: unknown) => void process.stderr.write(forTerminal(`${this.notebook}: ${e instanceof Error ? e.message : String(e)}`) + "\n"))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stop.aborted) {
          this.again = false;
          this.runIfStale();
        }
      });
  }

  private async runOnce(): Promise<void> {
    const err = process.stderr;
    // An editor's partial save: one line, and the warm kernel waits for the next save.
    const problem = cannotRun(this.run);
    if (problem !== undefined) {
      err.write(forTerminal(`${problem}; waiting for the next save`) + "\n");
      return;
    }
    const base = baseFingerprint(this.notebook, this.run.parameters, this.options.includeCode);
    const why = await whyRun(this.notebook, this.options, base, readLastReport(this.options.outDir, this.run.name));
    if (why === undefined || this.stop.aborted) return; // touched, same bytes
    const changedAt = this.changedAt;
    // A kernel that loaded the library before it was rebuilt would run the old one; one that
    // did not start is tried again.
    let kernel = this.warm.kernel;
    if (this.warm.library !== base.library) {
      void stopRunKernel(kernel);
      kernel = startRunKernel(this.notebook);
    }
    kernel = kernel.catch(() => startRunKernel(this.notebook));
    const warm: WarmKernel = {
      kernel,
      why,
      onProgress: (p) => {
        // The second cell starting is the first one's result.
        if (p.step === 2) err.write(`${this.run.name}: first cell's result ${Math.round(performance.now() - changedAt)} ms after the change\n`);
      },
    };
    // The next change finds a kernel ready while this run goes on.
    this.warm = this.startKernel();
    await reportOne(this.run, this.options, this.stop, warm).catch((e: unknown) => {
      // reportOne failed before its run took the kernel.
      void stopRunKernel(kernel);
      throw e;
    });
    if (!this.stop.aborted) this.watchInputs();
  }

  /** Stops watching: the run in progress ends (it got the signal), then the waiting kernel. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    for (const w of this.folders) w.close();
    await this.running;
    await stopRunKernel(this.warm.kernel);
  }
}

/**
 * Brings the reports up to date, then runs each notebook again when it or what it read changes,
 * until `stop` is aborted (SIGINT or SIGTERM: the CLI's handlers). Then the run in progress ends,
 * as a run of the CLI does, and the waiting kernels stop: no kernel and no kernel folder is left.
 */
export async function watch(options: CliOptions, stop: AbortSignal): Promise<void> {
  for (const run of options.runs) {
    if (stop.aborted) break;
    await reportOne(run, options, stop).catch((e: unknown) => process.stderr.write(forTerminal(e instanceof Error ? e.message : String(e)) + "\n"));
  }
  if (!stop.aborted) {
    const watched = options.runs.map((run) => new Watched(run, { ...options, force: false }, stop));
    process.stderr.write(`watching ${watched.length} report${watched.length === 1 ? "" : "s"} and the files they read; Ctrl-C stops\n`);
    await new Promise((resolveStop) => stop.addEventListener("abort", resolveStop, { once: true }));
    await Promise.all(watched.map((w) => w.close()));
  }
  process.stderr.write(`stopped watching (${String(stop.reason)})\n`);
}
