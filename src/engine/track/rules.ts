// Which of the files the kernel opened are the notebook's inputs. The toolchain's own reads are
// left out by rule, never by a list of file names: what is installed (node_modules, the Node.js
// installation, the operating system's folders), the library build (its hash is in the
// fingerprint already), and the kernel's own temporary files.
import { realpathSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";

/** The operating system's folders (FHS): programs, libraries, configuration, kernel interfaces. */
const SYSTEM = ["/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/proc", "/sys", "/dev", "/run"];

const ROOT = resolve(__dirname, "..", "..", "..");

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function under(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

export interface Rules {
  /** Whether a path the kernel opened belongs to the toolchain rather than to the notebook's inputs. */
  toolchain(path: string): boolean;
}

/** `own`: the kernel's own files (the tracking log, its connection folder), left out too. */
export function toolchainRules(own: readonly string[] = []): Rules {
  const installed = [dirname(dirname(real(process.execPath))), join(ROOT, "dist"), real(join(ROOT, "dist")), ...own.map((p) => resolve(p))];
  return {
    toolchain(path) {
      if (path.split(sep).includes("node_modules")) return true;
      if (SYSTEM.some((s) => under(path, s))) return true;
      return installed.some((folder) => under(path, folder));
    },
  };
}

/** Environment variables the runner itself sets for the kernel: not the notebook's inputs. */
export function ownVariable(name: string): boolean {
  return name.startsWith("ANALYSIS_TRACK") || name === "LD_PRELOAD" || name === "UV_USE_IO_URING";
}
