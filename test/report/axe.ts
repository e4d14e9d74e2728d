// axe-core in a report opened in Chromium (test/chromium.ts finds and launches it), run without
// touching the page's Content-Security-Policy, and the waits the report tests share.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/** WCAG 2.1 A and AA, and axe's best practices (headings in order, landmarks, one h1, unique region names). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

export interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  passes: { id: string }[];
  incomplete: { id: string; nodes: unknown[] }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page as it is. axe is evaluated through the DevTools protocol
 * (Runtime.evaluate, what page.evaluate sends), which a page's CSP does not govern, as it does
 * not govern the DevTools console: the page keeps its CSP, nothing is added to the file, and the
 * report's own scripts run exactly as they do for a reader. (A <script> tag, addScriptTag's way,
 * is refused by the CSP unless the whole context bypasses it, which would test another page.)
 */
export async function runAxe(page: Page): Promise<AxeResult> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
      passes: r.passes.map((p) => ({ id: p.id })),
      incomplete: r.incomplete.map((p) => ({ id: p.id, nodes: [] })),
    };
  }, AXE_TAGS);
}

/** The violations as lines a reader of the test output can act on. */
export function describeViolations(result: AxeResult): string {
  return result.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`).join("\n")}`)
    .join("\n");
}

/** Whether the page's CSP still refuses an inline script (it must, with axe in the page). */
export async function cspHolds(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const w = window as unknown as { inlineRan?: boolean };
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true;";
    document.body.appendChild(script);
    await new Promise((r) => setTimeout(r, 50));
    script.remove();
    return w.inlineRan !== true;
  });
}

/** Waits until every chart of the page shows its live view (the static drawing stays when one fails). */
export async function chartsLive(page: Page): Promise<void> {
  const figures = await page.locator("figure.chart").count();
  await page.waitForFunction((n) => document.querySelectorAll("figure.chart .chart-live").length === n, figures, { timeout: 30_000 });
}

export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => ((d as HTMLDetailsElement).open = true)));
}
