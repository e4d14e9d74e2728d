// The PDF: a report printed by headless Chromium (report/pdf.ts), read back with poppler's
// pdfinfo and pdftotext: its pages (the header alone on the first, a new page per top-level
// section), its text (parameters and inputs first, no toggles, code as exported, charts as
// vector drawings whose labels are text), and `--pdf` on the real demo notebook.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderReport } from "../../src/report";
import { writePdf } from "../../src/report/pdf";
import { CHROMIUM } from "../chromium";
import { DEMO, runCli, scratch } from "../helpers";
import { findTool, skipAll } from "../tools";
import { barSpec, code, display, info, md, notebook, VEGALITE } from "./fixtures";

const NAMES = [
  "a report prints to a PDF: the header alone on page 1, each section on its own page, code as exported, the chart as vector text",
  "--pdf on the demo notebook writes demo.pdf beside demo.html, each top-level section starting a page",
];

const POPPLER = { install: "apt-get install poppler-utils" };
const PDFTOTEXT = findTool("pdftotext", { env: "PDFTOTEXT", ...POPPLER });
const PDFINFO = findTool("pdfinfo", { env: "PDFINFO", ...POPPLER });

function pages(pdf: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(spawnSync(PDFINFO.path as string, [pdf], { encoding: "utf8" }).stdout)?.[1] ?? NaN);
}

/** The text of each page, in reading order (pdftotext's layout-free mode). */
function pageTexts(pdf: string): string[] {
  const text = spawnSync(PDFTOTEXT.path as string, [pdf, "-"], { encoding: "utf8" }).stdout;
  return text.split("\f").slice(0, pages(pdf)).map((t) => t.replace(/\s+/g, " ").trim());
}

const missing = [CHROMIUM, PDFTOTEXT, PDFINFO].flatMap((tool) => (tool.missing === undefined ? [] : [tool.missing]));
if (missing.length > 0) {
  skipAll(test, NAMES, missing.join("; "));
} else {
  const chromium = CHROMIUM.path as string;
  test(NAMES[0] as string, async () => {
    const { dir, cleanup } = scratch();
    try {
      const nb = notebook([
        md("# Printed report\n\nWhat this report asks."),
        code("const answer = computeTheAnswer();", [display({ "text/plain": "42" })]),
        md("## First section\n\nThe first part."),
        code("chart(threeBars);", [display({ [VEGALITE]: barSpec("Bars on paper") })]),
        md("## Second section\n\nThe second part."),
      ]);
      for (const includeCode of [true, false]) {
        const html = join(dir, `report-${includeCode}.html`);
        writeFileSync(html, await renderReport(nb, info(), { includeCode }));
        const pdf = join(dir, `report-${includeCode}.pdf`);
        await writePdf(html, pdf, chromium);
        assert.is(pages(pdf), 3, "the header (and what comes before the first section), then one page per section");
        const [first = "", second = "", third = ""] = pageTexts(pdf);
        for (const text of ["Printed report", "PARAMETERS", "topN", "dataPath", "INPUT FILES", "data/demo/visits.csv", "What this report asks."]) assert.ok(first.includes(text), `page 1 has "${text}": ${first}`);
        for (const chrome of ["Dark theme", "Show all code", "Contents", "Data table"]) assert.not.ok(first.includes(chrome) || second.includes(chrome), `no "${chrome}" on paper`);
        assert.ok(second.startsWith("First section"), `page 2 starts the first section: ${second}`);
        assert.ok(third.startsWith("Second section"), `page 3 starts the second section: ${third}`);
        const words = second.split(" ");
        assert.ok(second.includes("Bars on paper") && ["A", "B", "C", "a", "b"].every((label) => words.includes(label)), `the chart's title and axis labels are text, a vector drawing: ${second}`);
        assert.is(first.includes("computeTheAnswer()"), includeCode, `code ${includeCode ? "printed unfolded" : "left out, as exported"}`);
        assert.is(second.includes("chart(threeBars);"), includeCode);
        assert.match(first, /Printed report 1 ?\/ ?3$/, "the footer has the title and numbers the pages");
      }
    } finally {
      cleanup();
    }
  });

  test(NAMES[1] as string, () => {
    const { dir, cleanup } = scratch();
    try {
      const out = join(dir, "out");
      const r = runCli(["report", DEMO, "--out", out, "--pdf"], { env: { CHROMIUM: chromium } });
      assert.is(r.status, 0, r.stderr);
      assert.match(r.stderr, `demo: printed → ${join(out, "demo.pdf")}`);
      assert.ok(readdirSync(out).includes("demo.html") && existsSync(join(out, "demo.pdf")));
      const texts = pageTexts(join(out, "demo.pdf"));
      assert.match(texts[0] ?? "", /^Demo: a two-week visits report \S*notebooks\/demo\.ipynb · ran .* PARAMETERS .*dataPath/, texts[0]);
      for (const section of ["The data", "Busiest days", "Visits per day", "Totals"]) {
        assert.ok(texts.slice(1).some((t) => t.startsWith(section)), `a page starts with "${section}": ${texts.map((t) => t.slice(0, 30)).join(" | ")}`);
      }
      // Up to date: no run, the PDF is printed again from the report that is there.
      const again = runCli(["report", DEMO, "--out", out, "--pdf"], { env: { CHROMIUM: chromium } });
      assert.is(again.status, 0, again.stderr);
      assert.match(again.stderr, "demo: up to date");
      assert.match(again.stderr, "demo: printed →");
    } finally {
      cleanup();
    }
  });
}

test.run();
