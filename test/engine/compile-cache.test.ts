// V8's code cache (src/engine/compile-cache.ts): a module's second load comes from it, a changed
// module is compiled afresh (even at the same size and mtime), the kernel's compiler is in it, and
// none of it counts as what a notebook read.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { COMPILE_CACHE_DIR } from "../../src/engine/compile-cache";
import { Kernel } from "../../src/engine/kernel";
import { code, ROOT, runCli, scratch, writeNotebook } from "../helpers";

const ENABLE = join(ROOT, "dist", "engine", "compile-cache.js");

/** Every file below `dir`, with its mtime. */
function entries(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else found.set(join(d, e.name), statSync(join(d, e.name)).mtimeMs);
    }
  };
  try {
    walk(dir);
  } catch {
    // no cache yet
  }
  return found;
}

/** A fresh process that loads `file` with the cache in `cache` on, and prints what it exports. */
function load(file: string, cache: string, env: NodeJS.ProcessEnv = {}): string {
  const script = `require(${JSON.stringify(ENABLE)}).enableCompileCache(process.env, ${JSON.stringify(cache)}); console.log(require(${JSON.stringify(file)}).answer);`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, ...env } });
  assert.is(r.status, 0, r.stderr);
  return r.stdout.trim();
}

test("a module's second load comes from the cache; a changed one (same size, mtime put back) is compiled afresh", () => {
  const { dir, cleanup } = scratch();
  try {
    // Under a node_modules folder, as the modules the kernel and the CLI load are.
    const file = join(dir, "node_modules", "probe", "index.js");
    mkdirSync(join(dir, "node_modules", "probe"), { recursive: true });
    writeFileSync(file, "exports.answer = 41 + 1;\n");
    const cache = join(dir, "cache");

    assert.is(load(file, cache, { ANALYSIS_COMPILE_CACHE: "off" }), "42");
    assert.is(entries(cache).size, 0, "off: nothing is written");

    assert.is(load(file, cache), "42");
    const first = entries(cache);
    assert.ok(first.size > 0, "the first load writes the module's cache");
    assert.is(load(file, cache), "42");
    assert.equal(entries(cache), first, "the second load reads it and writes nothing");

    const { mtime } = statSync(file);
    writeFileSync(file, "exports.answer = 41 + 2;\n");
    utimesSync(file, mtime, mtime);
    assert.is(load(file, cache), "43", "the changed source, not the cached code");
    assert.ok(entries(cache).size > first.size || [...entries(cache)].some(([f, t]) => first.get(f) !== t), "the changed module's code is cached anew");
  } finally {
    cleanup();
  }
});

test("the kernel's compiler loads from the cache, which a stopped kernel has written", async () => {
  const kernel = await Kernel.start({ cwd: join(ROOT, "notebooks") });
  try {
    assert.is((await kernel.execute("const n: number = 1 + 1; n")).status, "ok");
  } finally {
    await kernel.shutdown();
  }
  const tslabTs = require.resolve("@tslab/typescript-for-tslab", { paths: [require.resolve("tslab")] });
  if (process.versions.node.split(".").map(Number)[0]! >= 22) {
    // Node's own cache: entries named by Node; tslab's TypeScript is the largest module by far.
    const sizes = [...entries(COMPILE_CACHE_DIR).keys()].filter((f) => f.includes(`v${process.versions.node}`)).map((f) => statSync(f).size);
    assert.ok(Math.max(...sizes) > 500_000, `an entry the size of TypeScript's code: ${Math.max(...sizes)}`);
  } else {
    // Node 20: named by the module's path and content (compile-cache.ts).
    const key = createHash("sha256").update(tslabTs).update("\0").update(readFileSync(tslabTs, "utf8")).digest("hex");
    const entry = join(COMPILE_CACHE_DIR, `script-${process.version}-${process.arch}`, key);
    assert.ok(statSync(entry, { throwIfNoEntry: false })?.isFile(), `TypeScript's code is cached at ${entry}`);
  }
});

test("a CommonJS module the notebook requires is still its input with the cache on; the cache's files are not", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "helper.js"), "exports.factor = 2;\n");
    const nb = writeNotebook(dir, "cached.ipynb", [code(`import { record } from "analysis/display";\nconst { factor } = require("./helper.js");\nrecord("factor", factor);`)]);
    const out = join(dir, "out");
    const report = () => {
      const r = runCli(["report", nb, "--out", out]);
      assert.is(r.status, 0, r.stderr);
      return r.stderr;
    };
    assert.match(report(), "cached: runs: no earlier report");
    const files = () => (JSON.parse(readFileSync(join(out, "cached.fingerprint.json"), "utf8")) as { fingerprint: { files: { path: string }[] } }).fingerprint.files.map((f) => f.path);
    assert.equal(files(), ["helper.js"]);
    assert.match(report(), /^cached: up to date/m);
    const { mtime } = statSync(join(dir, "helper.js"));
    writeFileSync(join(dir, "helper.js"), "exports.factor = 3;\n");
    utimesSync(join(dir, "helper.js"), mtime, mtime);
    assert.match(report(), /cached: runs: .*helper\.js changed/);
    assert.equal(JSON.parse(readFileSync(join(out, "cached.json"), "utf8")), { factor: 3 });
  } finally {
    cleanup();
  }
});

test.run();
