// A real search node for an integration test: scripts/search-node builds it from Maven Central's
// jars (test/search-node/), starts it on 127.0.0.1 and prints its URL once its health is green.
// The node ends with the test process even when that is killed (the script's --stop-with).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers";
import type { Engine } from "../../src/jelly/load/snapshot-engine";

const SCRIPT = join(ROOT, "scripts", "search-node");
/** The first start resolves the jars into Maven's cache and compiles: minutes on a slow network. */
const START_TIMEOUT_MS = 600_000;

/** Why no node can run here (a tool missing, with what installs it), or undefined when one can. */
export function searchNodeMissing(): string | undefined {
  const tools: [string, string[], string][] = [
    ["java", ["-version"], "openjdk-17-jdk-headless"],
    ["javac", ["-version"], "openjdk-17-jdk-headless"],
    ["mvn", ["-v"], "maven"],
  ];
  const missing = tools.filter(([tool, args]) => spawnSync(tool, args, { stdio: "ignore" }).error !== undefined);
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map(([, , p]) => p))].join(" ");
  return `${missing.map(([t]) => t).join(", ")} not installed, so no search node can start (Debian: apt-get install ${packages})`;
}

export interface SearchNode {
  engine: Engine;
  url: string;
  /** The node's folder: its data survive a stop, for a start again on the same folder. */
  home: string;
  /** The JVM's process id (to pause it). */
  pid: number;
  /** Stops the node cleanly and waits for its JVM to end. */
  stop(): Promise<void>;
  /** Freezes the JVM (SIGSTOP): the node keeps its connections but answers nothing, as in a long pause. */
  pause(): void;
  resume(): void;
}

/** A temporary folder for a node's data, inside the project's .tmp/. */
export function nodeHome(engine: Engine): { home: string; remove: () => void } {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const home = mkdtempSync(join(ROOT, ".tmp", `search-node-${engine}-`));
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

export async function startSearchNode(engine: Engine, home: string): Promise<SearchNode> {
  const child = spawn(SCRIPT, [engine, "--home", home], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`the ${engine} node did not start within ${START_TIMEOUT_MS / 1000} s: ${stderr.trim()}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n");
      if (line.length > 1) {
        clearTimeout(timer);
        resolve((line[0] as string).trim());
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/search-node ${engine} ended (${code}) before the node was up: ${stderr.trim()}`));
    });
  });
  const pid = Number(readFileSync(join(home, "node.pid"), "utf8").trim());
  return {
    engine,
    url,
    home,
    pid,
    stop: async () => {
      // A paused JVM would not see the signal that stops it.
      signal(pid, "SIGCONT");
      await stop(child, exited);
    },
    pause: () => signal(pid, "SIGSTOP"),
    resume: () => signal(pid, "SIGCONT"),
  };
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e; // already ended
  }
}
