// Finds the pandas originals (reference/, in this repository) and a Python that can run them.
// A cross-check that cannot run is registered with uvu's test.skip and says why, so the summary
// line counts it as skipped, never as passed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Test } from "uvu";
import { ROOT } from "./helpers";

export const REFERENCE_DIR = join(ROOT, "reference");

export type ReferenceScript = "jelly_party.py" | "clubhouse.py" | "unique_devices.py";

export function referenceScript(name: ReferenceScript): string {
  return join(REFERENCE_DIR, name);
}

/** Debian packages for the Python modules the checks import. */
const DEBIAN: Record<string, string> = { pandas: "python3-pandas", scipy: "python3-scipy", numpy: "python3-numpy", mpmath: "python3-mpmath" };

export type PythonFound = { python: string; missing?: undefined } | { python?: undefined; missing: string };

const found = new Map<string, PythonFound>();

/**
 * The first of $PYTHON, /usr/bin/python3 and `python3` on the PATH that imports every module
 * (the first python3 on a PATH is often another one, without Debian's packages); or why none does.
 */
export function pythonWith(modules: readonly string[]): PythonFound {
  const key = modules.join(",");
  const known = found.get(key);
  if (known) return known;
  const candidates = [...new Set([process.env["PYTHON"], "/usr/bin/python3", "python3"].filter((p): p is string => !!p))];
  let answer: PythonFound | undefined;
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", `import ${modules.join(", ")}`], { encoding: "utf8" });
    if (probe.status === 0) {
      answer = { python };
      break;
    }
  }
  const install = modules.map((m) => DEBIAN[m] ?? m).join(" ");
  answer ??= { missing: `no Python that imports ${modules.join(" and ")} (tried ${candidates.join(", ")}; Debian: apt-get install ${install})` };
  found.set(key, answer);
  return answer;
}

/** A Python able to run `script` with `modules`, or the reason the check cannot run. */
export function referenceRunner(script: ReferenceScript, modules: readonly string[]): PythonFound {
  const path = referenceScript(script);
  if (!existsSync(path)) return { missing: `${join("reference", script)} is not in this checkout` };
  return pythonWith(modules);
}

/**
 * Registers `name` on `suite`: run with the Python found, or skipped with the reason printed
 * (uvu prints no reason of its own for a skipped test).
 */
export function crossCheck(suite: Test, name: string, found: PythonFound, fn: (python: string) => void | Promise<void>): void {
  if (found.python !== undefined) {
    const python = found.python;
    suite(name, () => fn(python));
  } else {
    console.log(`SKIPPED "${name}": ${found.missing}`);
    suite.skip(name, () => undefined);
  }
}
