// The front page and a comparison page as a reader opens them in Chromium: their one script (the
// theme toggle) runs and no other is blocked, no console error; axe-core finds 0 violations in the
// light and the dark scheme; at 390 px the page does not scroll sideways.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareRuns } from "../../src/report/compare";
import { renderComparePage } from "../../src/report/compare-page";
import { renderIndexPage } from "../../src/report/index-page";
import { CHROMIUM, launchChromium } from "../chromium";
import { scratch } from "../helpers";
import { skipAll } from "../tools";
import { cspHolds, describeViolations, runAxe } from "./axe";

const NAMES = ["the index and a comparison page: their script runs, none is blocked, no console error; axe finds nothing, light and dark; nothing scrolls sideways at 390 px"];

function pages(dir: string): { label: string; file: string }[] {
  const records = (total: number, hosts: [string, number][], holds: boolean | null) => ({
    total,
    stats: { mean: total / 7, n: hosts.length },
    busiest: ["2021-01-05", "2021-01-06"],
    sites: hosts.map(([host, joins]) => ({ host, joins, note: `https://example.com/${host}/a/very/long/path/that/should/wrap/inside/its/cell` })),
    claims: [{ text: "YouTube leads the sites.", holds }],
  });
  const comparison = compareRuns("sites", "notebooks/sites.ipynb", [
    { name: "sites", parameters: {}, records: records(120, [["youtube.com", 80], ["netflix.com", 40]], true), started: "2026-12-01T10:00:00.000Z" },
    { name: "sites-2021-01", parameters: { month: "2021-01" }, records: records(60, [["youtube.com", 30], ["netflix.com", 20], ["hulu.com", 10]], false), started: "2026-12-01T10:00:05.000Z" },
    { name: "sites-2021-02", parameters: { month: "2021-02" }, records: records(60, [["youtube.com", 50]], null), started: "2026-12-01T10:00:09.000Z" },
    { name: "sites-2021-03", parameters: { month: "2021-03" } },
  ]);
  const index = renderIndexPage({
    sets: [{ name: "sites", notebook: "notebooks/sites.ipynb", runs: ["sites", "sites-2021-01", "sites-2021-02", "sites-2021-03"] }],
    entries: [
      { name: "sites", notebook: "notebooks/sites.ipynb", title: "Sites", parameters: {}, started: "2026-12-01T10:00:00.000Z", durationMs: 4200, status: { state: "up to date" }, report: true, untrue: [], unchecked: 0, changes: { count: 0, results: 0 }, set: "sites" },
      { name: "sites-2021-01", title: "Sites", parameters: { month: "2021-01" }, started: "2026-12-01T10:00:05.000Z", durationMs: 3900, status: { state: "stale", why: "data/sites.csv changed" }, report: true, untrue: ["YouTube leads the sites."], unchecked: 0, changes: { count: 3, results: 2 }, set: "sites" },
      { name: "sites-2021-02", title: "Sites", parameters: { month: "2021-02" }, started: "2026-12-01T10:00:09.000Z", status: { state: "up to date" }, report: true, untrue: [], unchecked: 1, set: "sites" },
      { name: "sites-2021-03", parameters: { month: "2021-03" }, status: { state: "failed", page: "sites-2021-03.failed.html", message: "failed at cell 2: DataError: no rows for 2021-03" }, report: false, untrue: [], unchecked: 0, set: "sites" },
      { name: "old", status: { state: "not listed" }, report: true, untrue: [], unchecked: 0 },
    ],
  });
  const write = (name: string, html: string) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return { label: name, file };
  };
  return [write("index.html", index), write("sites.compare.html", renderComparePage(comparison, "Sites"))];
}

if (CHROMIUM.path === undefined) {
  skipAll(test, NAMES, CHROMIUM.missing);
} else {
  const chromium = CHROMIUM.path;
  test(NAMES[0] as string, async () => {
    const { dir, cleanup } = scratch();
    let browser: Browser | undefined;
    try {
      browser = await launchChromium(chromium);
      const failures: string[] = [];
      for (const { label, file } of pages(dir)) {
        for (const [colorScheme, width] of [["light", 1280], ["dark", 1280], ["light", 390]] as const) {
          const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (e) => errors.push(e.message));
          page.on("console", (m) => {
            if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
          });
          await page.goto(`file://${file}`, { waitUntil: "load" });
          // The toggle is hidden until its script shows it: the page's one script ran.
          assert.ok(await page.locator("#theme_toggle").isVisible(), `${label}: the theme toggle's script ran`);
          assert.equal(errors, [], `${label}, ${colorScheme}: no blocked script, no console error`);
          const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
          if (scrolls) failures.push(`${label} at ${width} px scrolls sideways`);
          const result = await runAxe(page);
          if (result.violations.length > 0) failures.push(`${label}, ${colorScheme}, ${width} px:\n${describeViolations(result)}`);
          assert.ok(await cspHolds(page), `${label}: the CSP refuses an inline script`);
          await context.close();
        }
      }
      assert.equal(failures, [], failures.join("\n\n"));
    } finally {
      await browser?.close();
      cleanup();
    }
  });
}

test.run();
