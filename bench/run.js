#!/usr/bin/env node
// npm run bench [-- NAME...]: runs bench/NAME.ts for each name given, or every bench script,
// one after another (each prints its own table of medians).
const { spawnSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const { join } = require("node:path");

const all = readdirSync(__dirname).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; there are: ${all.join(", ")}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n== bench/${name}.ts`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, `${name}.ts`)], { stdio: "inherit" });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
