// "Up to date" for any notebook, from outside, as an analyst would break it: through the CLI (dist/,
// as `npm run report` runs it) on the real tslab kernel, with reads that no library helper declares
// (fs, polars, better-sqlite3 called directly, a local module), an environment variable, a file
// changed behind the stamps' back or during the run, and the network.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CLI, code, runCli, scratch, writeNotebook } from "../helpers";

interface Fingerprinted {
  fingerprint: { tracking: string; files: { path: string; kind: string }[]; env: Record<string, string | null>; outside: string[] };
}

/** `report NOTEBOOK --out DIR`, expecting exit 0; its stderr. */
function reporter(nb: string, out: string, env: NodeJS.ProcessEnv = {}) {
  return (...more: string[]) => {
    const r = runCli(["report", nb, "--out", out, ...more], { env });
    assert.is(r.status, 0, r.stderr);
    return r.stderr;
  };
}

const recorded = (out: string, name: string) => JSON.parse(readFileSync(join(out, `${name}.json`), "utf8")) as Record<string, unknown>;
const sealed = (out: string, name: string) => JSON.parse(readFileSync(join(out, `${name}.fingerprint.json`), "utf8")) as Fingerprinted;

test("a polars read, a local module and an environment variable, none declared: each change re-runs, and only a change does", () => {
  const { dir, cleanup } = scratch();
  try {
    // 3 rows, visits 10 + 20 + 12 = 42.
    writeFileSync(join(dir, "visits.csv"), "day,visits\n2024-05-01,10\n2024-05-02,20\n2024-05-03,12\n");
    writeFileSync(join(dir, "helper.ts"), "export const factor: number = 2;\n");
    const nb = writeNotebook(dir, "direct.ipynb", [
      code(`import pl from "nodejs-polars";\nimport { record } from "analysis/display";\nimport { factor } from "./helper";\nconst visits = pl.readCSV("visits.csv");`),
      code(`record("total", (visits.getColumn("visits").sum() as number) * factor);\nrecord("region", process.env.FRESH_REGION ?? "none");`),
    ]);
    const out = join(dir, "out");
    const report = reporter(nb, out, { FRESH_REGION: "north" });
    assert.match(report(), "direct: runs: no earlier report");
    assert.equal(recorded(out, "direct"), { total: 84, region: "north" });
    const { fingerprint } = sealed(out, "direct");
    assert.is(fingerprint.tracking, "preload");
    assert.equal(fingerprint.files.map((f) => [f.path, f.kind]), [["helper.ts", "file"], ["visits.csv", "file"]]);
    assert.ok("FRESH_REGION" in fingerprint.env, "the variable the cell read is in the fingerprint");
    assert.equal(fingerprint.outside, []);

    // --explain says what the fingerprint holds, and runs nothing.
    const explained = runCli(["report", nb, "--out", out, "--explain"], { env: { FRESH_REGION: "north" } });
    assert.is(explained.status, 0, explained.stderr);
    assert.match(explained.stdout, /^direct: up to date$/m);
    assert.match(explained.stdout, "tracking: preload (every file the kernel opened, from any code)");
    assert.match(explained.stdout, /visits\.csv {2}53 bytes {2}sha256 [0-9a-f]{16}…/);
    assert.match(explained.stdout, /^ {4}FRESH_REGION {2}set$/m);
    assert.match(explained.stdout, "outside its files: nothing");

    // Controls: nothing changed; a file only touched.
    assert.match(report(), /^direct: up to date/m);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, "visits.csv"), later, later);
    assert.match(report(), /^direct: up to date/m);

    // The polars read: one visit more (a byte changes, the size does not).
    writeFileSync(join(dir, "visits.csv"), "day,visits\n2024-05-01,10\n2024-05-02,20\n2024-05-03,13\n");
    assert.match(report(), /direct: runs: .*visits\.csv changed/);
    assert.equal(recorded(out, "direct"), { total: 86, region: "north" });

    // The local module the notebook imports.
    writeFileSync(join(dir, "helper.ts"), "export const factor: number = 3;\n");
    assert.match(report(), /direct: runs: .*helper\.ts changed/);
    assert.equal(recorded(out, "direct"), { total: 129, region: "north" });

    // The environment variable.
    const south = reporter(nb, out, { FRESH_REGION: "south" });
    assert.match(south(), "direct: runs: FRESH_REGION changed");
    assert.equal(recorded(out, "direct"), { total: 129, region: "south" });
    assert.match(south(), /^direct: up to date/m);
  } finally {
    cleanup();
  }
});

