// The report `npm run report` writes, opened in headless Chromium as a reader would open it.
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CHROMIUM, launchChromium } from "../chromium";
import { DEMO, runCli, scratch } from "../helpers";
import { testWith } from "../tools";

testWith(test, "the report in headless Chromium: no network request, no console error, every chart an SVG, with and without JavaScript", CHROMIUM, async (chromium) => {
  const { dir, cleanup } = scratch();
  const browser = await launchChromium(chromium);
  try {
    const run = runCli(["report", DEMO, "--out", dir]);
    assert.is(run.status, 0, run.stderr);
    const url = `file://${join(dir, "demo.html")}`;
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => {
        if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url());
      });
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(url, { waitUntil: "load" });
      await page.waitForTimeout(300);
      assert.equal(requests, [], "no request leaves the file");
      assert.equal(errors, [], "no console error");
      const charts = await page.locator("figure.chart").count();
      assert.is(charts, 1);
      // Drawn at export in the light and the dark theme (and live with JavaScript): the one shown has its 14 bars.
      const shown = page.locator("figure.chart svg:visible");
      assert.ok((await shown.count()) >= 1, "a chart drawn as SVG is shown");
      assert.is(await shown.first().locator(".mark-rect path").count(), 14, "one bar per day");
      await context.close();
    }
  } finally {
    await browser.close();
    cleanup();
  }
});

test.run();
