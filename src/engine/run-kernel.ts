// The kernel a run needs, with the tracker its reads are reported to: started apart from the
// runner so that a run's kernel can start before the runner and the exporter have loaded (they
// load while it starts; report-one.ts), or ahead of the run to have it warm (watch.ts).
import { dirname, resolve } from "node:path";
import { Kernel, KernelDiedError } from "./kernel";
import { discardSnapshot, kernelSnapshot, SNAPSHOT_HOME } from "./kernel-snapshot";
import { Tracker } from "./track/tracker";

/** A kernel started for a notebook's run, and the tracker that its reads are reported to. */
export interface RunKernel {
  kernel: Kernel;
  tracker: Tracker;
  /** The kernel's environment, whose variables the run may read. */
  env: NodeJS.ProcessEnv;
}

/**
 * Starts the kernel a run of this notebook needs; `whileStarting` is called once, as soon as its
 * process is under way.
 */
export async function startRunKernel(notebookPath: string, iopubTimeoutMs?: number, whileStarting?: () => void): Promise<RunKernel> {
  const tracker = new Tracker();
  const env = tracker.kernelEnv();
  try {
    const cwd = dirname(resolve(notebookPath));
    const options = { cwd, ...(iopubTimeoutMs !== undefined ? { iopubTimeoutMs } : {}), env, ...(whileStarting ? { whileStarting: once(whileStarting) } : {}) };
    const snapshot = kernelSnapshot();
    if (snapshot === undefined) return { kernel: await Kernel.start(options), tracker, env };
    try {
      return { kernel: await Kernel.start({ ...options, snapshot }), tracker, env };
    } catch (e) {
      // A snapshot this Node.js cannot start from (it says so and exits) goes, and the kernel starts as before.
      if (!(e instanceof KernelDiedError)) throw e;
      discardSnapshot(SNAPSHOT_HOME, e.message);
      return { kernel: await Kernel.start(options), tracker, env };
    }
  } catch (e) {
    tracker.dispose();
    throw e;
  }
}

/**
 * startRunKernel, given back as soon as the kernel's process is under way (or its start failed):
 * what the caller does next, loading modules say, then no longer holds up the spawn, which waits
 * on the event loop for free ports.
 */
export function startRunKernelSoon(notebookPath: string, whileStarting: () => void): Promise<{ started: Promise<RunKernel> }> {
  return new Promise((under) => {
    const started = startRunKernel(notebookPath, undefined, () => {
      under({ started });
      whileStarting();
    });
    started.catch(() => under({ started }));
  });
}

/** `f` at its first call only (a kernel whose ports were taken is started again). */
function once(f: () => void): () => void {
  let called = false;
  return () => void (called || ((called = true), f()));
}

/** Stops a kernel started for a run (startRunKernel) and removes what its tracker kept. */
export async function stopRunKernel(started: Promise<RunKernel>): Promise<void> {
  const run = await started.catch(() => undefined);
  if (run === undefined) return;
  try {
    await run.kernel.shutdown();
  } finally {
    run.tracker.dispose();
  }
}
