// What the benchmarks share (bench/run.js runs only the scripts directly in bench/, not this folder).
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Writes an almost empty notebook, one trivial cell on the tslab kernel, run through the same CLI
 * as a real notebook to measure the runner's fixed cost. It goes into notebooks/ (as
 * `.bench-empty-PID.ipynb`, removed when this process exits), so that its kernel starts as a real
 * notebook's does there, from the folder's startup snapshot (src/engine/kernel-snapshot.ts). With
 * `parameters` (the source of a parameters cell) the run also injects a parameter, as the real run does.
 */
export function writeAlmostEmptyNotebook(parameters?: string): string {
  const code = (id: string, source: string, tags?: string[]) => ({ cell_type: "code", id, execution_count: null, metadata: tags ? { tags } : {}, outputs: [], source });
  const cells = [
    { cell_type: "markdown", id: "title", metadata: {}, source: "# An almost empty notebook: the runner's fixed cost" },
    ...(parameters === undefined ? [] : [code("parameters", parameters, ["parameters"])]),
    code("trivial", "1 + 1"),
  ];
  const file = join(ROOT, "notebooks", `.bench-empty-${process.pid}.ipynb`);
  process.once("exit", () => rmSync(file, { force: true }));
  writeFileSync(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, cells }));
  return file;
}
