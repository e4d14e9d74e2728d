// A Jupyter client for the tslab kernel: starts it as Jupyter does (a connection file,
// HMAC-signed messages over ZeroMQ) and executes code, collecting the iopub outputs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zmq from "zeromq";

import type { MimeBundle, Output } from "../notebook/notebook";
import { writerGone } from "../io/pid";
import { decode, encode, newMessage, type Message } from "./protocol";

export interface ExecuteReply {
  status: "ok" | "error" | "abort";
  executionCount: number | null;
  outputs: Output[];
  /** Set when the cell's outputs may be incomplete: its idle (or its reply) never arrived in time. */
  incomplete?: string;
}

export class KernelDiedError extends Error {
  override name = "KernelDiedError";
}
/**
 * A start to try again: another process took one of the kernel's ports between their pick and
 * tslab's bind, or zeromq.js broke tslab's loop over its shell socket while it started (EBUSY:
 * "Socket is busy reading", seen once on a loaded CI machine), after which it never answers.
 */
class StartAgainError extends KernelDiedError {}

export class CellTimeoutError extends Error {
  override name = "CellTimeoutError";
}

/** The run was stopped from outside (a signal to the CLI): no cell failed. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
}

/**
 * Resolves once a signal that has reached the process (SIGINT, SIGTERM) has been handled: that
 * happens in the event loop's poll phase, which a chain of resolved promises never reaches (an
 * export that ends in synchronous writes runs past it). Two turns: the first may start after
 * the poll phase that ran just before the signal came.
 */
export async function signalsHandled(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((r) => setImmediate(r));
}

/** Throws InterruptedError when `signal` has been aborted, by a signal handled until now. */
export async function throwIfStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return;
  await signalsHandled();
  if (signal.aborted) throw new InterruptedError(String(signal.reason));
}

/** Named when the kernel's stderr says V8 ran out of heap (it dies by SIGABRT with a native stack). */
export const OUT_OF_MEMORY = "the kernel ran out of memory: raise --max-old-space-size or read less";

interface Pending {
  msgId: string;
  outputs: Output[];
  reply?: Record<string, unknown>;
  idle: boolean;
  clearOnNext: boolean;
  /** Waits, after the reply (or the idle) alone, for the other to arrive; restarted by each message of the cell. */
  drain?: NodeJS.Timeout;
  resolve: (r: ExecuteReply) => void;
  reject: (e: Error) => void;
}

/** A drain timer firing this much after it was due means this process was busy meanwhile. */
const LATE_MS = 500;

/** Outputs with a display id, across cells, so that update_display_data can rewrite them in place. */
type DisplayIndex = Map<string, Output[]>;

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((s) => {
    const address = s.address();
    if (address === null || typeof address === "string") throw new Error("no TCP port for the kernel");
    return address.port;
  });
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** The launcher (launch-tslab.ts), as built: the runner's kernels and JupyterLab's start from it. */
export const LAUNCHER = join(__dirname, "..", "..", "dist", "engine", "launch-tslab.js");

/**
 * Writes `dir/launch-tslab.js`, which runs the built launcher (a kernelspec's folder holds it, so
 * that JupyterLab starts the kernel as the runner does), and returns its path.
 */
export function writeLauncher(dir: string): string {
  const file = join(dir, "launch-tslab.js");
  writeFileSync(file, `// Written by analysis (npm run kernel): starts tslab's kernel through the project's launcher.\nrequire(${JSON.stringify(LAUNCHER)}).launch();\n`);
  return file;
}

/**
 * The command that starts the tslab kernel on a connection file, as the runner and JupyterLab
 * (kernelspec.ts) start it: this Node.js with no V8 options, on the launcher. A V8-internal flag
 * (the runner once passed `--interrupt-budget`) is refused by the Node.js versions whose V8
 * dropped it, and then no kernel starts, in the runner or in the user's JupyterLab.
 */
