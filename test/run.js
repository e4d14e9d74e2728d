#!/usr/bin/env node
// Runs uvu test files (TypeScript through tsx) and closes with one plain line that CI reads:
// "N passed, N failed, N skipped".
//
//   node test/run.js unit          npm test: every *.test.ts but the integration ones
//   node test/run.js integration   npm run test:integration: the *.integration.test.ts, the tests
//                                  that need a tool from outside npm (Chromium, or JupyterLab and
//                                  pyspark that scripts/python-env installs from PyPI)
//   node test/run.js [unit|integration] PATH...   the set's files under PATH (a folder or a file);
//                                  without a set name, every test file there
//
// Each folder of test/ (the files directly in test/ together) runs as its own uvu process, as many
// at a time as there are cores, and one more (TEST_JOBS=N to choose): the engine's kernel tests, the longest
// folder, need not wait for the library's. Integration files run one folder at a time:
// they share the project's .venv and each takes a browser, a JupyterLab or a Spark.
const { spawn } = require("node:child_process");
const { existsSync, readdirSync, statSync } = require("node:fs");
const { availableParallelism } = require("node:os");
const { join, relative, resolve, sep } = require("node:path");

const TEST = __dirname;
const UVU = require.resolve("uvu").replace(/dist[\/\\]index\.js$/, "bin.js");
const SETS = {
  unit: (file) => !file.endsWith(".integration.test.ts"),
  integration: (file) => file.endsWith(".integration.test.ts"),
};

function testFiles(path) {
  if (statSync(path).isFile()) return path.endsWith(".test.ts") ? [path] : [];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => testFiles(join(path, e.name)));
}

const args = process.argv.slice(2);
const setName = Object.hasOwn(SETS, args[0] ?? "") ? args.shift() : undefined;
const paths = args.length > 0 ? args.map((a) => resolve(a)) : [TEST];
const wrong = paths.find((p) => relative(TEST, p).startsWith("..") || !existsSync(p));
if (wrong !== undefined) {
  console.error(`${wrong}: ${existsSync(wrong) ? "not under test/" : "no such file or folder"} (usage: node test/run.js [unit|integration] [PATH...])`);
  process.exit(2);
}
const files = [...new Set(paths.flatMap(testFiles))].filter(SETS[setName] ?? (() => true)).sort();
if (files.length === 0) {
  // Nothing ran: that is no pass.
  console.log(`no ${setName ? `${setName} ` : ""}test files under ${args.join(" ") || "test/"}`);
  console.log("0 passed, 1 failed, 0 skipped");
  process.exit(1);
}

/**
 * The folders whose files each run as their own uvu process: the engine's tests start real kernels
 * and are the longest, so the cores share them file by file (kernel.ts retries a start whose port
 * another kernel took meanwhile).
 */
const BY_FILE = new Set(["engine"]);

/** One uvu process per folder of test/ and kind of file (per file in BY_FILE): { name, dir, files, integration, alone }. */
function jobs() {
  const byKey = new Map();
  for (const file of files) {
    const parts = relative(TEST, file).split(sep);
    const folder = parts.length > 1 ? parts[0] : "";
    const integration = SETS.integration(file);
    const alone = BY_FILE.has(folder) && !integration;
    const key = `${folder}\0${integration}${alone ? `\0${file}` : ""}`;
    const name = alone ? relative(join(TEST, ".."), file) : join("test", folder) + (integration ? " (integration)" : "");
    if (!byKey.has(key)) byKey.set(key, { name, dir: join(TEST, folder), files: [], integration, alone });
    byKey.get(key).files.push(file);
  }
  // The largest first, by the bytes of their test files (a folder's together), so that the last
  // jobs to start are short ones: the analyses' folders and the longest engine files start at once.
  const size = (job) => job.files.reduce((n, f) => n + statSync(f).size, 0);
  return [...byKey.values()].sort((a, b) => size(b) - size(a));
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Runs one job to its end; its output is kept and printed whole, so parallel jobs do not interleave. */
function run(job) {
  const t0 = performance.now();
  // uvu takes a folder and a pattern over the paths under it: the job's files, exactly.
  const pattern = `^(${job.files.map((f) => escape(relative(job.dir, f))).join("|")})$`;
  const child = spawn(process.execPath, [UVU, "-r", "tsx/cjs", "--no-color", job.dir, pattern], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let both = "";
  child.stdout.on("data", (d) => ((stdout += d), (both += d)));
  child.stderr.on("data", (d) => (both += d));
  return new Promise((done) => {
    child.on("close", (status, signal) => {
      const plain = stdout.replace(/\u001b\[[0-9;]*m/g, "");
      const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? NaN);
      const total = count("Total");
      const passed = count("Passed");
      // uvu's Total counts the tests that ran: a skipped test is not in it. A job that printed no
      // summary (a file threw while loading, the process was killed) counts as one failure.
      const summarised = !Number.isNaN(total) && !Number.isNaN(passed);
      let failed = summarised ? total - passed : 1;
      if (failed === 0 && status !== 0) failed = 1;
      const result = {
        passed: summarised ? passed : 0,
        failed,
        skipped: count("Skipped") || 0,
        // A test that cannot run prints "SKIPPED <name>: <reason>" (test/tools.ts).
        reasons: [...plain.matchAll(/^SKIPPED (.*)$/gm)].map((m) => m[1]),
      };
      process.stdout.write(both.endsWith("\n") ? both : `${both}\n`);
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const ended = status === 0 || summarised ? "" : ` (uvu ended with ${signal ?? `status ${status}`})`;
      console.log(`${job.name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${seconds} s${ended}\n`);
      done(result);
    });
  });
}

/** Runs the jobs, `width` at a time, in order. */
async function pool(list, width) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < list.length) results.push(await run(list[next++]));
  };
  await Promise.all(Array.from({ length: Math.min(width, list.length) }, worker));
  return results;
}

(async () => {
  const all = jobs();
  // One more than the cores: a kernel test's runner waits on its kernel and the kernel on the
  // runner, so two cores keep three such jobs busy.
  const width = Number(process.env["TEST_JOBS"]) || availableParallelism() + 1;
  const results = [...(await pool(all.filter((j) => !j.integration), width)), ...(await pool(all.filter((j) => j.integration), 1))];
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  // The reasons are listed just above the count, whose line stays plain for CI.
  for (const reason of results.flatMap((r) => r.reasons)) console.log(`skipped: ${reason}`);
  console.log(`${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
  process.exit(sum("failed") > 0 ? 1 : 0);
})();
