// The entry of a V8 startup snapshot (`node --snapshot-blob FILE --build-snapshot THIS`, run in the
// notebooks' folder) that holds tslab's converter with its compiler prepared: the lib and @types
// declarations parsed and bound, as a kernel has them before its first cell. bench/kernel-snapshot.ts
// measures what starting from it saves. Plain JavaScript: a snapshot is built from one script.
//
// Node.js cannot keep its own module loader's state in a snapshot (a user-land require() there
// fails an internal assertion when the snapshot is deserialized), so tslab and TypeScript are
// loaded by the small CommonJS loader below, which compiles each file with `new Function`.
// tslab watches every declaration file it read; a snapshot cannot hold watchers (libuv handles),
// so they are recorded here instead (a kernel built on this would start them after deserializing).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");

const isBuiltin = (id) => {
  if (id.startsWith(".") || id.startsWith("/")) return false;
  try {
    require(id);
    return true;
  } catch {
    return false;
  }
};
const asFile = (p) => [p, `${p}.js`, `${p}.json`, path.join(p, "index.js")].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
function resolveFrom(dir, id) {
  if (id.startsWith(".") || id.startsWith("/")) {
    const file = asFile(path.resolve(dir, id));
    if (file) return file;
  } else {
    const parts = id.split("/");
    const nameLength = id.startsWith("@") ? 2 : 1;
    for (let d = dir; ; d = path.dirname(d)) {
      const pkg = path.join(d, "node_modules", ...parts.slice(0, nameLength));
      if (fs.existsSync(pkg)) {
        const sub = parts.slice(nameLength).join("/");
        const file = sub ? asFile(path.join(pkg, sub)) : asFile(path.join(pkg, JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).main || "index.js"));
        if (file) return file;
      }
      if (d === path.dirname(d)) break;
    }
  }
  throw new Error(`cannot resolve ${id} from ${dir}`);
}
const loaded = new Map();
function load(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const module = { exports: {} };
  loaded.set(file, module);
  if (file.endsWith(".json")) {
    module.exports = JSON.parse(fs.readFileSync(file, "utf8"));
    return module.exports;
  }
  const dir = path.dirname(file);
  const req = (id) => (isBuiltin(id) ? require(id) : load(resolveFrom(dir, id)));
  req.resolve = (id) => resolveFrom(dir, id);
  new Function("exports", "require", "module", "__filename", "__dirname", fs.readFileSync(file, "utf8").replace(/^#!.*/, ""))(module.exports, req, module, file, dir);
  return module.exports;
}

const tslab = path.dirname(resolveFrom(process.cwd(), "tslab/package.json"));
const ts = load(resolveFrom(path.join(tslab, "dist"), "@tslab/typescript-for-tslab"));
const watched = [];
ts.sys.watchFile = (file, callback, interval) => (watched.push({ file, callback, interval }), { close() {} });
ts.sys.watchDirectory = (dir, callback, recursive) => (watched.push({ dir, callback, recursive }), { close() {} });
const converter = load(path.join(tslab, "dist", "converter.js")).createConverter({ isJS: false, isBrowser: false });

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // `node --snapshot-blob FILE CELLS`: the cells (a JSON array of sources) come first after node.
  const cells = JSON.parse(process.argv[1] ?? "[]");
  let decl = "";
  for (const cell of cells) {
    const r = converter.convert(decl, cell);
    if (r.diagnostics.length > 0) console.log(`diagnostics: ${r.diagnostics.map((d) => d.messageText).join("; ")}`);
    decl = r.declOutput ?? decl;
    console.log(`converted at ${performance.now().toFixed(0)} ms`);
  }
  process.exit(0);
});
