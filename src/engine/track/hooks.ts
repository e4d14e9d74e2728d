// Runs in the kernel, before tslab (see kernel.ts's launcher), when the runner tracks the run. With
// the preload library loaded (preload.c), every open is seen in the C library and this only adds
// what it cannot see: name lookups (the C library's resolver opens its sockets internally). Without
// it (another OS, a static C library, ANALYSIS_TRACKING=node), Node-level hooks stand in: Node's fs,
// the JavaScript entry points of nodejs-polars and better-sqlite3, process.env, the network and
// child processes. Each event is one line in the tracking log, as preload.c writes them.
import { resolve } from "node:path";
import { TRACK_LOG } from "../../io/inputs";

type Fn = (...args: unknown[]) => unknown;

const fs = require("node:fs") as typeof import("node:fs");

let fd = -1;
function write(line: string): void {
  try {
    fs.writeSync(fd, line + "\n");
  } catch {
    // the log is gone (the runner ended): nothing more to tell
  }
}

function pathOf(p: unknown): string | undefined {
  if (typeof p === "string") return p;
  if (Buffer.isBuffer(p)) return p.toString();
  if (p instanceof URL && p.protocol === "file:") return require("node:url").fileURLToPath(p) as string;
  return undefined; // a file descriptor, a FileHandle
}

function writes(flags: unknown): boolean {
  if (typeof flags === "string") return /^[wa]/.test(flags);
  if (typeof flags === "number") {
    const { O_ACCMODE = 3, O_WRONLY, O_TRUNC } = fs.constants as typeof fs.constants & { O_ACCMODE?: number };
    return (flags & O_ACCMODE) === O_WRONLY || (flags & O_TRUNC) !== 0;
  }
  return false;
}

/** Tells an open of `p` with `flags`, stamped now; `missing`: the open failed with ENOENT. */
function noteOpen(p: unknown, flags: unknown, missing = false): void {
  const path = pathOf(p);
  if (path === undefined || path === "") return;
  const abs = resolve(path);
  if (writes(flags)) return write(`W ${abs}`);
  if (missing) return write(`A ${abs}`);
  const s = fs.statSync(abs, { bigint: true, throwIfNoEntry: false });
  if (!s) return write(`A ${abs}`);
  if (s.isDirectory()) return write(`D ${abs}`);
  if (s.isFile()) write(`O ${s.dev} ${s.ino} ${s.size} ${s.mtimeNs} ${s.ctimeNs} ${abs}`);
}

function flagsOf(options: unknown, fallback: unknown = "r"): unknown {
  if (typeof options === "object" && options !== null && "flag" in options) return (options as { flag: unknown }).flag;
  if (typeof options === "object" && options !== null && "flags" in options) return (options as { flags: unknown }).flags;
  return fallback;
}

function missing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** Wraps `target[name]` so that `before(args)` tells each call; `failed` tells an ENOENT. */
function around(target: Record<string, unknown>, name: string, tell: (args: unknown[], failed: boolean) => void): void {
  const original = target[name];
  if (typeof original !== "function") return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // callback style: tell when it answers
      args[args.length - 1] = function (this: unknown, err: unknown, ...rest: unknown[]) {
        tell(args, missing(err));
        return (last as Fn).call(this, err, ...rest);
      };
      return (original as Fn).apply(this, args);
    }
    let result: unknown;
    try {
      result = (original as Fn).apply(this, args);
    } catch (e) {
      if (missing(e)) tell(args, true);
      throw e;
    }
    if (result instanceof Promise) {
      return result.then(
        (v) => (tell(args, false), v),
        (e) => {
          if (missing(e)) tell(args, true);
          throw e;
        },
      );
    }
    tell(args, false);
    return result;
  };
  Object.defineProperty(wrapped, "name", { value: name });
  target[name] = wrapped;
}

function hookFs(): void {
  const sync = fs as unknown as Record<string, unknown>;
  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const target of [sync, promises]) {
    around(target, "open", (a, failed) => noteOpen(a[0], typeof a[1] === "function" ? "r" : (a[1] ?? "r"), failed));
    around(target, "readFile", (a, failed) => noteOpen(a[0], flagsOf(a[1]), failed));
    for (const name of ["readdir", "opendir"]) around(target, name, (a, failed) => !failed && write(`D ${resolve(pathOf(a[0]) ?? ".")}`));
  }
  around(sync, "openSync", (a, failed) => noteOpen(a[0], a[1] ?? "r", failed));
  around(sync, "readFileSync", (a, failed) => noteOpen(a[0], flagsOf(a[1]), failed));
  around(sync, "createReadStream", (a) => noteOpen(a[0], flagsOf(a[1])));
  // Looked for and absent: an input whose appearance makes the report stale.
  const existsSync = fs.existsSync;
  sync["existsSync"] = (p: unknown) => {
    const found = existsSync(p as string);
    const path = pathOf(p);
    if (!found && path) write(`A ${resolve(path)}`);
    return found;
  };
  for (const name of ["readdirSync", "opendirSync"]) around(sync, name, (a, failed) => !failed && write(`D ${resolve(pathOf(a[0]) ?? ".")}`));
}

