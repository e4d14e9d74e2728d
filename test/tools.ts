// The programs tests drive from outside npm (Chromium, Python with its modules), found where the
// user says: the variable that names one (CHROMIUM, PYTHON), else the PATH. A test whose tool is
// missing is registered as skipped with the reason and the install line, so the summary counts it
// as skipped, never as passed.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Test } from "uvu";

export type ToolFound = { path: string; missing?: undefined } | { path?: undefined; missing: string };

export interface ToolWanted {
  /** The variable naming the program; when set, it is the only candidate (a wrong setting is reported, not replaced). */
  env: string;
  /** The command that installs it, e.g. "apt-get install chromium". */
  install: string;
  /** Why a program that is there cannot serve (a Python without pandas), or undefined when it can. */
  unfit?: (path: string) => string | undefined;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Every executable `name` on the PATH, in the PATH's order (the first is not always the fit one: pyenv's python3 has no pandas). */
function onPath(name: string): string[] {
  const dirs = (process.env["PATH"] ?? "").split(delimiter).filter((d) => d !== "");
  return [...new Set(dirs.map((d) => join(d, name)))].filter(executable);
}

/** The program to run as `name` (or one of its other names), or why there is none here and how to install it. */
export function findTool(name: string | readonly string[], { env, install, unfit }: ToolWanted): ToolFound {
  const names = typeof name === "string" ? [name] : name;
  const named = process.env[env];
  const candidates = named ? (named.includes("/") ? [named] : onPath(named)) : names.flatMap(onPath);
  const tried: string[] = [];
  for (const path of candidates) {
    if (!executable(path)) {
      tried.push(`${path} is not an executable file`);
      continue;
    }
    const why = unfit?.(path);
    if (why === undefined) return { path };
    tried.push(`${path}: ${why}`);
  }
  const where = named ? `${env}=${named}` : `${names.join(" or ")} on the PATH`;
  const looked = tried.length > 0 ? ` (${tried.join("; ")})` : "";
  const other = named ? `unset ${env} to look on the PATH` : `set ${env} to its path`;
  return { missing: `no usable ${where}${looked}; ${other}, or install it: ${install}` };
}

/** Debian packages for the Python modules the tests import. */
const DEBIAN: Record<string, string> = {
  pandas: "python3-pandas",
  scipy: "python3-scipy",
  numpy: "python3-numpy",
  mpmath: "python3-mpmath",
  nbclient: "python3-nbclient",
  nbformat: "python3-nbformat",
};

const pythons = new Map<string, ToolFound>();

/** A python3 ($PYTHON, else the first on the PATH) that imports every one of `modules`. */
export function findPython(modules: readonly string[]): ToolFound {
  const key = modules.join(",");
  let found = pythons.get(key);
  if (found === undefined) {
    const unfit = (python: string) => {
      const probe = spawnSync(python, ["-c", `import ${modules.join(", ")}`], { encoding: "utf8", timeout: 60_000 });
      if (probe.status === 0) return undefined;
      return (probe.stderr || probe.error?.message || "").trim().split("\n").pop() || `exit ${String(probe.status)}`;
    };
    found = findTool("python3", { env: "PYTHON", install: `apt-get install ${modules.map((m) => DEBIAN[m] ?? m).join(" ")}`, unfit });
    pythons.set(key, found);
  }
  return found;
}

/**
 * Why a test of a tool the suite has been told to leave out cannot run here, or undefined:
 * ANALYSIS_SKIP_TOOLS="lab,spark" (CI's second Node.js pass, whose first pass ran them).
 */
export function toolLeftOut(tool: "lab" | "spark" | "search"): string | undefined {
  const left = (process.env["ANALYSIS_SKIP_TOOLS"] ?? "").split(",").map((t) => t.trim());
  return left.includes(tool) ? `ANALYSIS_SKIP_TOOLS names ${tool} (run it without that variable)` : undefined;
}

/** Registers the tests as skipped, each with its reason printed as run.js lists it (uvu prints none). */
export function skipAll(suite: { skip: (name: string, fn: () => void) => void }, names: readonly string[], reason: string): void {
  for (const name of names) {
    console.log(`SKIPPED "${name}": ${reason}`);
    suite.skip(name, () => undefined);
  }
}

/** Registers `name` on `suite`: run with the tool's path, or skipped with the reason the tool is missing. */
export function testWith(suite: Test, name: string, tool: ToolFound, fn: (path: string) => void | Promise<void>): void {
  if (tool.path !== undefined) {
    const path = tool.path;
    suite(name, () => fn(path));
  } else {
    skipAll(suite, [name], tool.missing);
  }
}