test("same size with the mtime put back, and a symlink swapped to a same-size file with the same mtime: the bytes decide", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "a.txt"), "alpha\n");
    writeFileSync(join(dir, "b.txt"), "bravo\n");
    const when = new Date("2024-01-01T00:00:00Z");
    utimesSync(join(dir, "a.txt"), when, when);
    utimesSync(join(dir, "b.txt"), when, when);
    symlinkSync("a.txt", join(dir, "current.txt"));
    writeFileSync(join(dir, "n.txt"), "1234\n");
    utimesSync(join(dir, "n.txt"), when, when);
    const nb = writeNotebook(dir, "stamps.ipynb", [
      code(`import { readFileSync } from "fs";\nimport { record } from "analysis/display";\nrecord("current", readFileSync("current.txt", "utf8").trim());\nrecord("n", Number(readFileSync("n.txt", "utf8")));`),
    ]);
    const out = join(dir, "out");
    const report = reporter(nb, out);
    report();
    assert.equal(recorded(out, "stamps"), { current: "alpha", n: 1234 });
    assert.match(report(), /^stamps: up to date/m);

    const before = statSync(join(dir, "n.txt"));
    writeFileSync(join(dir, "n.txt"), "4321\n");
    utimesSync(join(dir, "n.txt"), when, when); // as touch -d would put it back
    assert.is(statSync(join(dir, "n.txt")).mtimeMs, before.mtimeMs);
    assert.is(statSync(join(dir, "n.txt")).size, before.size);
    assert.match(report(), /stamps: runs: .*n\.txt changed/);
    assert.equal(recorded(out, "stamps"), { current: "alpha", n: 4321 });

    // The link now points at b.txt: same size, same mtime, other bytes.
    unlinkSync(join(dir, "current.txt"));
    symlinkSync("b.txt", join(dir, "current.txt"));
    assert.match(report(), /stamps: runs: .*current\.txt changed/);
    assert.equal(recorded(out, "stamps"), { current: "bravo", n: 4321 });
  } finally {
    cleanup();
  }
});

test("better-sqlite3 opened by the notebook itself: a change that is only in the write-ahead log (a writer holding it open) re-runs", () => {
  const { dir, cleanup } = scratch();
  const file = join(dir, "users.db");
  const writer = new Database(file);
  try {
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
    writer.exec("INSERT INTO users (name) VALUES ('ada'), ('grace')");
    const nb = writeNotebook(dir, "sqlite.ipynb", [
      code(`import Database from "better-sqlite3";\nimport { record } from "analysis/display";\nconst db: Database.Database = new Database("users.db", { readonly: true });\nrecord("users", (db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n);\ndb.close();`),
    ]);
    const out = join(dir, "out");
    const report = reporter(nb, out);
    report();
    assert.equal(recorded(out, "sqlite"), { users: 2 });
    const paths = sealed(out, "sqlite").fingerprint.files.map((f) => [f.path, f.kind]);
    assert.equal(paths, [["users.db", "file"], ["users.db-journal", "absent"], ["users.db-wal", "file"]]);
    assert.match(report(), /^sqlite: up to date/m);

    const db = statSync(file);
    writer.exec("INSERT INTO users (name) VALUES ('edsger')");
    const after = statSync(file);
    assert.is(after.size, db.size, "the database file itself did not change");
    assert.is(after.mtimeMs, db.mtimeMs);
    assert.match(report(), /sqlite: runs: .*users\.db-wal changed/);
    assert.equal(recorded(out, "sqlite"), { users: 3 });
  } finally {
    writer.close();
    cleanup();
  }
});

