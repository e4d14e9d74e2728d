// Headless Chromium for the tests that open a report or JupyterLab as a reader would: $CHROMIUM,
// else `chromium` on the PATH (Debian's), driven by playwright-core (which brings no browser).
import { chromium, type Browser } from "playwright-core";
import { findTool } from "./tools";

export const CHROMIUM = findTool("chromium", { env: "CHROMIUM", install: "apt-get install chromium" });

export function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
