// `snapshot:jelly --update DIR`: brings a snapshot folder (snapshot-manifest.ts) up to date by
// pulling only the documents after its last part, as a new part. The part is written whole (into a
// temporary file, renamed), then the manifest is replaced whole to list it: a pull that breaks off
// leaves the manifest and the earlier parts as they were, and a reader that follows the manifest
// never sees a part being written. One update at a time: DIR/.update.lock holds the process id.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { removeLeftovers, writeAtomic } from "../../io/atomic";
import { writerGone } from "../../io/pid";
import { writeNdjson } from "./ndjson-writer";
import { asLines, DEFAULT_INDEX, PositionTracker, pullHits, withClient, type PullOptions } from "./snapshot";
import type { SortedHit } from "./snapshot-engine";
import { isFolder, lastPosition, MANIFEST, newManifest, partName, readManifest, type Manifest, type Part } from "./snapshot-manifest";
import { SnapshotError } from "./snapshot-retry";

export interface UpdateResult {
  dir: string;
  /** The part written, or null when nothing was new. */
  part: Part | null;
  manifest: Manifest;
}

const LOCK = ".update.lock";

/**
 * Pulls what is new into DIR: everything when DIR has no manifest yet (the first part), else the
 * documents after the last part's end. Node, engine and index default to the manifest's; when
 * given they must be the same (a folder holds one source).
 */
export async function updateSnapshot(dir: string, options: Omit<PullOptions, "node"> & { node?: string }): Promise<UpdateResult> {
  if (existsSync(dir) && !isFolder(dir)) throw new SnapshotError(`${dir} is a file: --update takes a folder (a single-file snapshot is pulled with --out)`);
  mkdirSync(dir, { recursive: true });
  return withLock(dir, async () => {
    for (const prefix of [MANIFEST, "part-"]) removeLeftovers(dir, prefix);
    const existing = readManifest(dir);
    const node = options.node ?? existing?.node;
    if (node === undefined) throw new SnapshotError(`${dir} has no ${MANIFEST} yet: the first pull needs --node URL`);
    const index = options.index ?? existing?.index ?? DEFAULT_INDEX;
    if (existing) {
      const differ = [!sameNode(existing.node, node) && `node ${existing.node}`, existing.index !== index && `index '${existing.index}'`, options.engine !== undefined && existing.engine !== options.engine && `engine ${existing.engine}`].filter((d) => d);
      if (differ.length > 0) throw new SnapshotError(`${dir} was pulled from ${differ.join(", ")}: an update from elsewhere would mix two sources (pull into a new folder instead)`);
    }
    const engine = options.engine ?? existing?.engine;
    const pull: PullOptions = { ...options, node, index, ...(engine ? { engine } : {}) };
    return withClient(pull, async (client) => {
      const manifest = existing ?? newManifest(client.engine, node, index);
      const after = lastPosition(manifest);
      const pulledAt = new Date().toISOString();
      const file = partName(manifest.parts.length + 1);
      const tracker = new PositionTracker(after);
      const hits = pullHits(client, pull, after);
      const first = await hits.next();
      if (first.done) return { dir, part: null, manifest };
      const documents = await writeNdjson(join(dir, file), asLines(tracked(first.value, hits, tracker)), { level: 6 });
      const part: Part = { file, documents, bytes: statSync(join(dir, file)).size, pulledAt, after, through: tracker.position() };
      const updated: Manifest = { ...manifest, parts: [...manifest.parts, part] };
      writeAtomic(join(dir, MANIFEST), `${JSON.stringify(updated, null, 1)}\n`);
      return { dir, part, manifest: updated };
    });
  });
}

/** The first hit, then the rest, each shown to the tracker; the pull is ended when the writer stops early. */
async function* tracked(first: SortedHit, rest: AsyncGenerator<SortedHit>, tracker: PositionTracker): AsyncGenerator<SortedHit> {
  try {
    tracker.see(first);
    yield first;
    for await (const hit of rest) {
      tracker.see(hit);
      yield hit;
    }
  } finally {
    await rest.return(undefined);
  }
}

async function withLock<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const lock = join(dir, LOCK);
  let fd: number | undefined;
  for (let tries = 0; fd === undefined; tries++) {
    try {
      fd = openSync(lock, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || tries > 0) throw e;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && !writerGone(holder, statSync(lock).mtimeMs)) throw new SnapshotError(`${dir} is being updated by process ${holder} (${lock})`);
      rmSync(lock, { force: true }); // left by an update that was killed
    }
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return await run();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The same node, however the URL is written (a trailing slash, the host's case, a default port). */
function sameNode(a: string, b: string): boolean {
  return new URL(a).href === new URL(b).href;
}
