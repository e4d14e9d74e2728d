// Headless Chromium for the tests that open a report or JupyterLab as a reader would: $CHROMIUM,
// else `chromium` (Debian) or `chromium-browser` (Ubuntu) on the PATH, one that starts; driven by
// playwright-core, which brings no browser of its own.
import { spawnSync } from "node:child_process";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_INSTALL } from "../src/report/pdf";
import { findTool } from "./tools";

export const CHROMIUM = findTool(["chromium", "chromium-browser"], {
  env: "CHROMIUM",
  install: CHROMIUM_INSTALL,
  unfit: (path) => (spawnSync(path, ["--version"], { encoding: "utf8", timeout: 30_000 }).status === 0 ? undefined : "does not start (--version failed)"),
});

export function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    args: CHROMIUM_FLAGS,
  });
}
