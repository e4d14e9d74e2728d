// The program the kernel runs instead of tslab's own `bin/tslab`, before handing over to tslab
// (`node launch-tslab.js kernel --config-path CONNECTION_FILE`, as the runner and JupyterLab start it):
//
// - zeromq.js sends the 513th message of a burst later, and until it has gone every further
//   send() throws EBUSY, which tslab ignores (it never awaits a send). Messages are then lost,
//   the `status: idle` and stdout lines among them. With a send timeout of 0 zeromq.js always
//   sends at once, and an unlimited high-water mark keeps libzmq from dropping at 1,000 queued.
// - tslab sends one iopub message per write to stdout or stderr, and ZeroMQ's PUB socket drops
//   messages for a subscriber whose queue is full: a client slower than a burst of lines (nbclient
//   on a loaded machine) loses some. As ipykernel does, a cell's writes are gathered and go out as
//   one `stream` message per STREAM_INTERVAL_MS (or per STREAM_MAX_CHARS); what is gathered goes
//   before the cell's next display and before its execute_reply, so nothing is reordered.
// - The kernel ends (with the process group it leads: what its cells started) when the process
//   that started it is gone, even after a SIGKILL that left it no time to stop the kernel.
// - When the report runner tracks the run, the tracking hooks (track/hooks.ts) go in first.
// - tslab and TypeScript load from V8's code cache (compile-cache.ts). What it lacks is written
//   when the kernel is stopped (the runner's SIGTERM, JupyterLab's shutdown), with the compiler's
//   functions that the cells needed by then.
import { dirname, join } from "node:path";
import type * as Jupyter from "tslab/dist/jupyter";
import { TRACK_LOG } from "../io/inputs";
import { enableCompileCache, flushCompileCache } from "./compile-cache";

/** A cell's writes to stdout and stderr go out at most this often... */
export const STREAM_INTERVAL_MS = 50;
/** ...or sooner, once they hold this many characters. */
export const STREAM_MAX_CHARS = 1 << 20;

type Constructor = new (options?: Record<string, unknown>) => object;

/** Sockets that send at once, with no queue limit. */
function sendAtOnce(zmq: Record<string, unknown>): void {
  for (const name of ["Publisher", "Router"]) {
    const Base = zmq[name] as Constructor;
    zmq[name] = class extends Base {
      constructor(options?: Record<string, unknown>) {
        super({ sendTimeout: 0, sendHighWaterMark: 0, ...options });
      }
    };
  }
}

/** Ends the kernel's process group once the process that started it is gone. */
function endWithParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") return;
    }
    try {
      process.kill(-process.pid, "SIGKILL");
    } catch {
      // not a group leader (started by hand): this process alone
    }
    process.exit(1);
  }, 500).unref();
}

/** A cell's stream writes gathered into few messages, in order with its displays. */
function gatherStreams(Handler: typeof Jupyter.JupyterHandlerImpl): void {
  const execute = Handler.prototype.handleExecute;
  Handler.prototype.handleExecute = async function (request, writeStream, writeDisplayData) {
    let name: string | undefined;
    let text = "";
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (text === "" || name === undefined) return;
      const gathered = text;
      text = "";
      writeStream(name, gathered);
    };
    const write = (stream: string, chunk: string) => {
      if (stream !== name) flush();
      name = stream;
      text += chunk;
      if (text.length >= STREAM_MAX_CHARS) flush();
      else timer ??= setTimeout(flush, STREAM_INTERVAL_MS);
    };
    try {
      return await execute.call(this, request, write, (data, update) => (flush(), writeDisplayData(data, update)));
    } finally {
      flush();
    }
  };
}


/** Prepares the process as above, then runs tslab's kernel with this process's arguments. */
export function launch(): void {
  enableCompileCache();
  process.once("SIGTERM", () => {
    flushCompileCache();
    process.kill(process.pid, "SIGTERM"); // as if unhandled: the runner sees the kernel killed by it
  });
  const tslab = dirname(require.resolve("tslab/package.json"));
  sendAtOnce(require(require.resolve("zeromq", { paths: [tslab] })) as Record<string, unknown>);
  endWithParent();
  if (process.env[TRACK_LOG]) (require("./track/hooks") as typeof import("./track/hooks")).install();
  // After the hooks, as tslab's own modules always were: what they read is tracked as before.
  gatherStreams((require(join(tslab, "dist", "jupyter.js")) as typeof Jupyter).JupyterHandlerImpl);
  (require(join(tslab, "dist", "main.js")) as { main: () => void }).main();
}

if (require.main === module) launch();
