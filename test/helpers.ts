// Shared by the tests that run real notebooks: scratch folders inside the project (so that
// notebook cells resolve `analysis` and `nodejs-polars` from its node_modules) and small notebooks.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Cell, Notebook } from "../src/engine/notebook";

export const ROOT = resolve(__dirname, "..");
export const DEMO = join(ROOT, "notebooks", "demo.ipynb");
/** The report CLI as `npm run report` runs it (npm test builds dist/ first). */
export const CLI = join(ROOT, "dist", "engine", "cli.js");

/** Runs the CLI to its end: from the repository unless `cwd`, with `env` added to this process's, at most `timeout` ms. */
export function runCli(args: readonly string[], { cwd = ROOT, env = {}, timeout = 120_000 }: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout });
}

export function scratch(): { dir: string; cleanup: () => void } {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", "test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function code(source: string, tags?: string[]): Cell {
  return { cell_type: "code", source, metadata: tags ? { tags } : {}, outputs: [], execution_count: null };
}

export function markdown(source: string): Cell {
  return { cell_type: "markdown", source, metadata: {} };
}

export function writeNotebook(dir: string, name: string, cells: Cell[]): string {
  const nb: Notebook = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, cells };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(nb, null, 1));
  return file;
}