/** A path handed to a native reader: a file, or a glob whose folder is listed. */
function noteNativePath(p: unknown): void {
  const path = pathOf(p);
  if (path === undefined) return;
  const glob = path.search(/[*?[]/);
  if (glob < 0) return noteOpen(path, "r");
  write(`D ${resolve(path.slice(0, path.lastIndexOf("/", glob) + 1) || ".")}`);
}

const wrappedModules = new WeakMap<object, unknown>();

/** nodejs-polars: its readX and scanX functions take the path first. */
function wrapPolars(pl: Record<string, unknown>): unknown {
  return new Proxy(pl, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === "default" && typeof value === "object" && value !== null && value !== target) return wrapOnce(value as Record<string, unknown>, wrapPolars);
      if (typeof key !== "string" || typeof value !== "function" || !/^(read|scan)[A-Z]/.test(key)) return value;
      return function (this: unknown, ...args: unknown[]) {
        noteNativePath(args[0]);
        return (value as Fn).apply(this, args);
      };
    },
  });
}

/** better-sqlite3: the Database constructor takes the file. */
function wrapSqlite(Database: Fn): unknown {
  const tell = (args: unknown[]) => {
    const file = args[0];
    if (typeof file === "string" && file !== "" && file !== ":memory:") noteOpen(file, "r");
  };
  return new Proxy(Database, {
    construct(target, args, newTarget) {
      tell(args);
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, self, args) {
      tell(args);
      return Reflect.apply(target, self, args) as unknown;
    },
  });
}

function wrapOnce<T extends object>(value: T, wrap: (v: T) => unknown): unknown {
  if (!wrappedModules.has(value)) wrappedModules.set(value, wrap(value));
  return wrappedModules.get(value);
}

function hookNativeReaders(): void {
  const Module = require("node:module") as { _load: Fn };
  const load = Module._load;
  Module._load = function (this: unknown, request: unknown, ...rest: unknown[]) {
    const exported = load.call(this, request, ...rest);
    if (request === "nodejs-polars" && typeof exported === "object" && exported !== null) return wrapOnce(exported as Record<string, unknown>, wrapPolars);
    if (request === "better-sqlite3" && typeof exported === "function") return wrapOnce(exported as Fn, wrapSqlite);
    return exported;
  };
}

function hookEnv(): void {
  const seen = new Set<string>();
  const tell = (key: string | symbol) => {
    if (typeof key === "string" && !seen.has(key)) {
      seen.add(key);
      write(`E ${key}`);
    }
  };
  process.env = new Proxy(process.env, {
    get: (target, key) => (tell(key), Reflect.get(target, key) as unknown),
    has: (target, key) => (tell(key), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (tell(key), Reflect.getOwnPropertyDescriptor(target, key)),
    ownKeys: (target) => {
      const keys = Reflect.ownKeys(target);
      keys.forEach(tell);
      return keys;
    },
  });
}

function hookOutside(withNet: boolean): void {
  const dns = require("node:dns") as Record<string, unknown>;
  for (const name of Object.keys(dns)) if (/^(lookup|resolve)/.test(name)) around(dns, name, () => write("N dns"));
  const dnsPromises = dns["promises"] as Record<string, unknown>;
  for (const name of Object.keys(dnsPromises)) if (/^(lookup|resolve)/.test(name)) around(dnsPromises, name, () => write("N dns"));
  if (!withNet) return;
  const net = require("node:net") as typeof import("node:net");
  const connect = net.Socket.prototype.connect as Fn;
  net.Socket.prototype.connect = function (this: unknown, ...args: unknown[]) {
    write("N socket");
    return connect.apply(this, args) as never;
  } as typeof net.Socket.prototype.connect;
  const child = require("node:child_process") as Record<string, unknown>;
  for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]) {
    const original = child[name] as Fn;
    child[name] = function (this: unknown, ...args: unknown[]) {
      write(`X ${String(args[0])}`);
      return original.apply(this, args) as unknown;
    };
  }
}

/** Starts telling the tracking log (named by TRACK_LOG) what the kernel reads. */
export function install(): void {
  const log = process.env[TRACK_LOG];
  if (!log) return;
  fd = fs.openSync(log, "a");
  const preloaded = process.env["ANALYSIS_TRACK_PRELOADED"] === String(process.pid);
  write(`M ${preloaded ? "preload" : "node"}`);
  hookOutside(!preloaded);
  if (preloaded) return;
  hookFs();
  hookNativeReaders();
  hookEnv();
}