export function kernelCommand(connectionFile: string, launcher: string, snapshot?: string): string[] {
  // From a snapshot, its script (snapshot-entry.ts) runs the launcher.
  if (snapshot !== undefined) return [process.execPath, "--snapshot-blob", snapshot, "kernel", "--config-path", connectionFile];
  return [process.execPath, launcher, "kernel", "--config-path", connectionFile];
}

const FOLDER_PREFIX = "analysis-kernel-";
/** The run's tracking log (track/tracker.ts) has a folder of its own, left behind the same way. */
const TRACK_PREFIX = "analysis-track-";
const OWNER_FILE = "owner.pid";

/**
 * Removes the kernel folders (connection file with its signing key, launcher) and tracking folders that a runner
 * killed by SIGKILL left in the temporary folder; their kernels have ended by themselves.
 * Returns the folders removed.
 */
export function removeStaleKernelFolders(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(FOLDER_PREFIX) || n.startsWith(TRACK_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const ownerFile = join(dir, name, OWNER_FILE);
    let owner: number;
    let written: number;
    try {
      owner = Number(readFileSync(ownerFile, "utf8"));
      written = statSync(ownerFile).mtimeMs;
    } catch {
      continue; // not ours to judge (no owner file yet, or another user's)
    }
    if (Number.isInteger(owner) && owner > 0 && writerGone(owner, written)) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

export interface StartOptions {
  /** The kernel's working directory: the notebook's folder, as in JupyterLab. */
  cwd: string;
  startupTimeoutMs?: number;
  /** The kernel process's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /**
   * How long a cell waits, after its execute_reply, for its `status: idle` (the end of its
   * outputs), each further message of the cell restarting the wait; as nbclient's iopub_timeout.
   */
  iopubTimeoutMs?: number;
  /** Starts tslab's own bin/tslab without the launcher: only to show in tests what the launcher prevents. */
  plainTslab?: boolean;
  /**
   * Called once the kernel's process is started, before it answers: work for this process that
   * then runs on another core while the kernel prepares its compiler (the exporter's modules load).
   */
  whileStarting?: () => void;
  /** A V8 startup snapshot to start the kernel from (kernel-snapshot.ts), not with plainTslab. */
  snapshot?: string;
}


export class Kernel {
  private readonly session = randomUUID();
  private pending: Pending | undefined;
  private readonly displays: DisplayIndex = new Map();
  private exited: string | undefined;
  private log = "";
  private infoReplies = 0;
  private iopubSeen = false;
  private outOfMemory = false;
  private wake: (() => void) | undefined;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly key: string,
    private readonly shell: zmq.Dealer,
    private readonly iopub: zmq.Subscriber,
    private readonly connDir: string,
    private readonly iopubTimeoutMs: number,
  ) {}

  /**
   * Starts tslab on five free ports. A port is free when it is picked but taken by tslab only later,
   * so another process starting a kernel at the same moment may take it in between (the race every
   * Jupyter client has): tslab then says EADDRINUSE, and the start is tried again on new ports.
   */
  static async start(options: StartOptions): Promise<Kernel> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await Kernel.startOnce(options);
      } catch (e) {
        if (!(e instanceof StartAgainError) || attempt >= 3) throw e;
      }
    }
  }

  private static async startOnce({ cwd, startupTimeoutMs = 30_000, env = process.env, iopubTimeoutMs = 4000, plainTslab = false, whileStarting, snapshot }: StartOptions): Promise<Kernel> {
    removeStaleKernelFolders();
    const [shellPort, iopubPort, stdinPort, controlPort, hbPort] = (await freePorts(5)) as [number, number, number, number, number];
    const key = randomBytes(32).toString("hex");
    const connDir = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
    writeFileSync(join(connDir, OWNER_FILE), String(process.pid));
    const connFile = join(connDir, "kernel.json");
    const info = {
      transport: "tcp",
      ip: "127.0.0.1",
      shell_port: shellPort,
      iopub_port: iopubPort,
      stdin_port: stdinPort,
      control_port: controlPort,
      hb_port: hbPort,
      key,
      signature_scheme: "hmac-sha256",
      kernel_name: "tslab",
    };
    writeFileSync(connFile, JSON.stringify(info), { mode: 0o600 });
    const launcher = plainTslab ? require.resolve("tslab/bin/tslab") : LAUNCHER;
    const [node, ...args] = kernelCommand(connFile, launcher, plainTslab ? undefined : snapshot);
    // Its own process group: stopping the kernel stops what its cells started, and a Ctrl-C
    // at the terminal reaches the runner, which stops the kernel itself.
    const proc = spawn(node!, args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    // A send timeout of 0 sends at once: with the default, zeromq.js holds back a send after 512
    // operations in a row without a wait, and a second send meanwhile throws EBUSY ("Socket is
    // busy writing"). A slow kernel start, answering a backlog of kernel_info_requests, got there.
    // Connected before tslab binds, each socket tries again every 10 ms (libzmq's default is 100):
    // the kernel is seen as soon as it listens.
    const shell = new zmq.Dealer({ linger: 0, sendTimeout: 0, reconnectInterval: 10 });
    const iopub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 0, reconnectInterval: 10 });
    shell.connect(`tcp://127.0.0.1:${shellPort}`);
    iopub.connect(`tcp://127.0.0.1:${iopubPort}`);
    iopub.subscribe();
    const kernel = new Kernel(proc, key, shell, iopub, connDir, iopubTimeoutMs);
    kernel.listen();
    try {
      whileStarting?.();
      await kernel.waitReady(startupTimeoutMs);
    } catch (e) {
      // Open sockets would keep this process alive and the folder holds the signing key.
      await kernel.shutdown();
      throw e;
    }
    return kernel;
  }

  private listen(): void {
    const keep = (chunk: Buffer) => {
      const recent = this.log.slice(-200) + chunk.toString();
      // V8's "heap out of memory" line is soon followed by kilobytes of native stack.
      if (/JavaScript heap out of memory|Reached heap limit/.test(recent)) this.outOfMemory = true;
      this.log = (this.log + chunk.toString()).slice(-4000);
    };
    this.proc.stdout?.on("data", keep);
    this.proc.stderr?.on("data", keep);
    this.proc.on("exit", (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const p = this.pending;
      this.pending = undefined;
      if (p) clearTimeout(p.drain);
      p?.reject(new KernelDiedError(this.outOfMemory ? `${OUT_OF_MEMORY} (${this.exited})` : `the kernel died (${this.exited})${this.logTail()}`));
    });
    void this.pump(this.shell, (m) => this.onShell(m));
    void this.pump(this.iopub, (m) => this.onIopub(m));
  }

  private logTail(): string {
    const tail = this.log.trim().split("\n").slice(-5).join("\n");
    return tail ? `; its last output:\n${tail}` : "";
  }

  private async pump(socket: zmq.Dealer | zmq.Subscriber, handle: (m: Message) => void): Promise<void> {
    try {
      for await (const frames of socket) handle(decode(this.key, frames));
    } catch (e) {
      // Closing the socket ends the loop; anything else means the kernel cannot be trusted.
      if (!socket.closed) this.pending?.reject(new KernelDiedError(`lost the kernel's messages: ${(e as Error).message}`));
    }
  }

  private send(msgType: string, content: unknown): string {
    const msg = newMessage(msgType, this.session, content);
    this.shell.send(encode(this.key, msg)).catch((e: Error) => {
      if (!this.shell.closed) this.pending?.reject(new KernelDiedError(`could not send to the kernel: ${e.message}`));
    });
    return msg.header.msg_id;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const started = Date.now();
    // kernel_info_request until the reply and an iopub status both arrive: then the
    // subscription is live and no output of the first cell can be lost.
    let lastRequest = -Infinity;
    while (!(this.infoReplies > 0 && this.iopubSeen)) {
      if (/EADDRINUSE/.test(this.log)) throw new StartAgainError(`a port picked for the kernel was taken before it bound it${this.logTail()}`);
      if (/EBUSY/.test(this.log)) throw new StartAgainError(`the kernel's socket refused a read while it started (zeromq.js EBUSY)${this.logTail()}`);
      if (this.exited) throw new KernelDiedError(`the tslab kernel did not start (${this.exited})${this.logTail()}`);
      if (Date.now() - started > timeoutMs) {
        throw new KernelDiedError(`the tslab kernel did not answer within ${timeoutMs / 1000} s${this.logTail()}`);
      }
      // One request per interval (not one per message woken by), so that a kernel slow to bind
      // does not answer a flood of them.
      const interval = this.infoReplies > 0 ? 20 : 100;
      if (performance.now() - lastRequest >= interval) {
        this.send("kernel_info_request", {});
        lastRequest = performance.now();
      }
      // Woken by the kernel's first messages, so that its readiness is seen at once.
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, interval);
      });
    }
    this.wake = undefined;
  }

  private onShell(msg: Message): void {
    if (msg.header.msg_type === "kernel_info_reply") this.infoReplies++;
    this.wake?.();
    const p = this.pending;
    if (msg.header.msg_type !== "execute_reply" || !p || msg.parent_header.msg_id !== p.msgId) return;
    p.reply = msg.content;
    this.settle(p);
  }

  /** With one of reply and idle in, the other gets a bounded wait, so that a lost message never stalls the run. */
  private armDrain(p: Pending): void {
    clearTimeout(p.drain);
    if (!p.reply === !p.idle) return;
    const due = performance.now() + this.iopubTimeoutMs;
    p.drain = setTimeout(() => {
      if (this.pending !== p) return;
      // This process was busy (another notebook's export, say) past the wait: the messages may be
      // waiting in the socket, unread. Timers run before the loop reads its sockets, so wait again.
      if (performance.now() - due > LATE_MS) return this.armDrain(p);
      // One turn of the loop, so that what the socket holds is read before anything is called lost.
      setImmediate(() => {
        if (this.pending !== p || !p.reply === !p.idle) return;
        const missing = p.reply ? "its status idle" : "its execute_reply";
        this.finish(p, `the kernel's messages were lost: ${missing} never arrived (waited ${this.iopubTimeoutMs / 1000} s after the last one); outputs may be incomplete`);
      });
    }, this.iopubTimeoutMs);
  }

  private onIopub(msg: Message): void {
    this.iopubSeen = true;
    this.wake?.();
    const p = this.pending;
    if (!p || msg.parent_header.msg_id !== p.msgId) return;
    if (p.drain) this.armDrain(p);
    const c = msg.content;
    switch (msg.header.msg_type) {
      case "status":
        if (c["execution_state"] === "idle") {
          p.idle = true;
          this.settle(p);
        }
        return;
      case "clear_output":
        if (c["wait"]) p.clearOnNext = true;
        else p.outputs.length = 0;
        return;
      case "update_display_data":
        this.updateDisplay(c);
        return;
      case "stream":
      case "display_data":
      case "execute_result":
      case "error":
        if (p.clearOnNext) {
          p.outputs.length = 0;
          p.clearOnNext = false;
        }
        p.outputs.push(this.toOutput(msg.header.msg_type, c));
    }
  }

  private toOutput(type: string, c: Record<string, unknown>): Output {
    if (type === "stream") return { output_type: "stream", name: c["name"] === "stderr" ? "stderr" : "stdout", text: String(c["text"] ?? "") };
    if (type === "error") {
      return {
        output_type: "error",
        ename: String(c["ename"] ?? "Error"),
        evalue: String(c["evalue"] ?? ""),
        traceback: Array.isArray(c["traceback"]) ? c["traceback"].map(String) : [],
      };
    }
    const data = (c["data"] ?? {}) as MimeBundle;
    const metadata = (c["metadata"] ?? {}) as Record<string, unknown>;
    const out: Output =
      type === "execute_result"
        ? { output_type: "execute_result", execution_count: (c["execution_count"] as number) ?? null, data, metadata }
        : { output_type: "display_data", data, metadata };
    const id = (c["transient"] as { display_id?: unknown } | undefined)?.display_id;
    if (typeof id === "string" && id !== "") this.displays.set(id, [...(this.displays.get(id) ?? []), out]);
    return out;
  }

  private updateDisplay(c: Record<string, unknown>): void {
    const id = (c["transient"] as { display_id?: unknown } | undefined)?.display_id;
    for (const out of typeof id === "string" ? this.displays.get(id) ?? [] : []) {
      if (out.output_type === "display_data" || out.output_type === "execute_result") {
        out.data = (c["data"] ?? {}) as MimeBundle;
        out.metadata = (c["metadata"] ?? {}) as Record<string, unknown>;
      }
    }
  }

  private settle(p: Pending): void {
    if (!p.reply || !p.idle) {
      this.armDrain(p);
      return;
    }
    this.finish(p);
  }

  private finish(p: Pending, incomplete?: string): void {
    clearTimeout(p.drain);
    this.pending = undefined;
    // Without a reply, the cell failed if it wrote to stderr: tslab's only sign of an error.
    const status = p.reply ? p.reply["status"] : p.outputs.some((o) => o.output_type === "stream" && o.name === "stderr") ? "error" : "ok";
    const count = p.reply?.["execution_count"];
    p.resolve({
      status: status === "ok" || status === "abort" ? status : "error",
      executionCount: typeof count === "number" ? count : null,
      outputs: p.outputs,
      ...(incomplete ? { incomplete } : {}),
    });
  }

  /** Executes one cell's code; rejects with CellTimeoutError (and kills the kernel) or KernelDiedError. */
  execute(code: string, timeoutMs = Infinity): Promise<ExecuteReply> {
    if (this.exited) return Promise.reject(new KernelDiedError(`the kernel is not running (${this.exited})`));
    if (this.pending) return Promise.reject(new Error("one cell at a time: the previous one has not finished"));
    return new Promise<ExecuteReply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => timer && clearTimeout(timer);
      const pending: Pending = {
        msgId: "",
        outputs: [],
        idle: false,
        clearOnNext: false,
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      };
      this.pending = pending;
      pending.msgId = this.send("execute_request", {
        code,
        silent: false,
        store_history: true,
        user_expressions: {},
        allow_stdin: false,
        stop_on_error: true,
      });
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          if (this.pending !== pending) return;
          this.pending = undefined;
          clearTimeout(pending.drain);
          // tslab cannot interrupt synchronous code, so a hung cell costs the kernel.
          this.killGroup("SIGKILL");
          const err = new CellTimeoutError(`did not finish within ${timeoutMs / 1000} s`);
          (err as CellTimeoutError & { outputs?: Output[] }).outputs = pending.outputs;
          reject(err);
        }, timeoutMs);
      }
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** The kernel and every process its cells started (they share its process group). */
  private killGroup(signal: NodeJS.Signals): void {
    const pid = this.proc.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      this.proc.kill(signal);
    }
  }

  /** Stops the kernel and its process group, closes the sockets and removes the kernel's folder. */
  async shutdown(): Promise<void> {
    if (!this.exited) {
      const gone = new Promise((r) => this.proc.once("exit", r));
      this.killGroup("SIGTERM");
      const timer = setTimeout(() => this.killGroup("SIGKILL"), 2000);
      await gone;
      clearTimeout(timer);
    }
    // Children that ignore SIGTERM outlive the kernel's exit: they go now.
    this.killGroup("SIGKILL");
    this.shell.close();
    this.iopub.close();
    rmSync(this.connDir, { recursive: true, force: true });
  }

  /** Fails the running cell with InterruptedError (the caller then shuts the kernel down). */
  interrupt(reason: string): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) clearTimeout(p.drain);
    p?.reject(new InterruptedError(reason));
  }

  /** For a signal handler: stops the kernel group and removes the folder without waiting. */
  killNow(): void {
    this.killGroup("SIGKILL");
    rmSync(this.connDir, { recursive: true, force: true });
  }
}
