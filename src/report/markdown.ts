// Markdown cells (and text/markdown outputs) to HTML with markdown-it: headings get unique ids
// for the table of contents, cell attachments become data: URIs, math becomes MathML, fenced
// code is highlighted, and table cells holding a number are right-aligned.
import MarkdownIt from "markdown-it";
import { escapeHtml } from "../display/values";
import type { MimeBundle } from "../notebook/notebook";
import { highlight } from "./highlight";
import { sanitizeHtml } from "./sanitize";
import { mathPlugin } from "./math";
import type { Slugger } from "./slug";
import { joinText } from "./text";

type Token = MarkdownIt.Token;

export interface Heading {
  level: number;
  /** Plain text, for the TOC and the page title. */
  text: string;
  id: string;
  /** Index of its `heading_open` token. */
  at: number;
}

export interface MarkdownDoc {
  tokens: Token[];
  headings: Heading[];
}

const md = MarkdownIt({ html: true, highlight: (code, lang) => highlight(code, lang) });
md.use(mathPlugin);
// A "#" link after each heading, shown on hover, so a section can be linked to.
md.renderer.rules["heading_close"] = (tokens, idx) => {
  const id = tokens[idx - 2]?.attrGet("id");
  const tag = tokens[idx]?.tag ?? "h2";
  return id !== null && id !== undefined ? ` <a class="anchor" href="#${escapeHtml(String(id))}" aria-label="Link to this section">#</a></${tag}>\n` : `</${tag}>\n`;
};

// 1,234 · -0.5 · 12% · 3.2e-5 · −7 (a real minus sign)
const NUMBER = /^[-+−]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?\s?%?$/;

export function isNumeric(text: string): boolean {
  const t = text.trim();
  return /\d/.test(t) && NUMBER.test(t);
}

function plainText(inline: Token | undefined): string {
  const parts = (inline?.children ?? []).map((t): string => {
    if (t.type === "text" || t.type === "code_inline" || t.type.startsWith("math_")) return t.content;
    if (t.type === "softbreak" || t.type === "hardbreak") return " ";
    if (t.type === "image") return plainText(t);
    return "";
  });
  return parts.join("").replace(/\s+/g, " ").trim();
}

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"];

/** The attachment as a data: URI; nbformat stores images base64-encoded, but an SVG may be plain text. */
function attachmentUri(bundle: MimeBundle): string | undefined {
  for (const mime of IMAGE_TYPES) {
    const data = joinText(bundle[mime]);
    if (data === undefined) continue;
    const base64 = data.trimStart().startsWith("<") ? Buffer.from(data, "utf8").toString("base64") : data.replace(/\s+/g, "");
    return `data:${mime};base64,${base64}`;
  }
  return undefined;
}

function notEmbedded(what: string, src: string): string {
  return `<span class="missing-image" title="${escapeHtml(src)}">[${escapeHtml(what)}]</span>`;
}

/** Attachments are inlined; any other image but a data: URI would be a request, so it shows as a note instead. */
function embedImage(image: Token, attachments: Record<string, MimeBundle>): void {
  const src = String(image.attrGet("src") ?? "");
  let html: string | undefined;
  if (src.startsWith("attachment:")) {
    const name = decodeURIComponent(src.slice("attachment:".length));
    const bundle = attachments[name];
    const uri = bundle ? attachmentUri(bundle) : undefined;
    if (uri) image.attrSet("src", uri);
    else html = notEmbedded(`attachment ${name} is not in the cell`, src);
  } else if (!src.startsWith("data:")) {
    html = notEmbedded(`image not embedded: ${src}`, src);
  }
  if (html !== undefined) {
    image.type = "html_inline";
    image.content = html;
    image.children = null;
  }
}

export function parseMarkdown(source: string, slugger: Slugger, attachments: Record<string, MimeBundle> = {}): MarkdownDoc {
  const tokens = md.parse(source, {});
  const headings: Heading[] = [];
  tokens.forEach((token, at) => {
    const next = tokens[at + 1];
    if (token.type === "heading_open") {
      const text = plainText(next);
      const id = slugger.id(text);
      token.attrSet("id", id);
      headings.push({ level: Number(token.tag.slice(1)), text, id, at });
    } else if (token.type === "td_open" && next?.type === "inline" && token.attrGet("style") === null && isNumeric(next.content)) {
      token.attrJoin("class", "num");
    } else if (token.type === "inline") {
      for (const child of token.children ?? []) if (child.type === "image") embedImage(child, attachments);
    }
  });
  return { tokens, headings };
}

/** The document without one of its headings: the one that became the report's title. */
export function withoutHeading(doc: MarkdownDoc, heading: Heading): MarkdownDoc {
  const tokens = doc.tokens.filter((_, i) => i < heading.at || i >= heading.at + 3);
  const headings = doc.headings.filter((h) => h !== heading).map((h) => (h.at > heading.at ? { ...h, at: h.at - 3 } : h));
  return { tokens, headings };
}

/** The cell as markdown-it writes it, raw HTML and all: what renderMarkdown sanitizes, and what a test compares it with. */
export function renderUnsanitized(doc: MarkdownDoc): string {
  return md.renderer.render(doc.tokens, md.options, {});
}

/**
 * The cell's HTML, sanitized whole: markdown-it hands raw HTML over in pieces (`<details>` in one
 * block, `</details>` in another, markdown between them), and only the whole cell parses as the
 * browser will parse it.
 */
export function renderMarkdown(doc: MarkdownDoc): string {
  return sanitizeHtml(renderUnsanitized(doc), "markdown");
}
