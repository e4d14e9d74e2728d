// Where a worker thread's script is: the compiled .js beside the module that starts it, or, when the
// library runs from its TypeScript sources (the tests), the .ts one loaded through tsx.
import { join } from "node:path";
import { SHARE_ENV, Worker } from "node:worker_threads";

/** `dir` is the starting module's `__dirname`, `name` the worker's file name without extension. */
export function workerScript(dir: string, name: string): { file: string; execArgv: string[] } {
  if (__filename.endsWith(".ts")) return { file: join(dir, `${name}.ts`), execArgv: ["--require", require.resolve("tsx/cjs")] };
  return { file: join(dir, `${name}.js`), execArgv: [] };
}

/**
 * Runs a worker that answers with one message and stops: resolves with that message once it has
 * stopped; rejects with its error, or when it stopped without answering (`who` names it then).
 */
export function workerAnswer<T>(dir: string, name: string, workerData: unknown, who: string): Promise<T> {
  const { file, execArgv } = workerScript(dir, name);
  return new Promise((resolveAnswer, reject) => {
    const worker = new Worker(file, { workerData, execArgv, env: SHARE_ENV });
    let answer: { value: T } | undefined;
    worker.once("message", (value: T) => (answer = { value }));
    worker.once("error", reject);
    worker.once("exit", (code) => (answer ? resolveAnswer(answer.value) : reject(new Error(`${who} stopped without an answer (exit code ${code})`))));
  });
}