test("a folder the notebook globs with polars counts by its listing: a part file added re-runs", () => {
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(join(dir, "parts"));
    writeFileSync(join(dir, "parts", "part-1.csv"), "n\n1\n2\n");
    writeFileSync(join(dir, "parts", "part-2.csv"), "n\n3\n");
    const nb = writeNotebook(dir, "parts.ipynb", [
      code(`import pl from "nodejs-polars";\nimport { record } from "analysis/display";\nrecord("rows", pl.scanCSV("parts/*.csv").collectSync().height);`),
    ]);
    const out = join(dir, "out");
    const report = reporter(nb, out);
    report();
    assert.equal(recorded(out, "parts"), { rows: 3 });
    assert.match(report(), /^parts: up to date/m);
    writeFileSync(join(dir, "parts", "part-3.csv"), "n\n4\n5\n");
    assert.match(report(), /parts: runs: .*parts changed \(its listing\)/);
    assert.equal(recorded(out, "parts"), { rows: 5 });
  } finally {
    cleanup();
  }
});

/** Runs the CLI without blocking this process (a server or a writer here must go on meanwhile). */
function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

test("an input rewritten while the run goes: the results are from what it read, the report is not up to date, and says which file", async () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "data.txt"), "first\n");
    const nb = writeNotebook(dir, "during.ipynb", [
      code(`import { readFileSync, statSync, writeFileSync } from "fs";\nimport { record } from "analysis/display";\nconst text = readFileSync("data.txt", "utf8");\nwriteFileSync("ready", "");`),
      code(`const t0 = Date.now();\nwhile (statSync("data.txt").size === text.length && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));\nrecord("text", text.trim());`),
    ]);
    const out = join(dir, "out");
    const running = runCliAsync(["report", nb, "--out", out]);
    const t0 = Date.now();
    while (!existsSync(join(dir, "ready")) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, "data.txt"), "second, longer\n");
    const r = await running;
    assert.is(r.status, 0, r.stderr);
    assert.match(r.stderr, "data.txt changed while the notebook ran");
    assert.equal(recorded(out, "during"), { text: "first" });
    const html = readFileSync(join(out, "during.html"), "utf8");
    assert.match(html, "changed while the run read it");
    assert.not.match(html, /sha256 [0-9a-f]{64}/, "no hash of bytes the run did not see");
    assert.equal(sealed(out, "during").fingerprint.files.filter((f) => f.path === "data.txt").map((f) => f.kind), ["changed"]);

    const again = runCli(["report", nb, "--out", out]);
    assert.match(again.stderr, "data.txt changed while it ran last time");
  } finally {
    cleanup();
  }
});

test("a run that used the network (a loopback server) runs every time, and says so", async () => {
  const { dir, cleanup } = scratch();
  const server = spawn(process.execPath, ["-e", `require("http").createServer((q, s) => s.end("42")).listen(0, "127.0.0.1", function () { console.log(this.address().port); });`], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve) => server.stdout.once("data", (d: Buffer) => resolve(Number(d.toString()))));
    const nb = writeNotebook(dir, "fetch.ipynb", [code(`import { record } from "analysis/display";\nconst response = await fetch("http://127.0.0.1:${port}/");\nconst answer = await response.text();\nrecord("answer", Number(answer));`)]);
    const out = join(dir, "out");
    const first = await runCliAsync(["report", nb, "--out", out]);
    assert.is(first.status, 0, first.stderr);
    assert.equal(recorded(out, "fetch"), { answer: 42 });
    assert.equal(sealed(out, "fetch").fingerprint.outside, ["the network"]);
    const second = await runCliAsync(["report", nb, "--out", out]);
    assert.match(second.stderr, "fetch: runs: it read the network last time");
  } finally {
    server.kill();
    cleanup();
  }
});

