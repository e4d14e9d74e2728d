// scripts/build.js on a small project of its own: compiles when a source's bytes change, and only then.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync, rmSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, scratch } from "../helpers";

const BUILD = join(ROOT, "scripts", "build.js");

function project(): { dir: string; cleanup: () => void; build: (...args: string[]) => string } {
  const { dir, cleanup } = scratch();
  mkdirSync(join(dir, "src"));
  mkdirSync(join(dir, "dist"));
  copyFileSync(join(ROOT, "tsconfig.json"), join(dir, "tsconfig.json"));
  copyFileSync(join(ROOT, "tsconfig.build.json"), join(dir, "tsconfig.build.json"));
  writeFileSync(join(dir, "dist", "package.json"), "{}\n");
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const build = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BUILD, ...args], { env: { ...process.env, ANALYSIS_BUILD_ROOT: dir }, encoding: "utf8" });
    assert.is(r.status, 0, r.stdout + r.stderr);
    return r.stdout;
  };
  return { dir, cleanup, build };
}

const answer = (dir: string) => readFileSync(join(dir, "dist", "answer.js"), "utf8").match(/answer = (\d+)/)?.[1];
const builtAt = (dir: string) => statSync(join(dir, "dist", "answer.js")).mtimeMs;

test("builds when sources change and only then: a touch is not a change, one changed byte is", () => {
  const { dir, cleanup, build } = project();
  try {
    writeFileSync(join(dir, "src", "answer.ts"), "export const answer = 1;\n");
    build();
    assert.is(answer(dir), "1");
    const first = builtAt(dir);

    build();
    assert.is(builtAt(dir), first, "nothing changed: no compile");

    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, "src", "answer.ts"), later, later);
    build();
    assert.is(builtAt(dir), first, "touched, same bytes: no compile");

    writeFileSync(join(dir, "src", "answer.ts"), "export const answer = 2;\n");
    build();
    assert.is(answer(dir), "2", "the edit reaches dist/");
  } finally {
    cleanup();
  }
});

test("a deleted source leaves no output behind; a changed build config rebuilds; --force always does", () => {
  const { dir, cleanup, build } = project();
  try {
    writeFileSync(join(dir, "src", "answer.ts"), "export const answer = 1;\n");
    writeFileSync(join(dir, "src", "old.ts"), "export const old = true;\n");
    build();
    assert.ok(existsSync(join(dir, "dist", "old.js")));
    rmSync(join(dir, "src", "old.ts"));
    build();
    assert.not.ok(existsSync(join(dir, "dist", "old.js")));
    assert.ok(existsSync(join(dir, "dist", "package.json")), "the committed package.json stays");

    const before = builtAt(dir);
    const config = JSON.parse(readFileSync(join(dir, "tsconfig.build.json"), "utf8"));
    config.compilerOptions.sourceMap = false;
    writeFileSync(join(dir, "tsconfig.build.json"), JSON.stringify(config));
    build();
    assert.ok(builtAt(dir) > before);
    assert.not.ok(existsSync(join(dir, "dist", "answer.js.map")));

    const again = builtAt(dir);
    build("--force");
    assert.ok(builtAt(dir) > again);
  } finally {
    cleanup();
  }
});

test("with a script after its options, runs it as the main module with the arguments that follow", () => {
  const { dir, cleanup, build } = project();
  try {
    writeFileSync(join(dir, "src", "answer.ts"), "export const answer = 1;\n");
    writeFileSync(join(dir, "src", "main.ts"), 'if (require.main === module) console.log(JSON.stringify(process.argv.slice(2)));\n');
    assert.is(build("dist/main.js", "report", "--force", "x").trim(), '["report","--force","x"]');
  } finally {
    cleanup();
  }
});

test.run();
