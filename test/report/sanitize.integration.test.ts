// A report made from a notebook full of payloads (test/report/payloads.ts: each in a markdown
// cell, in an HTML output and in a raw HTML cell), opened in headless Chromium while a loopback
// HTTP server listens for what they would send. Opened as exported, with JavaScript on and off,
// and once more without its Content-Security-Policy, to see that scripts and navigation are kept
// out by the sanitizer itself (only style sheets' requests are left to the CSP).
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Cell } from "../../src/notebook/notebook";
import { renderReport } from "../../src/report";
import { CHROMIUM, launchChromium } from "../chromium";
import { scratch } from "../helpers";
import { skipAll } from "../tools";
import { code, display, info, md, notebook } from "./fixtures";
import { clickable, payloads } from "./payloads";

const NAMES = ["a report with every payload does not run script, navigate or send a request, with JavaScript on or off, with or without its CSP"];

interface Visit {
  dialogs: string[];
  navigations: string[];
  url: string;
}

async function open(browser: Browser, file: string, javaScriptEnabled: boolean, ids: readonly string[]): Promise<Visit> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const visit: Visit = { dialogs: [], navigations: [], url: "" };
  page.on("dialog", (d) => {
    visit.dialogs.push(d.message());
    void d.dismiss();
  });
  // A link to #here moves within the page; anything else is a navigation.
  page.on("framenavigated", (f) => visit.navigations.push(f.url().replace(/#.*$/, "")));
  page.on("popup", (p) => visit.navigations.push(`popup ${p.url()}`));
  await page.goto(`file://${file}`, { waitUntil: "load" });
  // What a reader could click on: links that were javascript:, buttons that were in forms.
  for (const id of ids) {
    const targets = page.locator(`[id="${id}"]`);
    for (let i = 0; i < (await targets.count()); i++) await targets.nth(i).click({ timeout: 2000, force: true }).catch(() => {});
  }
  // A meta refresh of 0 s and a ping have long happened by then.
  await page.waitForTimeout(2000);
  visit.url = page.url().replace(/#.*$/, "");
  await context.close();
  return visit;
}

if (CHROMIUM.path === undefined) {
  skipAll(test, NAMES, CHROMIUM.missing);
} else {
  const executable = CHROMIUM.path;
  test(NAMES[0] as string, async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("got it");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const leak = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const { dir, cleanup } = scratch();
    const browser = await launchChromium(executable);
    try {
      const list = payloads(leak);
      const raw = (html: string): Cell => ({ cell_type: "raw", source: html, metadata: { format: "text/html" } });
      const nb = notebook([
        md("# Payloads"),
        ...list.map((p) => md(`${p.name}:\n\n${p.html}\n\nafter ${p.name}`)),
        code("payloads()", list.map((p) => display({ "text/html": p.html, "text/plain": p.name }))),
        ...list.map((p) => raw(p.html)),
      ]);
      const html = await renderReport(nb, info(), { includeCode: false });
      const file = join(dir, "payloads.html");
      writeFileSync(file, html);
      const ids = clickable(list);
      const report = `file://${file}`;

      for (const javaScriptEnabled of [true, false]) {
        const visit = await open(browser, file, javaScriptEnabled, ids);
        const how = `JavaScript ${javaScriptEnabled ? "on" : "off"}`;
        assert.equal(hits, [], `${how}: nothing reached the listener`);
        assert.equal(visit.dialogs, [], `${how}: no dialog`);
        assert.is(visit.url, report, `${how}: still on the report`);
        assert.equal(visit.navigations.filter((u) => u !== report), [], `${how}: no navigation, not even in a frame`);
      }

      // Without the CSP only the sanitizer stands between the payloads and the reader.
      const csp = /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n/;
      assert.match(html, csp);
      const bare = join(dir, "payloads-without-csp.html");
      writeFileSync(bare, html.replace(csp, ""));
      const visit = await open(browser, bare, true, ids);
      assert.equal(visit.dialogs, [], "without CSP: no dialog");
      assert.is(visit.url, `file://${bare}`, "without CSP: still on the report");
      assert.equal(visit.navigations.filter((u) => u !== `file://${bare}`), [], "without CSP: no navigation");
      const styleSheets = new Set(list.filter((p) => p.css).map((p) => p.name));
      assert.equal(hits.filter((h) => !styleSheets.has(new URL(h, leak).searchParams.get("secret") ?? "")), [], "without CSP: only style sheets' requests");
    } finally {
      await browser.close();
      server.close();
      cleanup();
    }
  });
}

test.run();
