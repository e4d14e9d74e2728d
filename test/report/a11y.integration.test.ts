// The reports as readers meet them, in headless Chromium with axe-core: every committed report
// (as committed, and exported again now from its executed notebook), the page a failed run
// writes, and the reports index when there is one; in the light and the dark scheme (the
// reader's, and the page's own toggle), with every fold open. 0 violations of WCAG 2.1 A and AA
// and of axe's best practices; the rules that ran are printed. Then what axe cannot judge alone:
// a keyboard reaches every control with a visible focus, the charts keep their text alternative
// and data table in the live view and in both schemes, and at 390 px nothing scrolls the page
// sideways. Screenshots land in .tmp/report-screenshots/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CHROMIUM, launchChromium } from "../chromium";
import { ROOT, scratch } from "../helpers";
import { skipAll } from "../tools";
import { chartsLive, cspHolds, describeViolations, openAllDetails, runAxe, AXE_TAGS } from "./axe";
import { committedNotebook, committedOverviews, committedReports, defaultReports, failurePage, reexport, REPORTS } from "./committed";

const SHOTS = join(ROOT, ".tmp", "report-screenshots");

interface Target {
  label: string;
  file: string;
}

const NAMES = [
  "axe: 0 violations on every committed report, the failure page and the index, light and dark, folds open",
  "the theme toggle switches the page and its live charts to dark and back, and axe still finds nothing",
  "a keyboard reaches the toggles, the contents, every fold and every table region, each with a visible focus",
  "each chart: a text alternative on the picture in the static and the live view, and its data as a table",
  "at 390 px no page scrolls sideways; wide tables and charts scroll or shrink inside the column",
];

async function open(browser: Browser, file: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  return { page, errors, close: () => context.close() };
}

