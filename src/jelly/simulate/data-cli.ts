// `npm run data [-- --full]`: writes the simulated Elasticsearch snapshots. The small one is
// committed (the notebook's default); the full-size one is for the benchmark and stays local.
import { join, resolve } from "node:path";
import { writeNdjson } from "../load/ndjson-writer";
import { FULL_SESSIONS, simulateHits } from "./simulate";

const ROOT = resolve(__dirname, "..", "..", "..");
export const SAMPLE_PATH = join(ROOT, "data", "jelly", "sample.ndjson.gz");
/** The same number of sessions spread over the whole window, June to 5 October 2020: the per-month runs' data (reports.json). */
export const MONTHS_PATH = join(ROOT, "data", "jelly", "months.ndjson.gz");
export const FULL_PATH = join(ROOT, "data", "jelly", "full", "events.ndjson.gz");
export const SAMPLE_SESSIONS = 11_000;
const FULL_SEED = 20201006;
// Chosen among the first few seeds so that the sample's 13 busiest sites all have different join
// counts (pandas orders ties unpredictably, which would make the cross-check flaky) and its
// broken-site list shows the sites the original named.
export const SAMPLE_SEED = 3;

async function write(file: string, sessions: number, seed: number, level: number, span?: number): Promise<string> {
  const progress = (n: number) => process.stderr.write(`\r${file}: ${n.toLocaleString("en-US")} documents`);
  const n = await writeNdjson(file, simulateHits({ sessions, seed, ...(span === undefined ? {} : { span }) }), { level, onProgress: progress, every: 50_000 });
  process.stderr.write(`\r${file}: ${n.toLocaleString("en-US")} documents\n`);
  return file;
}

/**
 * The committed samples: 11,000 sessions in the first 6¾ days (about 40,000 documents, the
 * notebook's default), and as many over the whole four months (the per-month runs).
 */
export async function writeSample(): Promise<string> {
  const files = [await write(SAMPLE_PATH, SAMPLE_SESSIONS, SAMPLE_SEED, 9), await write(MONTHS_PATH, SAMPLE_SESSIONS, SAMPLE_SEED, 9, 1)];
  return files.join(" and ");
}

/** The full-size snapshot: 206,000 sessions, about 730,000 documents, in data/jelly/full/ (not committed). */
export async function writeFull(): Promise<string> {
  return write(FULL_PATH, FULL_SESSIONS, FULL_SEED, 6);
}