test("one set: a crash between its files (a failing write), a hand-edited or truncated file, a damaged fingerprint each re-run with one line; a killed run's temporary file goes", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "n.txt"), "7\n");
    const nb = writeNotebook(dir, "set.ipynb", [code(`import { readFileSync } from "fs";\nimport { record, claim } from "analysis/display";\nconst n = Number(readFileSync("n.txt", "utf8"));\nrecord("n", n);\nclaim("n is odd", n % 2 === 1);`)]);
    const out = join(dir, "out");
    const report = reporter(nb, out);
    // The verdict alone (--explain runs nothing): what the next run would say.
    const verdict = () => runCli(["report", nb, "--out", out, "--explain"]).stdout.split("\n")[0];
    report();
    assert.is(verdict(), "set: up to date");

    // A crash between two files: NAME.html cannot be replaced (a folder is in its way).
    writeFileSync(join(dir, "n.txt"), "9\n");
    const html = join(out, "set.html");
    renameSync(html, join(dir, "set.html.kept"));
    mkdirSync(html);
    writeFileSync(join(html, "in-the-way"), "");
    const crashed = runCli(["report", nb, "--out", out]);
    assert.is.not(crashed.status, 0, "the failing write fails the run");
    unlinkSync(join(html, "in-the-way"));
    rmdirSync(html);
    copyFileSync(join(dir, "set.html.kept"), html);
    // The old HTML beside the new results is not a set.
    assert.is(verdict(), "set: runs: the set was incomplete: set.fingerprint.json is missing");
    assert.match(report(), "set: runs: the set was incomplete: set.fingerprint.json is missing");
    assert.is(verdict(), "set: up to date");
    const pristine = new Map(["set.json", "set.fingerprint.json", "set.html"].map((f) => [f, readFileSync(join(out, f))]));
    const restore = () => pristine.forEach((bytes, f) => writeFileSync(join(out, f), bytes));

    // Hand-edited HTML; a damaged fingerprint (files: null); one that is not JSON at all.
    writeFileSync(html, readFileSync(html, "utf8").replace("n is odd", "n is even"));
    assert.is(verdict(), "set: runs: set.html does not match its set (changed after it was written)");
    restore();
    const seal = join(out, "set.fingerprint.json");
    const damaged = JSON.parse(readFileSync(seal, "utf8")) as { fingerprint: { files: unknown } };
    damaged.fingerprint.files = null;
    writeFileSync(seal, JSON.stringify(damaged));
    assert.is(verdict(), "set: runs: set.fingerprint.json is damaged (fingerprint.files is not a list)");
    writeFileSync(seal, "{");
    assert.is(verdict(), "set: runs: set.fingerprint.json is damaged (not a JSON object)");
    restore();

    // A truncated NAME.json; --strict judges the claims of the run it makes, not of the damaged file.
    const json = join(out, "set.json");
    writeFileSync(json, readFileSync(json, "utf8").slice(0, 5));
    const strict = runCli(["report", nb, "--out", out, "--strict"]);
    assert.match(strict.stderr, "set: runs: set.json does not match its set (changed after it was written)");
    assert.is(strict.status, 0, strict.stderr);
    assert.equal(recorded(out, "set"), { n: 9, claims: [{ text: "n is odd", holds: true }] });

    // What a run killed mid-write left (a process that is gone) is removed by the next.
    const leftover = join(out, "set.html.999999999.0.tmp");
    writeFileSync(leftover, "half a report");
    assert.match(report(), /^set: up to date/m);
    assert.not.ok(existsSync(leftover));
  } finally {
    cleanup();
  }
});

test("where the preload library cannot load, Node-level hooks see fs and polars reads, and the report says which tracking was in force", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "a.csv"), "x\n1\n2\n");
    writeFileSync(join(dir, "b.txt"), "hello");
    const nb = writeNotebook(dir, "hooks.ipynb", [
      code(`import pl from "nodejs-polars";\nimport { readFileSync } from "fs";\nimport { record } from "analysis/display";\nrecord("rows", pl.readCSV("a.csv").height);\nrecord("b", readFileSync("b.txt", "utf8"));`),
    ]);
    const out = join(dir, "out");
    const report = reporter(nb, out, { ANALYSIS_TRACKING: "node" });
    report();
    const { fingerprint } = sealed(out, "hooks");
    assert.is(fingerprint.tracking, "node");
    assert.equal(fingerprint.files.map((f) => [f.path, f.kind]), [["a.csv", "file"], ["b.txt", "file"]]);
    assert.match(readFileSync(join(out, "hooks.html"), "utf8"), "the preload library could not load here");
    assert.match(report(), /^hooks: up to date/m);
    writeFileSync(join(dir, "a.csv"), "x\n1\n2\n3\n");
    assert.match(report(), /hooks: runs: .*a\.csv changed/);
    assert.equal(recorded(out, "hooks"), { rows: 3, b: "hello" });
    // With the preload library back, the tracking changed: it would run once more.
    assert.is(runCli(["report", nb, "--out", out, "--explain"]).stdout.split("\n")[0], "hooks: runs: the file tracking changed (node → preload)");
  } finally {
    cleanup();
  }
});

test.run();
