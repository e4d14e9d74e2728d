// `npm run snapshot:jelly -- --node URL [--index 'filebeat*'] [--out FILE]`
// Credentials come from ELASTIC_USERNAME and ELASTIC_PASSWORD (the user defaults to "elastic",
// as the original's was). The default output is data/jelly/full/snapshot-YYYY-MM-DD.ndjson.gz,
// next to the full-size data, which is not committed.
import { join, resolve } from "node:path";
import { pullSnapshot, type SnapshotOptions } from "./snapshot";

export const USAGE = "usage: npm run snapshot:jelly -- --node URL [--index 'filebeat*'] [--out FILE]\n  credentials: ELASTIC_USERNAME (default elastic), ELASTIC_PASSWORD";

export class UsageError extends Error {}

const ROOT = resolve(__dirname, "..", "..", "..");

export function parseSnapshotArgs(argv: readonly string[], env: NodeJS.ProcessEnv, today = new Date()): SnapshotOptions {
  let node: string | undefined;
  let index = "filebeat*";
  let out = join(ROOT, "data", "jelly", "full", `snapshot-${today.toISOString().slice(0, 10)}.ndjson.gz`);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--node") node = value();
    else if (arg === "--index") index = value();
    else if (arg === "--out") out = resolve(value());
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (node === undefined) throw new UsageError("--node is required");
  try {
    new URL(node);
  } catch {
    throw new UsageError(`--node ${node} is not a URL (e.g. https://localhost:9200)`);
  }
  const password = env["ELASTIC_PASSWORD"];
  const username = env["ELASTIC_USERNAME"] ?? (password !== undefined ? "elastic" : undefined);
  return { node, index, out, ...(username !== undefined && password !== undefined ? { username, password } : {}) };
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: SnapshotOptions;
  try {
    options = parseSnapshotArgs(argv, process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let shown = 0;
  const progress = (pulled: number, total: number | null) => {
    if (Date.now() - shown < 1000 && pulled !== total) return; // at most a line a second
    shown = Date.now();
    const line = `pulled ${pulled.toLocaleString("en-US")}${total !== null ? ` of ${total.toLocaleString("en-US")}` : ""} documents · ${((Date.now() - started) / 1000).toFixed(0)} s`;
    process.stderr.write(tty ? `\r\u001b[K${line}` : `${line}\n`);
  };
  try {
    const { file, documents } = await pullSnapshot({ ...options, onProgress: progress });
    process.stderr.write(`${tty ? "\n" : ""}wrote ${documents.toLocaleString("en-US")} documents to ${file}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${tty ? "\n" : ""}snapshot failed, ${options.out} left as it was: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
