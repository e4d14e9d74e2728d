// `npm run snapshot:jelly -- --node URL [--engine E] [--index 'filebeat*'] [--out FILE | --update DIR]`
// Credentials come from ELASTIC_USERNAME and ELASTIC_PASSWORD, for either engine (the user defaults
// to "elastic", as the original's was); never from the command line, a file or the URL. The default
// output is data/jelly/full/snapshot-YYYY-MM-DD.ndjson.gz, next to the full-size data, which is not
// committed. Exit status: 0 pulled (or nothing new), 1 the pull failed, 2 bad arguments.
import { join, resolve } from "node:path";
import { readArgs, UsageError } from "../../args";
import { DEFAULT_INDEX, pullSnapshot, type PullOptions } from "./snapshot";
import { ENGINES, type Engine } from "./snapshot-engine";
import type { RetryPolicy } from "./snapshot-retry";
import { updateSnapshot } from "./snapshot-update";

export const USAGE = [
  "usage: npm run snapshot:jelly -- --node URL [--engine elasticsearch|opensearch] [--index 'filebeat*'] [--out FILE]",
  "       npm run snapshot:jelly -- --update DIR [--node URL] [--engine E] [--index P]   (only what is new, as a new part)",
  "  options: --page-size N (5000), --timeout SECONDS per request (30), --retries N (4)",
  "  credentials: ELASTIC_USERNAME (default elastic), ELASTIC_PASSWORD",
].join("\n");

export { UsageError };

const ROOT = resolve(__dirname, "..", "..", "..");

export type SnapshotCommand =
  | { kind: "file"; out: string; options: PullOptions & { node: string } }
  | { kind: "update"; dir: string; options: Omit<PullOptions, "node"> & { node?: string } };

export function parseSnapshotArgs(argv: readonly string[], env: NodeJS.ProcessEnv, today = new Date()): SnapshotCommand {
  const { values, positionals } = readArgs(argv, {
    node: { type: "string" },
    engine: { type: "string" },
    index: { type: "string" },
    out: { type: "string" },
    update: { type: "string" },
    "page-size": { type: "string" },
    timeout: { type: "string" },
    retries: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.out !== undefined && values.update !== undefined) throw new UsageError("--out and --update exclude each other (a file, or a folder of parts)");
  if (values.engine !== undefined && !(ENGINES as readonly string[]).includes(values.engine)) throw new UsageError(`--engine ${values.engine}: expected ${ENGINES.join(" or ")}`);
  if (values.node !== undefined) checkNode(values.node);
  const count = (name: string, value: string | undefined, min: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} ${value}: expected a whole number of at least ${min}`);
    return n;
  };
  const pageSize = count("page-size", values["page-size"], 1);
  const timeout = count("timeout", values.timeout, 1);
  const retries = count("retries", values.retries, 0);
  const password = env["ELASTIC_PASSWORD"];
  const username = env["ELASTIC_USERNAME"] ?? (password !== undefined ? "elastic" : undefined);
  const options = {
    ...(values.node !== undefined ? { node: values.node } : {}),
    ...(values.engine !== undefined ? { engine: values.engine as Engine } : {}),
    ...(values.index !== undefined ? { index: values.index } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(timeout !== undefined ? { requestTimeoutMs: timeout * 1000 } : {}),
    ...(retries !== undefined ? { retry: { attempts: retries + 1 } satisfies RetryPolicy } : {}),
    ...(username !== undefined && password !== undefined ? { username, password } : {}),
  };
  if (values.update !== undefined) return { kind: "update", dir: resolve(values.update), options };
  if (values.node === undefined) throw new UsageError("--node is required (with --update, only for a folder's first pull)");
  const out = values.out !== undefined ? resolve(values.out) : join(ROOT, "data", "jelly", "full", `snapshot-${today.toISOString().slice(0, 10)}.ndjson.gz`);
  return { kind: "file", out, options: { index: DEFAULT_INDEX, ...options, node: values.node } };
}

function checkNode(node: string): void {
  let url: URL;
  try {
    url = new URL(node);
  } catch {
    throw new UsageError(`--node ${node} is not a URL (e.g. https://localhost:9200)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--node ${node}: expected an http or https URL`);
  if (url.username || url.password) throw new UsageError("--node: put the credentials in ELASTIC_USERNAME and ELASTIC_PASSWORD, not in the URL (a URL ends up in shell histories and in the snapshot's manifest)");
}

export async function main(argv: readonly string[]): Promise<number> {
  let command: SnapshotCommand;
  try {
    command = parseSnapshotArgs(argv, process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let shown = 0;
  let pulled = 0;
  let expected: number | null = null;
  let open = false; // a progress line without its newline (on a terminal)
  const say = (line: string) => {
    process.stderr.write(`${open ? "\n" : ""}${line}\n`);
    open = false;
  };
  const onProgress = (n: number, total: number | null) => {
    pulled = n;
    expected = total;
    if (Date.now() - shown < 1000 && n !== total) return; // at most a line a second
    shown = Date.now();
    const line = `pulled ${n.toLocaleString("en-US")}${total !== null ? ` of ${total.toLocaleString("en-US")}` : ""} documents · ${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (tty) {
      process.stderr.write(`\r\u001b[K${line}`);
      open = true;
    } else process.stderr.write(`${line}\n`);
  };
  const attempts = command.options.retry?.attempts ?? 5;
  const retry: RetryPolicy = {
    attempts,
    onRetry: (failed, error, delay) => say(`${error.message}: trying again in ${(delay / 1000).toLocaleString("en-US")} s (try ${failed + 1} of ${attempts})`),
  };
  const options = { ...command.options, retry, onProgress };
  const where = command.kind === "file" ? command.out : command.dir;
  try {
    if (command.kind === "file") {
      const { file, engine, documents } = await pullSnapshot({ ...options, node: command.options.node, out: command.out });
      say(`wrote ${documents.toLocaleString("en-US")} documents from ${engine} to ${file}`);
    } else {
      const { part, manifest } = await updateSnapshot(command.dir, options);
      const all = manifest.parts.reduce((n, p) => n + p.documents, 0).toLocaleString("en-US");
      if (part) say(`pulled ${part.documents.toLocaleString("en-US")} new document${part.documents === 1 ? "" : "s"} into ${join(command.dir, part.file)}; the folder holds ${manifest.parts.length} parts, ${all} documents pulled in all`);
      else say(`nothing new on ${manifest.node} since the last part; ${command.dir} unchanged (${manifest.parts.length} parts, ${all} documents pulled in all)`);
    }
    return 0;
  } catch (e) {
    const progress = pulled > 0 ? ` (after ${pulled.toLocaleString("en-US")}${expected !== null ? ` of ${(expected as number).toLocaleString("en-US")}` : ""} documents)` : "";
    say(`${command.kind === "file" ? "snapshot" : "update"} failed${progress}, ${where} left as it was: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
