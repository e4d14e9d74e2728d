import { renameSync, rmSync, writeFileSync } from "node:fs";

/** Writes beside the target and renames over it: a reader sees the old file or the new one, never half of one. */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
