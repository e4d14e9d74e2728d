// Where a worker thread's script is: the compiled .js beside the module that starts it, or, when the
// library runs from its TypeScript sources (the tests), the .ts one loaded through tsx.
import { join } from "node:path";

/** `dir` is the starting module's `__dirname`, `name` the worker's file name without extension. */
export function workerScript(dir: string, name: string): { file: string; execArgv: string[] } {
  if (__filename.endsWith(".ts")) return { file: join(dir, `${name}.ts`), execArgv: ["--require", require.resolve("tsx/cjs")] };
  return { file: join(dir, `${name}.js`), execArgv: [] };
}