if (CHROMIUM.path === undefined) {
  skipAll(test, NAMES, CHROMIUM.missing);
} else {
  const chromium = CHROMIUM.path;
  let browser: Browser;
  let targets: Target[] = [];
  let cleanup = () => {};

  test.before(async () => {
    browser = await launchChromium(chromium);
    const made = scratch();
    cleanup = made.cleanup;
    const write = (name: string, html: string) => {
      const file = join(made.dir, name);
      writeFileSync(file, html);
      return file;
    };
    targets = [
      ...committedReports().map((name) => ({ label: `reports/${name}.html as committed`, file: join(REPORTS, `${name}.html`) })),
      // Exported again by this checkout: one run per notebook (a parameter set's runs have the same kinds of output).
      ...(await Promise.all(defaultReports().map(async (name) => ({ label: `reports/${name}.ipynb exported now`, file: write(`${name}.html`, await reexport(name)) })))),
      { label: "the failure page (demo failing at its fourth code cell)", file: write("demo.failed.html", await failurePage()) },
      ...committedOverviews().map((file) => ({ label: `reports/${file}`, file: join(REPORTS, file) })),
    ];
    mkdirSync(SHOTS, { recursive: true });
  });

  test.after(async () => {
    await browser?.close();
    cleanup();
  });

  test(NAMES[0] as string, async () => {
    const failures: string[] = [];
    let rules: string[] = [];
    for (const target of targets) {
      for (const colorScheme of ["light", "dark"] as const) {
        const { page, errors, close } = await open(browser, target.file, { colorScheme });
        try {
          await chartsLive(page);
          await openAllDetails(page);
          const result = await runAxe(page);
          if (errors.length > 0) failures.push(`${target.label}, ${colorScheme}: script errors or warnings: ${errors.join("; ")}`);
          // The probe's inline script is refused, with a console error of its own (not the report's).
          if (!(await cspHolds(page))) failures.push(`${target.label}: with axe in the page, its CSP no longer refuses an inline script`);
          rules = [...new Set([...rules, ...result.passes.map((p) => p.id), ...result.violations.map((v) => v.id)])];
          const line = `${target.label}, ${colorScheme}: ${result.violations.length} violations, ${result.passes.length} rules passed, ${result.incomplete.length} to review by hand${result.incomplete.length ? ` (${result.incomplete.map((i) => i.id).join(", ")})` : ""}`;
          console.log(`  ${line}`);
          if (result.violations.length > 0) failures.push(`${line}\n${describeViolations(result)}`);
          if (target.label.includes("exported now")) await page.screenshot({ path: join(SHOTS, `${target.label.split(/[/.]/)[1]}-${colorScheme}.png`) });
        } finally {
          await close();
        }
      }
    }
    console.log(`  axe ${AXE_TAGS.join(", ")}: ${rules.length} rules applied: ${rules.sort().join(", ")}`);
    assert.ok(rules.length > 20 && rules.includes("color-contrast") && rules.includes("heading-order") && rules.includes("region"), "axe ran its rules (contrast, heading order, landmarks)");
    assert.equal(failures, [], failures.join("\n\n"));
  });

  test(NAMES[1] as string, async () => {
    const demo = targets.find((t) => t.label.startsWith("reports/demo.ipynb")) as Target;
    const { page, errors, close } = await open(browser, demo.file, { colorScheme: "light" });
    try {
      await chartsLive(page);
      const toggle = page.locator("#theme_toggle");
      assert.is(await toggle.getAttribute("aria-pressed"), "false");
      const liveSvg = () => page.locator(".chart-view.live .chart-live svg").first().evaluate((svg) => svg.outerHTML);
      const DARK_BACKGROUND = "rgb(13, 17, 23)"; // darkTheme.background, #0d1117
      assert.not.match(await liveSvg(), DARK_BACKGROUND, "light: the live chart is on white");
      await toggle.click();
      assert.is(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), "dark");
      assert.is(await toggle.getAttribute("aria-pressed"), "true");
      await chartsLive(page);
      assert.match(await liveSvg(), DARK_BACKGROUND, "dark: the live chart was drawn again with the dark theme");
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.is(background, DARK_BACKGROUND);
      await openAllDetails(page);
      const result = await runAxe(page);
      assert.equal(result.violations, [], describeViolations(result));
      await page.screenshot({ path: join(SHOTS, "demo-toggled-dark.png"), fullPage: false });
      await toggle.click();
      await chartsLive(page);
      assert.not.match(await liveSvg(), DARK_BACKGROUND, "back to light");
      assert.equal(errors, []);
    } finally {
      await close();
    }
  });

  test(NAMES[2] as string, async () => {
    const demo = targets.find((t) => t.label.startsWith("reports/demo.ipynb")) as Target;
    const { page, close } = await open(browser, demo.file);
    try {
      await chartsLive(page);
      const expected = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll<HTMLElement>("button:not([hidden]), a[href], summary, [tabindex='0']"));
        // Links and regions inside a closed <details> are not reachable until it opens; its summary is.
        return all.filter((el) => el.tagName === "SUMMARY" || !el.closest("details:not([open])")).filter((el) => getComputedStyle(el).visibility !== "hidden").length;
      });
      const reached: { what: string; outline: string }[] = [];
      for (let i = 0; i < expected + 5; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return undefined;
          const style = getComputedStyle(el);
          const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`;
          return { what, outline: style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0 ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` };
        });
        if (focused === undefined || reached.some((r) => r.what === focused.what)) break;
        reached.push(focused);
      }
      const seen = reached.map((r) => r.what).join("\n");
      for (const must of ["button#theme_toggle Dark theme", "button#code_toggle Show all code", "a The data", "summary Data table", "summary Code", "div Table 1", "div Input files"]) {
        assert.ok(reached.some((r) => r.what.startsWith(must)), `Tab reaches "${must}"; it reached:\n${seen}`);
      }
      assert.is(reached.length, expected, `every control, link, fold and region is reached once:\n${seen}`);
      assert.equal(reached.filter((r) => r.outline === "none"), [], "each shows where the focus is");
      // A reached fold opens from the keyboard, and its code is there.
      await page.locator("details.code > summary").first().focus();
      await page.keyboard.press("Enter");
      assert.ok(await page.locator("details.code").first().evaluate((d) => (d as HTMLDetailsElement).open));
    } finally {
      await close();
    }
  });

  test(NAMES[3] as string, async () => {
    const nb = committedNotebook("demo");
    const spec = nb.cells.flatMap((c) => (c.cell_type === "code" ? (c.outputs ?? []) : [])).flatMap((o) => ("data" in o && o.data ? [o.data["application/vnd.vegalite.v5+json"]] : [])).find((d) => d !== undefined) as {
      title: string;
      data: { values: Record<string, unknown>[] };
    };
    const demo = targets.find((t) => t.label.startsWith("reports/demo.ipynb")) as Target;
    for (const colorScheme of ["light", "dark"] as const) {
      for (const javaScriptEnabled of [true, false]) {
        const how = `${colorScheme}, JavaScript ${javaScriptEnabled ? "on" : "off"}`;
        const { page, close } = await open(browser, demo.file, { colorScheme, javaScriptEnabled });
        try {
          if (javaScriptEnabled) await chartsLive(page);
          const view = page.locator("figure.chart .chart-view");
          assert.is(await view.getAttribute("role"), "img");
          const alt = (await view.getAttribute("aria-label")) ?? "";
          assert.is(alt, "Visits per day. Chart of 14 bars. X axis: 14 values: 2024-05-06, 2024-05-07, 2024-05-08, 2024-05-09, 2024-05-10, …, 2024-05-19. Y axis, visits: from 0 to 1,600. Legend for colour, weekday: 7 values: Mon, Tue, Wed, Thu, Fri, Sat, Sun.", how);
          // What a screen reader gets: the picture by its name, one image.
          const tree = await page.locator("figure.chart").ariaSnapshot();
          assert.ok(tree.includes(`img "${alt}"`), `${how}: the picture is an image named by its text alternative:\n${tree}`);
          assert.is(tree.match(/\bimg\b/g)?.length, 1, `${how}: one image, the drawing's own labels hidden:\n${tree}`);
          const shown = page.locator(javaScriptEnabled ? ".chart-view .chart-live svg" : `.chart-view .chart-static.chart-${colorScheme} svg`);
          assert.ok(await shown.isVisible(), `${how}: the drawing for the scheme is the one shown`);
          assert.is(await page.locator(".chart-view svg:visible").count(), 1, `${how}: one drawing shown`);
          const rows = await page.locator("details.chart-data tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)));
          const columns = await page.locator("details.chart-data thead th").allTextContents();
          assert.equal(columns, Object.keys(spec.data.values[0] ?? {}));
          assert.equal(rows, spec.data.values.map((v) => columns.map((c) => String(v[c]))), `${how}: the table holds the chart's data`);
          assert.match((await page.locator("details.chart-data caption").textContent()) ?? "", `Chart 1 data, “${spec.title}”: 14 rows`);
          await page.locator("details.chart-data > summary").click();
          assert.ok(await page.locator("details.chart-data table").isVisible(), `${how}: the toggle shows the table`);
        } finally {
          await close();
        }
      }
    }
  });

  test(NAMES[4] as string, async () => {
    const wide: string[] = [];
    for (const target of targets) {
      const { page, close } = await open(browser, target.file, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
      try {
        await chartsLive(page);
        await openAllDetails(page);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        console.log(`  ${target.label} at 390 px: scrollWidth ${scroll}, clientWidth ${client}`);
        if (scroll > client) wide.push(`${target.label}: ${scroll} px wide in a ${client} px window`);
        if (target.label.includes("exported now") || target.label.startsWith("the failure")) {
          await page.screenshot({ path: join(SHOTS, `${target.label.split(/[/. ]/)[1]}-390.png`) });
        }
        // Something wide does exist and scrolls on its own (the input files' table at least).
        const scrollers = await page.evaluate(() => Array.from(document.querySelectorAll(".table-scroll, .output-html")).filter((el) => el.scrollWidth > el.clientWidth).length);
        assert.ok(scrollers > 0, `${target.label}: a wide table scrolls inside its region`);
      } finally {
        await close();
      }
    }
    assert.equal(wide, [], "no page-wide horizontal scroll at 390 px");
  });
}

test.run();
