// The kernel client on the real tslab kernel: what happens when the kernel cannot start.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Kernel, kernelCommand, removeStaleKernelFolders } from "../../src/engine/kernel";
import type { Output } from "../../src/notebook/notebook";
import { kernelSpec } from "../../src/engine/kernelspec";
import { ROOT } from "../helpers";

test("the kernel starts with no V8 option, so every Node.js version accepts its command", () => {
  const [node, ...args] = kernelCommand("k.json", "/k/launch-tslab.js");
  assert.is(node, process.execPath);
  assert.is(args[0], "/k/launch-tslab.js", "the script comes first: no option before it");
  assert.equal((kernelSpec("/k/launch-tslab.js")["argv"] as string[]).slice(2), ["kernel", "--config-path", "{connection_file}"]);
});

test("a kernel that dies while starting: a named error, no sockets left open, no folder left behind", () => {
  // A child process starts a kernel that Node.js refuses to run (a bad option through NODE_OPTIONS,
  // as an unknown V8 flag is refused), then reports what is left in its own temporary folder.
  // An open ZeroMQ socket would keep the child alive: spawnSync's timeout catches that.
  const script = `
    const { readdirSync } = require("node:fs");
    const { Kernel } = require("./src/engine/kernel");
    process.env.NODE_OPTIONS = "--no-such-option-for-the-test";
    Kernel.start({ cwd: process.cwd(), startupTimeoutMs: 20000 }).then(
      () => console.log(JSON.stringify({ started: true })),
      (e) => console.log(JSON.stringify({ name: e.name, message: e.message, left: readdirSync(process.env.TMPDIR).filter((f) => f.startsWith("analysis-kernel-")) })),
    );`;
  const tmp = require("node:fs").mkdtempSync(require("node:path").join(ROOT, ".tmp-kernel-"));
  try {
    const child = spawnSync(process.execPath, ["-r", "tsx/cjs", "-e", script], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, encoding: "utf8", timeout: 30_000 });
    assert.is(child.signal, null, "the process ended by itself");
    assert.is(child.status, 0, child.stderr);
    const out = JSON.parse(child.stdout.trim().split("\n").pop()!);
    assert.is(out.name, "KernelDiedError");
    assert.match(out.message, "the tslab kernel did not start (exited with code 9)");
    assert.match(out.message, "--no-such-option-for-the-test");
    assert.equal(out.left, []);
  } finally {
    require("node:fs").rmSync(tmp, { recursive: true, force: true });
  }
});

test("kernel and tracking folders left by a killed runner are removed, also when its pid now names a younger process; a running owner's stay", async () => {
  const dir = mkdtempSync(join(ROOT, ".tmp-kernel-"));
  const young = spawn(process.execPath, ["-e", "const p = process.ppid; setInterval(() => process.ppid !== p && process.exit(), 500);"], { stdio: "ignore" });
  try {
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const aMinuteAgo = new Date(Date.now() - 60_000);
    const folder = (name: string, owner: number | undefined, written?: Date) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "kernel.json"), "{}");
      if (owner === undefined) return;
      writeFileSync(join(dir, name, "owner.pid"), String(owner));
      if (written) utimesSync(join(dir, name, "owner.pid"), written, written);
    };
    folder("analysis-kernel-dead", Number(dead.stdout.trim()));
    folder("analysis-kernel-reused", young.pid!, aMinuteAgo);
    folder("analysis-kernel-this-one-before", process.pid, new Date(performance.timeOrigin - 60_000));
    folder("analysis-kernel-this-one", process.pid);
    folder("analysis-kernel-starting", undefined);
    // A run's tracking folder (its log), left by the same killed runner.
    folder("analysis-track-dead", Number(dead.stdout.trim()));
    folder("analysis-track-this-one", process.pid);
    const removed = removeStaleKernelFolders(dir).map((f) => basename(f));
    assert.equal(removed.sort(), ["analysis-kernel-dead", "analysis-kernel-reused", "analysis-kernel-this-one-before", "analysis-track-dead"]);
    assert.equal(readdirSync(dir).sort(), ["analysis-kernel-starting", "analysis-kernel-this-one", "analysis-track-this-one"]);
  } finally {
    young.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

const lines = (outputs: Output[]) =>
  outputs
    .map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : ""))
    .join("")
    .split("\n")
    .filter((l) => l !== "");

