// The script of the kernel's V8 startup snapshot (kernel-snapshot.ts builds it with
// `node --snapshot-blob FILE --build-snapshot dist/engine/snapshot-entry.js` in the notebooks'
// folder; the runner starts kernels with `node --snapshot-blob FILE kernel --config-path …`).
//
// Building, it does what every kernel otherwise does before its first cell: load tslab and its
// TypeScript, and prepare tslab's converter (the lib and @types declarations parsed and bound, most
// of the kernel's start). Started from the snapshot in that folder, the process has that converter
// at once, then runs the launcher (launch-tslab.ts) as a plain start would, with tslab handed this
// converter. Started in another folder, tslab makes a converter of its own (the paths in one are
// its folder's), from the declaration files parsed here: those whose text is unchanged are not
// parsed again.
//
// - Node.js cannot keep its own module loader's state in a snapshot (a user-land require() while
//   building fails an assertion when the snapshot is deserialized), so tslab and TypeScript are
//   loaded by the small CommonJS loader below, and this file imports nothing but Node's own modules.
// - The parsed files are kept by a hook in TypeScript's compiler host, where it parses a file it
//   read: the hook goes into TypeScript's text as this loader compiles it (a TypeScript without
//   that line has no hook; the stamp says so, and other folders' converters parse as before).
// - tslab watches each declaration file it read; a snapshot cannot hold watchers (libuv handles),
//   so they are recorded while building and started once the process runs in its folder. The
//   files' list is written beside the snapshot (ANALYSIS_SNAPSHOT_FILES): kernel-snapshot.ts
//   checks their bytes before each use.
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

  const cwd = process.cwd();
  const tslab = dirname(resolveFrom(cwd, "tslab/package.json"));
  const tsFile = resolveFrom(join(tslab, "dist"), "@tslab/typescript-for-tslab");
  const loaded = new Map<string, { exports: Exports }>();

  interface SourceFile {
    text: string;
  }
  type Parse = (fileName: string, text: string, languageVersionOrOptions: unknown, setParentNodes?: boolean) => SourceFile;

  /**
   * The declaration files parsed while building, for kernels in other folders, whose converter is
   * made anew (its paths are theirs): a file whose text is the same is not parsed again. TypeScript
   * shares parsed (and bound) files between programs of the same parse options likewise (its
   * DocumentRegistry); the key holds those options, and a program resolves each file's imports
   * afresh.
   */
  const parsed = new Map<string, SourceFile>();
  let keepParsed = true;
  const parseKey = (fileName: string, options: unknown) => {
    const o = (typeof options === "object" && options !== null ? options : { languageVersion: options }) as { languageVersion?: unknown; impliedNodeFormat?: unknown };
    return `${fileName}\0${String(o.languageVersion)}\0${String(o.impliedNodeFormat)}`;
  };
  const sourceFile = (parse: Parse, fileName: string, text: string, options: unknown, setParentNodes?: boolean): SourceFile => {
    const key = parseKey(fileName, options);
    const known = parsed.get(key);
    if (known !== undefined && known.text === text && !setParentNodes) return known;
    const file = parse(fileName, text, options, setParentNodes);
    if (keepParsed && !setParentNodes && fileName.endsWith(".d.ts")) parsed.set(key, file);
    return file;
  };
  /** Where a compiler host parses a file it read (TypeScript 5.0's createGetSourceFile); the cache goes in there. */
  const PARSE_AT = "return text !== void 0 ? createSourceFile(fileName, text, languageVersionOrOptions, setParentNodes) : void 0;";
  const PARSE_VIA = "return text !== void 0 ? __sourceFile(createSourceFile, fileName, text, languageVersionOrOptions, setParentNodes) : void 0;";
  let sourceFileCache = false;

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
    let body = readFileSync(file, "utf8").replace(/^#!.*/, "");
    if (file === tsFile && body.split(PARSE_AT).length === 2) {
      body = body.replace(PARSE_AT, PARSE_VIA);
      sourceFileCache = true;
    }
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    (new Function("exports", "require", "module", "__filename", "__dirname", "__sourceFile", body) as (...a: unknown[]) => void)(module.exports, req, module, file, dir, sourceFile);
    return module.exports;
  }

  interface Sys {
    getCurrentDirectory(): string;
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
  const read = new Set(watches.filter((w) => w.kind === "file").map((w) => w.path));
  // The packages the notebooks here import (ANALYSIS_SNAPSHOT_WARM, listed by kernel-snapshot.ts):
  // a converter of its own imports them once, so that their declaration files are parsed and bound
  // here too; it then goes, with its watchers. A kernel checks their text before it takes them, so
  // the stamp lists them apart, by size and time only: a changed library's declarations are parsed
  // into a new snapshot, not in every kernel.
  const warm = JSON.parse(process.env["ANALYSIS_SNAPSHOT_WARM"] ?? "[]") as string[];
  const alsoRead = new Set<string>();
  if (warm.length > 0) {
    const before = watches.length;
    const other = converterModule.createConverter({ isJS: false, isBrowser: false }) as { convert(prevDecl: string, src: string): unknown; close(): void };
    other.convert("", warm.map((m, i) => `import * as warm${i} from ${JSON.stringify(m)};`).join("\n"));
    other.close();
    for (const w of watches.splice(before)) if (w.kind === "file" && !read.has(w.path)) alsoRead.add(w.path);
  }
  if (process.env["ANALYSIS_SNAPSHOT_FILES"]) {
    writeFileSync(process.env["ANALYSIS_SNAPSHOT_FILES"], JSON.stringify({ files: [...read], warm: [...alsoRead], sourceFileCache }));
  }
  keepParsed = false;

  startupSnapshot.setDeserializeMainFunction(() => {
    // The prepared converter holds the paths of the folder it was built in: a kernel there takes
    // it (and its files' watchers); a kernel in another folder has tslab make its own, from the
    // declarations parsed here.
    const home = process.cwd() === cwd;
    if (home) {
      for (const w of watches) {
        if (!w.closed) w.real = w.kind === "file" ? real.watchFile(w.path, w.callback, w.option as number | undefined) : real.watchDirectory(w.path, w.callback, w.option as boolean | undefined);
      }
    }
    ts.sys.watchFile = real.watchFile;
    ts.sys.watchDirectory = real.watchDirectory;
    // A snapshot's build has no Error.stackTraceLimit (V8 installs it when a context is made), and
    // TypeScript's save-and-restore of it left it undefined: errors would have no stack. It is
    // what a plain start has, Node's 10 or the --stack-trace-limit given.
    if (typeof Error.stackTraceLimit !== "number") {
      const flag = /--stack[-_]trace[-_]limit[= ](\d+)/.exec([...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].join(" "));
      Error.stackTraceLimit = flag ? Number(flag[1]) : 10;
    }
    // TypeScript's system keeps the folder it first saw (the build's); this process's, as a plain start.
    const here = process.cwd();
    ts.sys.getCurrentDirectory = () => here;
    // tslab's other modules load through Node's loader as usual; they get this TypeScript and this
    // converter module, whose first TypeScript converter is the prepared one at home.
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
      if (!home || handedOver || options?.isJS || options?.isBrowser) return create(options);
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
