// The kernel client on the real tslab kernel: what happens when the kernel cannot start.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { kernelCommand } from "../../src/engine/kernel";
import { kernelSpec } from "../../src/engine/kernelspec";
import { ROOT } from "../helpers";

test("the kernel starts with no V8 option, so every Node.js version accepts its command", () => {
  const [node, ...args] = kernelCommand("k.json");
  assert.is(node, process.execPath);
  assert.is(args[0], require.resolve("tslab/bin/tslab"), "the script comes first: no option before it");
  assert.equal((kernelSpec()["argv"] as string[]).slice(2), ["kernel", "--config-path", "{connection_file}"]);
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

test.run();