// tslab alone keeps about 450 lines of such a burst (zeromq.js refuses sends after its 512th in a row).
for (const count of [2000, 20000]) {
  test(`a burst of ${count} lines of 1 KB reaches the client whole and in order`, async () => {
    const kernel = await Kernel.start({ cwd: ROOT });
    try {
      const reply = await kernel.execute(`for (let i = 0; i < ${count}; i++) console.log(i + " " + "x".repeat(1000));\nawait new Promise((r) => setTimeout(r, 200));`, 120_000);
      assert.is(reply.status, "ok");
      assert.is(reply.incomplete, undefined);
      const got = lines(reply.outputs).map((l) => Number(l.split(" ")[0]));
      assert.is(got.length, count);
      assert.ok(got.every((n, i) => n === i), "every line, in order");
    } finally {
      await kernel.shutdown();
    }
  });
}

test("a burst of lines leaves the kernel as a few messages (tslab alone sends one per line), and a slow stream as one per 50 ms", async () => {
  const kernel = await Kernel.start({ cwd: ROOT });
  try {
    // 20,000 lines of 101 characters: one message per MiB gathered.
    const burst = await kernel.execute(`for (let i = 0; i < 20000; i++) console.log(i + " " + "x".repeat(100));`, 120_000);
    assert.is(lines(burst.outputs).length, 20000);
    assert.ok(burst.outputs.length <= 3, `${burst.outputs.length} messages`);
    // A line at every turn of the event loop for 500 ms: the interval bounds the messages.
    const t0 = performance.now();
    const slow = await kernel.execute(`const end = Date.now() + 500;\nfor (let i = 0; Date.now() < end; i++) { console.log(i); await new Promise((r) => setImmediate(r)); }`, 60_000);
    const elapsed = performance.now() - t0;
    assert.ok(lines(slow.outputs).length > 100, "many lines");
    assert.ok(slow.outputs.length <= Math.ceil(elapsed / 45) + 1, `${slow.outputs.length} messages in ${Math.round(elapsed)} ms`);
  } finally {
    await kernel.shutdown();
  }
});

test("gathered writes keep their order with stderr and displays, and the last ones arrive before the cell's reply", async () => {
  const kernel = await Kernel.start({ cwd: ROOT });
  try {
    const reply = await kernel.execute(`import * as tslab from "tslab";\nconsole.log("a"); console.error("b"); console.log("c"); tslab.display.html("<i>d</i>"); console.log("e"); 42`, 60_000);
    assert.is(reply.incomplete, undefined);
    const seen = reply.outputs.map((o) => (o.output_type === "stream" ? `${o.name}: ${o.text}` : o.output_type));
    assert.equal(seen, ["stdout: a\n", "stderr: b\n", "stdout: c\n", "display_data", "stdout: e\n42\n"]);
  } finally {
    await kernel.shutdown();
  }
});

test("on tslab as it is, a lost status idle ends the cell after the bounded wait, marked incomplete, and the next cell runs", async () => {
  // plainTslab: tslab's own bin/tslab, which loses messages in a burst; the client must not stall.
  const kernel = await Kernel.start({ cwd: ROOT, plainTslab: true, iopubTimeoutMs: 1000 });
  try {
    let lost: string | undefined;
    const t0 = Date.now();
    for (let attempt = 0; attempt < 3 && lost === undefined; attempt++) {
      // The idle follows the last lines of the burst synchronously, so it is refused with them.
      const reply = await kernel.execute(`for (let i = 0; i < 2000; i++) console.log(i + " " + "x".repeat(1000));`, 60_000);
      assert.is(reply.status, "ok");
      assert.ok(lines(reply.outputs).length < 2000, "tslab alone loses lines");
      lost = reply.incomplete;
    }
    assert.ok(Date.now() - t0 < 30_000);
    assert.match(lost ?? "", "its status idle never arrived");
    const next = await kernel.execute(`console.log("next")`, 10_000);
    assert.equal(lines(next.outputs), ["next"]);
  } finally {
    await kernel.shutdown();
  }
});

test("the runner's shell socket takes a burst of sends at once: none is held back, none throws EBUSY", async () => {
  // zeromq.js holds back a send after 512 operations in a row and throws on the next one until it
  // has gone; a slow kernel start, answering a backlog of kernel_info_requests, once got there.
  const kernel = await Kernel.start({ cwd: ROOT });
  try {
    const inside = kernel as unknown as { send(type: string, content: object): string; proc: { pid: number } };
    // Stopped, the kernel answers none of them, so nothing the socket reads breaks the run of sends.
    process.kill(inside.proc.pid, "SIGSTOP");
    try {
      for (let i = 0; i < 1200; i++) inside.send("kernel_info_request", {});
    } finally {
      process.kill(inside.proc.pid, "SIGCONT");
    }
    const reply = await kernel.execute("1 + 1", 60_000);
    assert.is(reply.status, "ok");
  } finally {
    await kernel.shutdown();
  }
});

test.run();
