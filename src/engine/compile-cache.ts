// V8's code cache for the modules a process loads (tslab and TypeScript in the kernel; the runner
// and the exporter in the CLI), kept on disk so that the next start does not compile them again.
// The plain way, which ANALYSIS_COMPILE_CACHE=off gives: every start compiles every module from
// its source, as Node.js does by default.
//
// Node.js 22.1 and later keep such a cache themselves (module.enableCompileCache); each entry holds
// a hash of its module's source and is refused when the source differs. Node.js 20 has no such
// thing: there, the modules under node_modules and the library's build are compiled with vm.Script
// and its cachedData, as the v8-compile-cache package does, keyed by the SHA-256 of the file's
// name and content, so a changed module is compiled afresh, never served from the cache.
//
// The cache lives in node_modules/.cache: installed files, which the tracking of what a run read
// leaves out by rule (track/rules.ts), like every file Node.js reads to load a module.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import * as vm from "node:vm";

export const COMPILE_CACHE_SWITCH = "ANALYSIS_COMPILE_CACHE";

/** The project's folder: the build is in dist/ below it. */
const ROOT = resolve(__dirname, "..", "..");

/** Where the code cache is kept (a folder per Node.js version below it). */
export const COMPILE_CACHE_DIR = join(ROOT, "node_modules", ".cache", "analysis", "compile-cache");

interface NodeModule {
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleStatics {
  prototype: NodeModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
  enableCompileCache?: (dir: string) => { status: number; message?: string; directory?: string };
  flushCompileCache?: () => void;
}
const M = Module as unknown as ModuleStatics;
const MAIN = require.main;

/** Node 20's cache: the scripts compiled here whose cache is to be written (at flush). */
const unsaved = new Map<string, vm.Script>();
let mode: "off" | "node" | "script" = "off";

/** Turns the cache in `dir` on for this process (what loads afterwards); a second call does nothing. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env, dir = COMPILE_CACHE_DIR): void {
  if (mode !== "off" || env[COMPILE_CACHE_SWITCH] === "off") return;
  if (M.enableCompileCache) {
    M.enableCompileCache(dir);
    mode = "node";
    return;
  }
  useScriptCache(join(dir, `script-${process.version}-${process.arch}`));
  mode = "script";
  process.on("exit", flushCompileCache);
}

/**
 * Writes what was compiled so far (with the functions run by now, which V8 compiled lazily) to the
 * cache. Node.js writes its own cache at a normal exit, which a kernel ended by a signal never has.
 */
export function flushCompileCache(): void {
  if (mode === "node") M.flushCompileCache?.();
  if (mode === "script" && unsaved.size > 0) saveScripts();
}

function saveScripts(): void {
  for (const [file, script] of unsaved) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Written whole under another name, then renamed: a process reading it never sees half.
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, script.createCachedData());
      renameSync(part, file);
    } catch {
      // a cache that cannot be written costs the next start its compile, nothing more
    }
  }
  unsaved.clear();
}

/** Modules that are installed or built, never a notebook's own (tslab compiles those itself). */
function cacheable(filename: string): boolean {
  return filename.split(sep).includes("node_modules") || filename.startsWith(join(ROOT, "dist") + sep);
}

function useScriptCache(dir: string): void {
  const compile = M.prototype._compile;
  M.prototype._compile = function (this: NodeModule, content: string, filename: string, ...rest: unknown[]): unknown {
    // An ES module that require() loads (its format is given, or its syntax tells) is Node's own to compile.
    const plain = () => compile.call(this, content, filename, ...rest);
    if (!cacheable(filename) || (rest[0] !== undefined && rest[0] !== "commonjs")) return plain();
    // A `#!` line is allowed only at the very start of a script, not inside the module's wrapper.
    const source = M.wrap(content.startsWith("#!") ? `//${content.slice(2)}` : content);
    const file = join(dir, createHash("sha256").update(filename).update("\0").update(content).digest("hex"));
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // not cached yet
    }
    let script: vm.Script;
    try {
      script = new vm.Script(source, {
        filename,
        ...(cachedData ? { cachedData } : {}),
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch (e) {
      if (e instanceof SyntaxError) return plain();
      throw e;
    }
    if (cachedData === undefined || script.cachedDataRejected) unsaved.set(file, script);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // The `require` that Node.js gives a module (its makeRequireFunction).
    const mod = this;
    const moduleRequire = Object.assign((id: string) => mod.require(id), {
      resolve: Object.assign((request: string, options?: unknown) => M._resolveFilename(request, mod, false, options), {
        paths: (request: string) => M._resolveLookupPaths(request, mod),
      }),
      main: MAIN,
      extensions: M._extensions,
      cache: M._cache,
    });
    return wrapper.call(this.exports, this.exports, moduleRequire, this, filename, dirname(filename));
  };
}
