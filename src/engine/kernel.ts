// A Jupyter client for the tslab kernel: starts it as Jupyter does (a connection file,
// HMAC-signed messages over ZeroMQ) and executes code, collecting the iopub outputs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zmq from "zeromq";
import type { MimeBundle, Output } from "./notebook";
import { decode, encode, newMessage, type Message } from "./protocol";

export interface ExecuteReply {
  status: "ok" | "error" | "abort";
  executionCount: number | null;
  outputs: Output[];
}

export class KernelDiedError extends Error {
  override name = "KernelDiedError";
}
export class CellTimeoutError extends Error {
  override name = "CellTimeoutError";
}

interface Pending {
  msgId: string;
  outputs: Output[];
  reply?: Record<string, unknown>;
  idle: boolean;
  clearOnNext: boolean;
  resolve: (r: ExecuteReply) => void;
  reject: (e: Error) => void;
}

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

/**
 * The command that starts the tslab kernel on a connection file, as the runner and JupyterLab
 * (kernelspec.ts) start it: this Node.js with no V8 options. A V8-internal flag (the runner once
 * passed `--interrupt-budget`) is refused by the Node.js versions whose V8 dropped it, and then
 * no kernel starts, in the runner or in the user's JupyterLab.
 */
export function kernelCommand(connectionFile: string): string[] {
  return [process.execPath, require.resolve("tslab/bin/tslab"), "kernel", "--config-path", connectionFile];
}

export interface StartOptions {
  /** The kernel's working directory: the notebook's folder, as in JupyterLab. */
  cwd: string;
  startupTimeoutMs?: number;
  /** Called with each display's data as it arrives (display_data, update_display_data, execute_result), before its cell ends. */
  onDisplay?: (data: MimeBundle) => void;
  /** The kernel process's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export class Kernel {
  private readonly session = randomUUID();
  private pending: Pending | undefined;
  private readonly displays: DisplayIndex = new Map();
  private exited: string | undefined;
  private log = "";
  private infoReplies = 0;
  private iopubSeen = false;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly key: string,
    private readonly shell: zmq.Dealer,
    private readonly iopub: zmq.Subscriber,
    private readonly connDir: string,
    private readonly onDisplay: (data: MimeBundle) => void,
  ) {}

  static async start({ cwd, startupTimeoutMs = 30_000, onDisplay = () => {}, env = process.env }: StartOptions): Promise<Kernel> {
    const [shellPort, iopubPort, stdinPort, controlPort, hbPort] = (await freePorts(5)) as [number, number, number, number, number];
    const key = randomBytes(32).toString("hex");
    const connDir = mkdtempSync(join(tmpdir(), "analysis-kernel-"));
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
    const [node, ...args] = kernelCommand(connFile);
    const proc = spawn(node!, args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const shell = new zmq.Dealer({ linger: 0 });
    const iopub = new zmq.Subscriber({ linger: 0 });
    shell.connect(`tcp://127.0.0.1:${shellPort}`);
    iopub.connect(`tcp://127.0.0.1:${iopubPort}`);
    iopub.subscribe();
    const kernel = new Kernel(proc, key, shell, iopub, connDir, onDisplay);
    kernel.listen();
    try {
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
      this.log = (this.log + chunk.toString()).slice(-4000);
    };
    this.proc.stdout?.on("data", keep);
    this.proc.stderr?.on("data", keep);
    this.proc.on("exit", (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      this.pending?.reject(new KernelDiedError(`the kernel died (${this.exited})${this.logTail()}`));
      this.pending = undefined;
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
    void this.shell.send(encode(this.key, msg));
    return msg.header.msg_id;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const started = Date.now();
    // kernel_info_request until the reply and an iopub status both arrive: then the
    // subscription is live and no output of the first cell can be lost.
    while (!(this.infoReplies > 0 && this.iopubSeen)) {
      if (this.exited) throw new KernelDiedError(`the tslab kernel did not start (${this.exited})${this.logTail()}`);
      if (Date.now() - started > timeoutMs) {
        throw new KernelDiedError(`the tslab kernel did not answer within ${timeoutMs / 1000} s${this.logTail()}`);
      }
      this.send("kernel_info_request", {});
      await new Promise((r) => setTimeout(r, this.infoReplies > 0 ? 20 : 100));
    }
  }

  private onShell(msg: Message): void {
    if (msg.header.msg_type === "kernel_info_reply") this.infoReplies++;
    const p = this.pending;
    if (msg.header.msg_type !== "execute_reply" || !p || msg.parent_header.msg_id !== p.msgId) return;
    p.reply = msg.content;
    this.settle(p);
  }

  private onIopub(msg: Message): void {
    this.iopubSeen = true;
    const p = this.pending;
    if (!p || msg.parent_header.msg_id !== p.msgId) return;
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
    this.onDisplay(data);
    const out: Output =
      type === "execute_result"
        ? { output_type: "execute_result", execution_count: (c["execution_count"] as number) ?? null, data, metadata }
        : { output_type: "display_data", data, metadata };
    const id = (c["transient"] as { display_id?: unknown } | undefined)?.display_id;
    if (typeof id === "string" && id !== "") this.displays.set(id, [...(this.displays.get(id) ?? []), out]);
    return out;
  }

  private updateDisplay(c: Record<string, unknown>): void {
    this.onDisplay((c["data"] ?? {}) as MimeBundle);
    const id = (c["transient"] as { display_id?: unknown } | undefined)?.display_id;
    for (const out of typeof id === "string" ? this.displays.get(id) ?? [] : []) {
      if (out.output_type === "display_data" || out.output_type === "execute_result") {
        out.data = (c["data"] ?? {}) as MimeBundle;
        out.metadata = (c["metadata"] ?? {}) as Record<string, unknown>;
      }
    }
  }

  private settle(p: Pending): void {
    if (!p.reply || !p.idle) return;
    this.pending = undefined;
    const status = p.reply["status"];
    p.resolve({
      status: status === "ok" || status === "abort" ? status : "error",
      executionCount: typeof p.reply["execution_count"] === "number" ? p.reply["execution_count"] : null,
      outputs: p.outputs,
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
          // tslab cannot interrupt synchronous code, so a hung cell costs the kernel.
          this.proc.kill("SIGKILL");
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

  async shutdown(): Promise<void> {
    if (!this.exited) {
      const gone = new Promise((r) => this.proc.once("exit", r));
      this.proc.kill("SIGTERM");
      const timer = setTimeout(() => this.proc.kill("SIGKILL"), 2000);
      await gone;
      clearTimeout(timer);
    }
    this.shell.close();
    this.iopub.close();
    rmSync(this.connDir, { recursive: true, force: true });
  }
}
