// The script of the kernel's V8 startup snapshot (kernel-snapshot.ts builds it with
// `node --snapshot-blob FILE --build-snapshot dist/engine/snapshot-entry.js` in the notebooks'
// folder; the runner starts kernels with `node --snapshot-blob FILE kernel --config-path …`).
//
// Building, it does what every kernel otherwise does before its first cell: load tslab and its
// TypeScript, and prepare tslab's converter (the lib and @types declarations parsed and bound, most
// of the kernel's start). Started from the snapshot, the process has that converter at once, then
// runs the launcher (launch-tslab.ts) as a plain start would, with tslab handed this converter.
//
// - Node.js cannot keep its own module loader's state in a snapshot (a user-land require() while
//   building fails an assertion when the snapshot is deserialized), so tslab and TypeScript are
//   loaded by the small CommonJS loader below, and this file imports nothing but Node's own modules.
// - tslab watches each declaration file it read; a snapshot cannot hold watchers (libuv handles),
//   so they are recorded while building and started once the process runs. The files' list is
//   written beside the snapshot (ANALYSIS_SNAPSHOT_FILES): kernel-snapshot.ts checks their bytes
//   before each use.
//
// While building, a script gets only require, __filename and __dirname (no exports): so this file
// is a script (no import or export), its names kept in one function.
(() => {
  const { existsSync, readFileSync, statSync, writeFileSync } = require("node:fs") as typeof import("node:fs");
  const Module = require("node:module") as typeof import("node:module");
  const { dirname, join, resolve } = require("node:path") as typeof import("node:path");
  const { startupSnapshot } = require("node:v8") as typeof import("node:v8");

  type Exports = Record<string, unknown>;

  function isBuiltin(id: string): boolean {
    if (id.startsWith(".") || id.startsWith("/")) return false;
    try {
      require(id);
      return true;
    } catch {
      return false;
    }
  }

  function asFile(path: string): string | undefined {
    return [path, `${path}.js`, `${path}.json`, join(path, "index.js")].find((c) => existsSync(c) && statSync(c).isFile());
  }

  /** Node's resolution, as far as tslab and TypeScript need it: relative paths, packages and their `main`. */
  function resolveFrom(dir: string, id: string): string {
    if (id.startsWith(".") || id.startsWith("/")) {
      const file = asFile(resolve(dir, id));
      if (file) return file;
    } else {
      const parts = id.split("/");
      const nameLength = id.startsWith("@") ? 2 : 1;
      for (let d = dir; ; d = dirname(d)) {
        const pkg = join(d, "node_modules", ...parts.slice(0, nameLength));
        if (existsSync(pkg)) {
          const sub = parts.slice(nameLength).join("/");
          const main = sub ? join(pkg, sub) : join(pkg, (JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { main?: string }).main ?? "index.js");
          const file = asFile(main);
          if (file) return file;
        }
        if (d === dirname(d)) break;
      }
    }
    throw new Error(`the kernel's snapshot: cannot resolve ${id} from ${dir}`);
  }

  const loaded = new Map<string, { exports: Exports }>();

  /** A CommonJS module, compiled with `new Function`, outside Node's loader. */
  function load(file: string): Exports {
    const known = loaded.get(file);
    if (known) return known.exports;
    const module = { exports: {} as Exports };
    loaded.set(file, module);
    if (file.endsWith(".json")) {
      module.exports = JSON.parse(readFileSync(file, "utf8")) as Exports;
      return module.exports;
    }
    const dir = dirname(file);
    const req = Object.assign((id: string): unknown => (isBuiltin(id) ? require(id) : load(resolveFrom(dir, id))), { resolve: (id: string) => resolveFrom(dir, id) });
    const body = readFileSync(file, "utf8").replace(/^#!.*/, "");
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    (new Function("exports", "require", "module", "__filename", "__dirname", body) as (...a: unknown[]) => void)(module.exports, req, module, file, dir);
    return module.exports;
  }

  interface Sys {
    watchFile(path: string, callback: unknown, interval?: number): { close(): void };
    watchDirectory(path: string, callback: unknown, recursive?: boolean): { close(): void };
  }
  interface Watch {
    kind: "file" | "directory";
    path: string;
    callback: unknown;
    option: number | boolean | undefined;
    closed: boolean;
    real?: { close(): void };
  }
  interface Converter {
    createConverter(options?: { isJS?: boolean; isBrowser?: boolean }): unknown;
  }

  const cwd = process.cwd();
  const tslab = dirname(resolveFrom(cwd, "tslab/package.json"));
  const tsFile = resolveFrom(join(tslab, "dist"), "@tslab/typescript-for-tslab");
  const ts = load(tsFile) as { sys: Sys };
  const real = { watchFile: ts.sys.watchFile, watchDirectory: ts.sys.watchDirectory };
  const watches: Watch[] = [];
  const recorder =
    (kind: Watch["kind"]) =>
    (path: string, callback: unknown, option?: number | boolean): { close(): void } => {
      const w: Watch = { kind, path, callback, option, closed: false };
      watches.push(w);
      return {
        close: () => {
          w.closed = true;
          w.real?.close();
        },
      };
    };
  ts.sys.watchFile = recorder("file");
  ts.sys.watchDirectory = recorder("directory");
  const converterFile = join(tslab, "dist", "converter.js");
  const converterModule = load(converterFile) as unknown as Converter;
  // As tslab's main makes it for a TypeScript kernel (its `_node` converter).
  const prepared = converterModule.createConverter({ isJS: false, isBrowser: false });
  if (process.env["ANALYSIS_SNAPSHOT_FILES"]) {
    writeFileSync(process.env["ANALYSIS_SNAPSHOT_FILES"], JSON.stringify(watches.filter((w) => w.kind === "file").map((w) => w.path)));
  }

  startupSnapshot.setDeserializeMainFunction(() => {
    // Built for one folder: its paths are in the converter.
    if (process.cwd() !== cwd) throw new Error(`the kernel's snapshot was built for ${cwd}, not ${process.cwd()}`);
    for (const w of watches) {
      if (!w.closed) w.real = w.kind === "file" ? real.watchFile(w.path, w.callback, w.option as number | undefined) : real.watchDirectory(w.path, w.callback, w.option as boolean | undefined);
    }
    ts.sys.watchFile = real.watchFile;
    ts.sys.watchDirectory = real.watchDirectory;
    // tslab's other modules load through Node's loader as usual; they get this TypeScript and this
    // converter module, whose first TypeScript converter is the prepared one.
    const put = (file: string, exports: unknown) => {
      const m = new Module(file);
      m.filename = file;
      m.loaded = true;
      m.exports = exports;
      (Module as unknown as { _cache: Record<string, InstanceType<typeof Module>> })._cache[file] = m;
    };
    const create = converterModule.createConverter;
    let handedOver = false;
    converterModule.createConverter = (options) => {
      if (handedOver || options?.isJS || options?.isBrowser) return create(options);
      handedOver = true;
      return prepared;
    };
    put(tsFile, ts);
    put(converterFile, converterModule);
    const launcher = join(__dirname, "launch-tslab.js");
    // `node --snapshot-blob FILE kernel --config-path F`: tslab reads its arguments after the script's name.
    process.argv.splice(1, 0, launcher);
    (Module.createRequire(launcher)(launcher) as { launch(): void }).launch();
  });
})();
