// Whether a process that left something behind (a kernel folder, a temporary file) still runs.

/** True while process `pid` exists (also when it is another user's, which we may not signal). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
