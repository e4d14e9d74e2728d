// `npm run data [-- --full]`: writes the simulated databases the notebook reads. The small one
// is committed (the notebook's default); the full-size one is for the benchmark and stays local.
import { join, resolve } from "node:path";
import { FULL_USERS, simulateUsers, type SimulationOptions } from "./simulate";
import { writeUsersDatabase } from "./write";

const ROOT = resolve(__dirname, "..", "..", "..");
const SEED = 20210201;

export const SAMPLE: SimulationOptions & { path: string } = { path: join(ROOT, "data", "clubhouse", "sample.db"), userCount: 20_000, seed: SEED };
export const FULL: SimulationOptions & { path: string } = { path: join(ROOT, "data", "clubhouse", "full", "users.db"), userCount: FULL_USERS, seed: SEED };

/** Simulates `options.userCount` users and writes them to `file` (atomically); returns the path. */
export function writeSimulated(file: string, options: SimulationOptions): string {
  writeUsersDatabase(file, simulateUsers(options), options.seed);
  return file;
}

/** The committed sample: 20,000 users, about 2.4 MB. */
export async function writeSample(): Promise<string> {
  return writeSimulated(SAMPLE.path, SAMPLE);
}

/** The full-size database: 1,300,515 users, about 160 MB, in data/clubhouse/full/ (not committed). */
export async function writeFull(): Promise<string> {
  return writeSimulated(FULL.path, FULL);
}
