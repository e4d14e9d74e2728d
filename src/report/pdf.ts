// A report as PDF: the HTML file printed by headless Chromium (driven by playwright-core), so the
// PDF is what the browser's print gives: the print stylesheet (light palette, no toggles, every
// chart whole as its static vector drawing), A4, a bookmark per heading, the title and page
// numbers at the foot of each page. Chromium is taken from $CHROMIUM, else from PATH.
import { existsSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { reportName } from "../notebook/notebook";
import { writeAtomic } from "../io/atomic";

export const CHROMIUM_INSTALL = "apt-get install chromium";

/** The flags of a headless Chromium that asks nothing of the network or of a desktop. */
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Chromium's executable: $CHROMIUM when set (and then only it), else `chromium` or `chromium-browser` on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string } | { missing: string } {
  const named = env["CHROMIUM"];
  if (named) return existsSync(named) ? { path: named } : { missing: `$CHROMIUM names ${named}, which does not exist` };
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of ["chromium", "chromium-browser"]) if (existsSync(join(dir, name))) return { path: join(dir, name) };
  }
  return { missing: "no chromium on PATH ($CHROMIUM may name one)" };
}

/** The one line `--pdf` prints when there is no Chromium, before anything runs. */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = findChromium(env);
  return "missing" in found ? `--pdf needs Chromium to print the report: ${found.missing}; install it with: ${CHROMIUM_INSTALL}` : undefined;
}

const FOOTER = `<div style="font: 8px system-ui, sans-serif; color: #59636e; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;"><span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

/**
 * Prints `htmlFile` to `pdfFile` (written atomically). JavaScript stays off: the print layout uses
 * the charts' static drawings, and a page that runs nothing prints the same every time.
 */
export async function writePdf(htmlFile: string, pdfFile: string, chromium: string): Promise<void> {
  const { chromium: driver } = require("playwright-core") as typeof import("playwright-core");
  const browser = await driver.launch({ executablePath: chromium, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(htmlFile)).href, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      margin: { top: "16mm", bottom: "18mm", left: "14mm", right: "14mm" },
    });
    writeAtomic(pdfFile, pdf);
  } finally {
    await browser.close();
  }
}

/**
 * After a notebook's report is written (or found up to date): NAME.pdf from NAME.html beside it,
 * said on stderr. A report that cannot be printed makes the notebook's outcome a failure.
 */
export async function withPdf<T extends { notebook: string; name?: string; ok: boolean; summary: string }>(outcome: T, outDir: string): Promise<T> {
  const name = outcome.name ?? reportName(outcome.notebook);
  const html = join(outDir, `${name}.html`);
  const pdf = join(outDir, `${name}.pdf`);
  const found = findChromium();
  try {
    if ("missing" in found) throw new Error(found.missing);
    await writePdf(html, pdf, found.path);
    process.stderr.write(`${name}: printed → ${pdf}\n`);
    return { ...outcome, summary: `${outcome.summary}, ${pdf}` };
  } catch (e) {
    const message = `could not print ${html} to PDF: ${((e as Error).message.split("\n")[0] ?? "").trim()}`;
    process.stderr.write(`${name}: ${message}\n`);
    return { ...outcome, ok: false, summary: message };
  }
}
