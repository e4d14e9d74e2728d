#!/usr/bin/env node
// Compiles src/ into dist/ when, and only when, what the build reads has changed: every file
// under src/, the two tsconfig files and the compiler's version, hashed by content (a file
// that is touched but not changed does not rebuild). The hash is kept in dist/.build-hash,
// written after a successful build only. `node scripts/build.js --force` always builds.
// npm's scripts call this before the CLI, the tests and the benches, so a changed source is
// always picked up and an unchanged one costs a hash of the sources instead of a compile.
const { createHash } = require("node:crypto");
const { spawnSync } = require("node:child_process");
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = process.env.ANALYSIS_BUILD_ROOT ?? join(__dirname, "..");
const dist = join(root, "dist");
const stamp = join(dist, ".build-hash");

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

function inputsHash() {
  const hash = createHash("sha256");
  hash.update(require(join(root, "node_modules/typescript/package.json")).version);
  hash.update(`\0vega-lite ${require(join(root, "node_modules/vega-lite/package.json")).version}`);
  for (const file of [join(root, "tsconfig.json"), join(root, "tsconfig.build.json"), ...files(join(root, "src"))]) {
    hash.update(`\0${relative(root, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function current() {
  try {
    return readFileSync(stamp, "utf8");
  } catch {
    return undefined;
  }
}

// Vega-Lite's spec type in one declaration file (scripts/vega-lite-types says why), generated once
// per installed vega-lite into npm's cache folder and put beside the build, where src/display/chart.ts
// finds it (tsconfig's rootDirs) and the compiled chart.d.ts refers to it.
function vegaLiteTypes() {
  const version = require(join(root, "node_modules/vega-lite/package.json")).version;
  const cached = join(root, "node_modules", ".cache", "analysis", `vega-lite-spec-${version}.d.ts`);
  if (!existsSync(cached)) {
    const made = spawnSync("bash", [join(root, "scripts", "vega-lite-types"), cached], { stdio: "inherit" });
    if (made.status !== 0) process.exit(made.status ?? 1);
  }
  mkdirSync(join(dist, "display"), { recursive: true });
  copyFileSync(cached, join(dist, "display", "vega-lite-spec.d.ts"));
}

// The library that shows the report runner every file the kernel opens, native code's too
// (src/engine/track/preload.c), compiled by the C compiler that also builds better-sqlite3. Where
// it cannot be built, the runner tracks reads with Node-level hooks and the reports say so.
function buildPreload() {
  if (process.platform !== "linux") return;
  const source = join(root, "src", "engine", "track", "preload.c");
  const out = join(dist, "engine", "track", "preload.so");
  const cc = process.env.CC || "cc";
  const built = spawnSync(cc, ["-shared", "-fPIC", "-O2", "-Wall", "-o", out, source, "-ldl"], { encoding: "utf8" });
  if (built.status !== 0) {
    const why = built.error ? built.error.message : built.stderr.trim().split("\n")[0];
    process.stderr.write(`analysis: the file-tracking library did not build (${cc}: ${why}); reports will track reads with Node-level hooks only\n`);
  }
}

const args = process.argv.slice(2);
const mainAt = args.findIndex((a) => !a.startsWith("--"));
const own = mainAt === -1 ? args : args.slice(0, mainAt);

const want = inputsHash();
if (own.includes("--force") || current() !== want) {
  // Outputs of deleted or renamed sources must not linger in the package notebooks import.
  for (const entry of readdirSync(dist)) if (entry !== "package.json") rmSync(join(dist, entry), { recursive: true, force: true });
  vegaLiteTypes();
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  buildPreload();
  writeFileSync(stamp, want);
}

// `node scripts/build.js dist/x.js ARGS...`: then runs dist/x.js as the main module of this same
// process, so the check costs no second Node.js start-up.
if (mainAt !== -1) {
  process.argv.splice(1, mainAt + 2, join(root, args[mainAt]));
  require("node:module").runMain();
}
