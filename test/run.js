#!/usr/bin/env node
// Runs the uvu suite (TypeScript through tsx) and closes with one line: "N passed, N failed".
// Usage: node test/run.js [dir] [pattern]   e.g. node test/run.js test/engine
const { spawnSync } = require("node:child_process");

const [dir = "test", pattern = "\\.test\\.ts$"] = process.argv.slice(2);
const uvu = spawnSync(process.execPath, [require.resolve("uvu").replace(/dist[\/\\]index\.js$/, "bin.js"), "-r", "tsx/cjs", ...(process.stdout.isTTY ? [] : ["--no-color"]), dir, pattern], {
  stdio: ["ignore", "pipe", "inherit"],
  encoding: "utf8",
});
process.stdout.write(uvu.stdout);
const plain = uvu.stdout.replace(/\u001b\[[0-9;]*m/g, "");
const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? NaN);
const total = count("Total");
const passed = count("Passed");
const skipped = count("Skipped") || 0;
if (Number.isNaN(total) || Number.isNaN(passed)) {
  // uvu stopped before its summary (a suite threw while loading): nothing can be counted as passed.
  console.log(`0 passed, 1 failed`);
  process.exit(uvu.status || 1);
}
// uvu's Total counts the tests that ran: a skipped test is not in it.
const failed = total - passed;
// A test that cannot run prints "SKIPPED <name>: <reason>" (test/reference.ts); the reasons are
// listed just above the count, whose line stays plain ("N passed, N failed, N skipped") for CI.
const reasons = [...plain.matchAll(/^SKIPPED (.*)$/gm)].map((m) => m[1]);
for (const reason of reasons) console.log(`skipped: ${reason}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || uvu.status !== 0 ? 1 : 0);
