import { test } from "uvu";
import * as assert from "uvu/assert";
import { isNumeric, parseMarkdown, renderMarkdown, withoutHeading } from "../../src/report/markdown";
import { Slugger } from "../../src/report/slug";
import { PNG } from "./fixtures";

const render = (source: string, attachments?: Record<string, Record<string, unknown>>) => renderMarkdown(parseMarkdown(source, new Slugger(), attachments));

test("headings get ids from their text, unique across cells, and a # link to themselves", () => {
  const slugger = new Slugger();
  const a = parseMarkdown("# Report\n\n## Results\n\n### `topN` days", slugger);
  const b = parseMarkdown("## Results", slugger);
  assert.equal(a.headings.map((h) => [h.level, h.text, h.id]), [[1, "Report", "report"], [2, "Results", "results"], [3, "topN days", "topn-days"]]);
  assert.is(b.headings[0]?.id, "results-1");
  assert.match(renderMarkdown(b), '<h2 id="results-1">Results <a class="anchor" href="#results-1"');
});

test("a heading can be taken out (it became the title), the rest stays", () => {
  const doc = parseMarkdown("# Title\n\nText\n\n## Next", new Slugger());
  const rest = withoutHeading(doc, doc.headings[0]!);
  const html = renderMarkdown(rest);
  assert.not.match(html, "Title");
  assert.match(html, "<p>Text</p>");
  assert.equal(rest.headings.map((h) => h.text), ["Next"]);
});

test("tables render, and cells holding a number are right-aligned", () => {
  const html = render("| day | visits | share |\n|---|---|---|\n| Mon | 1,200 | 14.1% |\n| 2024-05-13 | -3.5e2 | n/a |");
  assert.match(html, "<table>");
  assert.match(html, '<td class="num">1,200</td>');
  assert.match(html, '<td class="num">14.1%</td>');
  assert.match(html, '<td class="num">-3.5e2</td>');
  assert.match(html, "<td>Mon</td>");
  assert.match(html, "<td>2024-05-13</td>", "a date is not a number");
  assert.match(html, "<td>n/a</td>");
  assert.ok(isNumeric("−7") && isNumeric(".5") && !isNumeric("1,2") && !isNumeric("-"));
});

test("inline and display math become MathML; prices stay text", () => {
  const html = render("Rate $r = \\frac{a}{b}$ here.\n\n$$\n\\sum_{i=1}^n x_i\n$$\n\nIt costs $5 and $10.");
  assert.match(html, /<math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><semantics><mrow><mi>r<\/mi>/);
  assert.match(html, /<div class="math-block"><span class="katex"><math [^>]*display="block"/);
  assert.match(html, "<mo>∑</mo>");
  assert.match(html, "<p>It costs $5 and $10.</p>");
  assert.match(render("A \\$ sign and $x$"), /A \$ sign and <span class="katex"><math/);
});

test("code fences are highlighted at export time", () => {
  const html = render("```ts\nconst n: number = 1;\n```");
  assert.match(html, '<span class="hljs-keyword">const</span>');
  assert.match(render("```nosuchlanguage\n<b>\n```"), "&lt;b&gt;");
});

test("attachments become data: URIs; other images, which would be requests, are not embedded", () => {
  const html = render("![plot](attachment:plot.png)", { "plot.png": { "image/png": PNG + "\n" } });
  assert.match(html, `<img src="data:image/png;base64,${PNG}" alt="plot">`);
  assert.match(render("![x](attachment:gone.png)"), "attachment gone.png is not in the cell");
  const remote = render("![logo](https://example.com/logo.png)");
  assert.not.match(remote, "<img");
  assert.match(remote, "image not embedded: https://example.com/logo.png");
});

test("raw HTML keeps what a report needs (tables, details, data: images) and loses handlers, scripts, frames and code links", () => {
  const html = render(
    [
      `<details open ontoggle="alert(1)"><summary>More</summary>`,
      ``,
      `| a | b |\n|---|---|\n| 1 | 2 |`,
      ``,
      `</details>`,
      ``,
      `<table><tr><td style="color:red">x</td></tr></table>`,
      ``,
      `<img src="data:image/png;base64,${PNG}" alt="dot"> <img src="https://example.org/t.png"> <a href="javascript:alert(2)">js</a> <a href="#more">in page</a>`,
      ``,
      `<script>alert(3)</script><iframe srcdoc="<script>alert(4)</script>"></iframe><meta http-equiv="refresh" content="0;url=https://example.org">`,
    ].join("\n"),
  );
  assert.match(html, '<details open=""><summary>More</summary>');
  assert.match(html, "<table>\n<thead>\n<tr>\n<th>a</th>", "markdown inside the details is still markdown");
  assert.match(html, "</details>");
  assert.match(html, '<td style="color:red">x</td>');
  assert.match(html, `<img src="data:image/png;base64,${PNG}" alt="dot">`);
  assert.match(html, "[image not embedded: https://example.org/t.png]");
  assert.match(html, "<a>js</a>");
  assert.match(html, '<a href="#more">in page</a>');
  for (const gone of ["ontoggle", "alert", "<script", "<iframe", "srcdoc", "<meta", "javascript:"]) assert.not.match(html, gone);
});

test.run();
