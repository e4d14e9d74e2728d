// Whether a process that left something behind (a kernel folder, a temporary file) still runs.
import { readFileSync } from "node:fs";

/** True while process `pid` exists (also when it is another user's, which we may not signal). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** When the process `pid` started, in ms since the epoch, from Linux's /proc; undefined elsewhere. */
function startedAt(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, starttime, in clock ticks (USER_HZ, 100 a second) since boot; the name before it may hold spaces.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Boot time is kept in whole seconds, and the clock may have been set since: a margin. */
const START_SLACK_MS = 5000;

/**
 * Whether the process that wrote a file at `writtenMs` (its mtime) under `pid` has ended: no
 * process has that pid, or the one that has it started after the file was written (the pid was
 * used again: in a fresh container each run of the CLI may get the same one, this one included).
 */
export function writerGone(pid: number, writtenMs: number): boolean {
  if (!alive(pid)) return true;
  const started = startedAt(pid);
  return started !== undefined && started > writtenMs + START_SLACK_MS;
}
