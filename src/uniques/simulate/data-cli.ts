// `npm run data [-- --full]`: writes the simulated extracts the notebook reads. The small one is
// committed (the notebook's default); the full-size one is for the benchmark and stays local.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { mechanismEffects, WHAT_IF_MECHANISMS, whatIfRecords } from "./mechanisms";
import { Simulation } from "./simulation";
import { writeExtract } from "./write";

const ROOT = resolve(__dirname, "..", "..", "..");
export const SAMPLE_PATH = join(ROOT, "data", "uniques", "webrequest.tsv.gz");
export const SAMPLE_TRUTH_PATH = join(ROOT, "data", "uniques", "truth.json");
export const FULL_PATH = join(ROOT, "data", "uniques", "full", "webrequest.tsv.gz");
export const FULL_TRUTH_PATH = join(ROOT, "data", "uniques", "full", "truth.json");
export const SEED = 20160101;
/** The committed sample is the same world with a fiftieth of the devices and bots. */
export const SAMPLE_SCALE = 0.02;

/**
 * What only the simulation can tell, beside the truth: the same world with carrier NAT, then
 * changing addresses, switched off, estimated like the extract (at the sample's scale, whatever the
 * extract's: the effects are proportions).
 */
export function whatIf(): { scale: number; rows: Array<Record<string, string | number>> } {
  return { scale: SAMPLE_SCALE, rows: whatIfRecords(mechanismEffects({ seed: SEED, scale: SAMPLE_SCALE }, WHAT_IF_MECHANISMS)) };
}

async function write(file: string, truthFile: string, scale: number, gzipLevel: number): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  await writeExtract(new Simulation({ seed: SEED, scale }), file, truthFile, gzipLevel, { what_if: whatIf() });
  return file;
}

/** The committed sample: about 210,000 requests, a few MB gzipped, with truth.json beside it. */
export async function writeSample(): Promise<string> {
  return write(SAMPLE_PATH, SAMPLE_TRUTH_PATH, SAMPLE_SCALE, 9);
}

/** The full-size extract: about 10.5 million requests (about 2.9 GB as text), in data/uniques/full/ (not committed). */
export async function writeFull(): Promise<string> {
  return write(FULL_PATH, FULL_TRUTH_PATH, 1, 6);
}

