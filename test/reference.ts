// Finds the pandas originals (reference/, in this repository) and a Python that can run them
// (findPython in test/tools.ts: $PYTHON, else the first python3 on the PATH that imports them).
// A cross-check that cannot run is registered as skipped and says why, so the summary line
// counts it as skipped, never as passed.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Test } from "uvu";
import { ROOT } from "./helpers";
import { findPython, testWith } from "./tools";

export const REFERENCE_DIR = join(ROOT, "reference");

export type ReferenceScript = "jelly_party.py" | "clubhouse.py" | "unique_devices.py";

export function referenceScript(name: ReferenceScript): string {
  return join(REFERENCE_DIR, name);
}

export type PythonFound = { python: string; missing?: undefined } | { python?: undefined; missing: string };

/** A Python that imports every one of `modules`, or why there is none here (with the Debian packages to install). */
export function pythonWith(modules: readonly string[]): PythonFound {
  const found = findPython(modules);
  return found.path !== undefined ? { python: found.path } : { missing: found.missing };
}

/** A Python able to run `script` with `modules`, or the reason the check cannot run. */
export function referenceRunner(script: ReferenceScript, modules: readonly string[]): PythonFound {
  const path = referenceScript(script);
  if (!existsSync(path)) return { missing: `${join("reference", script)} is not in this checkout` };
  return pythonWith(modules);
}

/** Registers `name` on `suite`: run with the Python found, or skipped with the reason printed. */
export function crossCheck(suite: Test, name: string, found: PythonFound, fn: (python: string) => void | Promise<void>): void {
  testWith(suite, name, found.python !== undefined ? { path: found.python } : { missing: found.missing }, fn);
}
