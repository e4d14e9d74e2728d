// `npm run kernel`: registers this project's tslab as the Jupyter kernel "tslab" for the user,
// with absolute paths, so JupyterLab starts the same kernel the reports run on whatever its PATH.
// https://jupyter-client.readthedocs.io/en/latest/kernels.html#kernel-specs
import { mkdirSync, writeFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import { join } from "node:path";
import { kernelCommand, writeLauncher } from "./kernel";

export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env["JUPYTER_DATA_DIR"]) return env["JUPYTER_DATA_DIR"];
  if (platform() === "darwin") return join(homedir(), "Library", "Jupyter");
  if (platform() === "win32") return join(env["APPDATA"] ?? homedir(), "jupyter");
  return join(env["XDG_DATA_HOME"] ?? join(homedir(), ".local", "share"), "jupyter");
}

/** The spec for a kernelspec folder holding the launcher (kernel.ts writeLauncher). */
export function kernelSpec(launcher: string): Record<string, unknown> {
  return {
    argv: kernelCommand("{connection_file}", launcher),
    display_name: "TypeScript (tslab)",
    language: "typescript",
    interrupt_mode: "signal",
  };
}

export function installKernelSpec(dataDir = userDataDir()): string {
  const dir = join(dataDir, "kernels", "tslab");
  mkdirSync(dir, { recursive: true });
  // The launcher as the runner uses it: no lost outputs in JupyterLab either.
  const launcher = writeLauncher(dir);
  writeFileSync(join(dir, "kernel.json"), JSON.stringify(kernelSpec(launcher), null, 2) + "\n");
  return dir;
}

if (require.main === module) {
  const dir = installKernelSpec();
  console.log(`registered the tslab kernel in ${dir}\nopen the notebooks with: jupyter lab notebooks/`);
}
