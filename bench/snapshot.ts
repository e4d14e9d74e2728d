// npm run bench -- snapshot: an update that pulls the newest 1 % of an index against a full pull of
// the same index, on a real node of each engine (scripts/search-node), both as the user runs them:
//   full     npm run snapshot:jelly -- --node URL --out FILE            (every document)
//   update   npm run snapshot:jelly -- --update DIR                     (DIR holds the other 99 %)
// The index is the full-size snapshot (npm run data -- --full jelly) indexed with filebeat's mapping,
// or the committed sample when that is missing (said so). The oldest 99 % by time go in first, DIR
// is pulled from them, then the newest 1 % goes in; each update runs on a fresh copy of DIR.
// Medians of BENCH_RUNS runs (default 3); BENCH_ENGINES=elasticsearch,opensearch (the default).
// Needs java and mvn (the nodes) and a built dist/ (npm run build).
import { spawn } from "node:child_process";
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { ENGINES, type Engine } from "../src/jelly/load/snapshot-engine";
import { MANIFEST, partName, readManifest } from "../src/jelly/load/snapshot-manifest";
import { bulkIndex, putFilebeatTemplate, SAMPLE, type Hit } from "../test/jelly/load/filebeat";
import { nodeHome, searchNodeMissing, startSearchNode } from "../test/search-node/search-node";
import { median } from "./lib/common";

const ROOT = resolve(__dirname, "..");
const FULL = join(ROOT, "data", "jelly", "full", "events.ndjson.gz");
const CLI = join(ROOT, "dist", "jelly", "load", "snapshot-cli.js");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const WANTED = (process.env["BENCH_ENGINES"] ?? ENGINES.join(",")).split(",") as Engine[];
const TARGET = 20;
const NEW_SHARE = 0.01;

/** The snapshot's lines in time order (ties in file order), each kept as its text. */
async function linesByTime(file: string): Promise<string[]> {
  const lines: { text: string; ms: number; i: number }[] = [];
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const text of reader) {
    if (text.trim() === "") continue;
    const stamp = /"@timestamp":"([^"]+)"/.exec(text)?.[1];
    lines.push({ text, ms: stamp ? Date.parse(stamp) : 0, i: lines.length });
  }
  return lines.sort((a, b) => a.ms - b.ms || a.i - b.i).map((l) => l.text);
}

async function index(url: string, lines: readonly string[]): Promise<void> {
  const batch = 20_000;
  for (let start = 0; start < lines.length; start += batch) await bulkIndex(url, lines.slice(start, start + batch).map((l) => JSON.parse(l) as Hit), 5000);
}

/** One run of the CLI as a process, to its end: wall-clock ms. */
function cli(args: string[]): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => (code === 0 ? resolvePromise(performance.now() - t0) : reject(new Error(`snapshot:jelly ${args.join(" ")} failed (${code}): ${stderr.slice(-1000)}`))));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bench(engine: Engine, lines: readonly string[], work: string): Promise<string> {
  const { home, remove } = nodeHome(engine);
  let t0 = performance.now();
  const node = await startSearchNode(engine, home);
  const started = performance.now() - t0;
  try {
    await putFilebeatTemplate(node.url);
    const cut = Math.round(lines.length * (1 - NEW_SHARE));
    t0 = performance.now();
    await index(node.url, lines.slice(0, cut));
    const indexed = performance.now() - t0;
    const base = join(work, `${engine}-base`);
    await cli(["--update", base, "--node", node.url]);
    await index(node.url, lines.slice(cut));
    const full: number[] = [];
    const update: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      full.push(await cli(["--node", node.url, "--out", join(work, `${engine}-full.ndjson.gz`)]));
      const dir = join(work, `${engine}-update-${run}`);
      mkdirSync(dir, { recursive: true });
      linkSync(join(base, partName(1)), join(dir, partName(1)));
      copyFileSync(join(base, MANIFEST), join(dir, MANIFEST));
      update.push(await cli(["--update", dir]));
      const pulled = readManifest(dir)?.parts[1]?.documents;
      if (pulled !== lines.length - cut) throw new Error(`the update pulled ${pulled} documents, not the ${lines.length - cut} new ones`);
      rmSync(dir, { recursive: true, force: true });
    }
    const ratio = median(full) / median(update);
    return [
      engine.padEnd(15),
      lines.length.toLocaleString("en-US").padStart(10),
      (lines.length - cut).toLocaleString("en-US").padStart(8),
      seconds(median(full)).padStart(10),
      seconds(median(update)).padStart(10),
      `${ratio.toFixed(0)}×`.padStart(7),
      (ratio >= TARGET ? "yes" : "NO").padStart(6),
      seconds(started).padStart(9),
      seconds(indexed).padStart(10),
    ].join("");
  } finally {
    await node.stop();
    remove();
  }
}

async function main(): Promise<void> {
  const missing = searchNodeMissing();
  if (missing) return console.log(`snapshot benchmark skipped: ${missing}`);
  if (!existsSync(CLI)) return console.log("snapshot benchmark skipped: dist/ is not built; run `npm run build`.");
  const file = existsSync(FULL) ? FULL : SAMPLE;
  if (file !== FULL) console.log(`${FULL} is missing (npm run data -- --full jelly writes it): measuring on the committed sample instead.`);
  const lines = await linesByTime(file);
  const work = join(ROOT, ".tmp", "bench-snapshot");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  console.log(`update (the newest ${NEW_SHARE * 100} % of the index) against a full pull, each as one snapshot:jelly process; medians of ${RUNS} runs`);
  console.log(`${"engine".padEnd(15)}${"documents".padStart(10)}${"new".padStart(8)}${"full".padStart(10)}${"update".padStart(10)}${"ratio".padStart(7)}${`≥${TARGET}×`.padStart(6)}${"start".padStart(9)}${"indexing".padStart(10)}`);
  try {
    for (const engine of WANTED) console.log(await bench(engine, lines, work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log("start: the node from scripts/search-node's start to green health (jars in Maven's cache); indexing: the older 99 % through the bulk API");
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
