// `npm run reports -- --watch` (or `npm run watch`): the reports are brought up to date, then each
// notebook waits on a kernel started for it; when the notebook or a file its last run read changes
// (by its bytes), it runs again on that warm kernel, and a new kernel starts for the next change.
import { watch as watchFolder, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { baseFingerprint, libraryBuild } from "./freshness";
import { readLastReport } from "./last-report";
import type { CliOptions } from "./args";
import { reportOne, whyRun, type WarmKernel } from "./report-one";
import { readNotebook, reportName, sourceOf, type Notebook } from "./notebook";
import { startRunKernel, type RunKernel } from "./runner";

/** Editors write a file in several steps (truncate, write, rename): one run for the lot. */
const SETTLE_MS = 40;

/** The notebook and every file its last run read, absolute; and the folders it listed. */
function watchedFiles(notebook: string, outDir: string): { files: string[]; folders: string[] } {
  const last = readLastReport(outDir, reportName(notebook));
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
 * A kernel for the next run, with the notebook's packages already loaded and their declarations
 * read by tslab's compiler (a cell of bare imports: it defines nothing), so that the first cell of
 * the run does not wait for them. A kernel whose warm-up failed is replaced by a cold one: tslab
 * answers "abort" to every request after an error.
 */
async function warmUp(notebook: string): Promise<RunKernel> {
  const started = await startRunKernel(notebook);
  const modules = importedModules(readNotebook(notebook));
  if (modules.length === 0) return started;
  const reply = await started.kernel.execute(modules.map((m) => `import ${JSON.stringify(m)};`).join("\n")).catch(() => undefined);
  if (reply?.status === "ok") return started;
  await started.kernel.shutdown();
  started.tracker.dispose();
  return startRunKernel(notebook);
}

class Watched {
  private warm: WarmKernel & { library: string };
  private folders: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private changedAt = 0;

  constructor(
    readonly notebook: string,
    private readonly options: CliOptions,
  ) {
    this.warm = this.startKernel();
    this.watchInputs();
  }

  private startKernel(): WarmKernel & { library: string } {
    const library = libraryBuild();
    const warm: WarmKernel & { library: string } = { kernel: warmUp(this.notebook), library };
    warm.kernel.catch(() => {}); // reported by the run that awaits it
    return warm;
  }

  /** Watches the folders of the files (a rename into place replaces the file a watcher on it would hold). */
  private watchInputs(): void {
    for (const w of this.folders) w.close();
    const byFolder = new Map<string, Set<string | typeof ANY>>();
    const { files, folders } = watchedFiles(this.notebook, this.options.outDir);
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
    if (this.timer === undefined) this.changedAt = performance.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runIfStale();
    }, SETTLE_MS);
  }

  private async runIfStale(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      const base = baseFingerprint(this.notebook, this.options.parameters, this.options.includeCode);
      const why = await whyRun(this.notebook, this.options, base, readLastReport(this.options.outDir, reportName(this.notebook)));
      if (why === undefined) return; // touched, same bytes
      const err = process.stderr;
      const changedAt = this.changedAt;
      // A kernel that loaded the library before it was rebuilt would run the old one.
      let warm: WarmKernel = this.warm;
      if (this.warm.library !== base.library) {
        void this.warm.kernel.then((k) => (k.tracker.dispose(), k.kernel.shutdown()), () => {});
        warm = { kernel: startRunKernel(this.notebook) };
      }
      warm.why = why;
      warm.onProgress = (p) => {
        // The second cell starting is the first one's result.
        if (p.step === 2) err.write(`${reportName(this.notebook)}: first cell's result ${Math.round(performance.now() - changedAt)} ms after the change\n`);
      };
      // The next change finds a kernel ready while this run goes on.
      this.warm = this.startKernel();
      await reportOne(this.notebook, this.options, undefined, warm).catch((e: unknown) => err.write(`${this.notebook}: ${e instanceof Error ? e.message : String(e)}\n`));
      this.watchInputs();
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.runIfStale();
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    for (const w of this.folders) w.close();
    await this.warm.kernel.then((k) => (k.tracker.dispose(), k.kernel.shutdown()), () => {});
  }
}

/** Runs until SIGINT or SIGTERM, then stops the waiting kernels and resolves with the exit status. */
export async function watch(options: CliOptions): Promise<number> {
  for (const notebook of options.notebooks) await reportOne(notebook, options).catch((e: unknown) => process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`));
  const watched = options.notebooks.map((nb) => new Watched(nb, { ...options, force: false }));
  process.stderr.write(`watching ${watched.length} notebook${watched.length === 1 ? "" : "s"} and the files they read; Ctrl-C stops\n`);
  const signal = await new Promise<NodeJS.Signals>((resolveSignal) => {
    process.once("SIGINT", () => resolveSignal("SIGINT"));
    process.once("SIGTERM", () => resolveSignal("SIGTERM"));
  });
  await Promise.all(watched.map((w) => w.close()));
  process.stderr.write(`stopped watching (${signal})\n`);
  return signal === "SIGINT" ? 130 : 143;
}
