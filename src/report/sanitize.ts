// Raw HTML from a notebook, cut down to what a report needs before it goes into the page. The
// page's CSP already keeps scripts from running; this also keeps out what a CSP does not stop
// (a <meta http-equiv="refresh"> navigates, a <base> or a form redirects) and what a reader would
// not expect of a shared file (frames, embedded objects, links that run code).
//
// Tags are filtered one by one with htmlparser2's tokenizer, not through a tree: markdown-it
// hands a cell's raw HTML over in pieces (`<details>` in one token, `</details>` in another), and
// the structure between them is the cell's. The browser balances what is left, as it would have.
import { Tokenizer } from "htmlparser2";
import { escapeHtml } from "../display/values";

export type Policy = "markdown" | "output";

/** Markdown cells: tables, details, text formatting and images from data: URLs. */
const MARKDOWN_TAGS = new Set(
  (
    "a abbr b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em " +
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub " +
    "summary sup table tbody td tfoot th thead time tr u ul var wbr"
  ).split(" "),
);

/** Cell outputs keep their markup (styles, SVG, MathML) but lose what can run code or go elsewhere. */
const OUTPUT_DROPPED = new Set(
  "script noscript template iframe frame frameset object embed applet meta base link form input button select textarea option portal".split(" "),
);

/** Their content goes with them: it is code or a document of its own, never text to show. */
const DROPPED_WITH_CONTENT: Record<Policy, Set<string>> = {
  markdown: new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "textarea", "title", "xmp", "select"]),
  // An output's <style> and an SVG's <title> (its tooltip) are kept.
  output: new Set(["script", "noscript", "template", "iframe", "object", "embed", "textarea", "xmp", "select"]),
};

const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));

const MARKDOWN_ATTRIBUTES = new Set(
  "id class title lang dir align valign colspan rowspan scope headers open width height alt start reversed type style name datetime".split(" "),
);

/** Attributes holding URLs: only in-page anchors, web and mail links, and data: images survive. */
const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "background", "poster", "cite", "data", "srcset", "ping", "lowsrc", "dynsrc"]);

function safeLink(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const plain = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  return plain.startsWith("#") || /^(https?|mailto):/.test(plain);
}

function dataImage(url: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url.trim());
}

interface Tag {
  name: string;
  attributes: [string, string][];
}

function keepAttribute(policy: Policy, tag: string, name: string, value: string): boolean {
  if (name.startsWith("on") || name === "srcdoc" || name === "formaction" || name === "http-equiv") return false;
  if (URL_ATTRIBUTES.has(name)) {
    if ((tag === "a" || tag === "area") && name === "href") return safeLink(value);
    if (tag === "img" && name === "src") return dataImage(value);
    if (policy === "output" && (name === "href" || name === "xlink:href")) return value.trim().startsWith("#") || dataImage(value);
    return false;
  }
  return policy === "output" || MARKDOWN_ATTRIBUTES.has(name);
}

function openTag(policy: Policy, tag: Tag, selfClosing: boolean): string {
  if (tag.name === "img" && policy === "markdown") {
    const src = tag.attributes.find(([n]) => n === "src")?.[1] ?? "";
    if (!dataImage(src)) return `<span class="missing-image" title="${escapeHtml(src)}">[image not embedded: ${escapeHtml(src)}]</span>`;
  }
  const kept = tag.attributes.filter(([n, v]) => keepAttribute(policy, tag.name, n, v));
  // The slash matters in SVG and MathML (`<rect/>`), where an element is not void by name.
  return `<${tag.name}${kept.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join("")}${selfClosing && !VOID.has(tag.name) ? "/" : ""}>`;
}

export function sanitizeHtml(html: string, policy: Policy): string {
  const out: string[] = [];
  let tag: Tag | undefined;
  let attribute: [string, string] | undefined;
  let dropping: string | undefined; // inside an element dropped with its content
  let inStyle = false; // a kept <style>: raw text, not to be escaped
  const droppedWithContent = DROPPED_WITH_CONTENT[policy];
  const allowed = (name: string) => (policy === "markdown" ? MARKDOWN_TAGS.has(name) : !OUTPUT_DROPPED.has(name) && !droppedWithContent.has(name));
  const slice = (start: number, end: number) => html.slice(start, end);
  const text = (s: string) => {
    if (dropping === undefined) out.push(inStyle ? s : escapeHtml(s));
  };
  const endOpenTag = (selfClosing: boolean) => {
    const t = tag;
    tag = undefined;
    if (t === undefined || dropping !== undefined) return;
    if (droppedWithContent.has(t.name) && !selfClosing && !VOID.has(t.name)) {
      dropping = t.name;
      return;
    }
    if (allowed(t.name)) {
      out.push(openTag(policy, t, selfClosing));
      if (t.name === "style" && !selfClosing) inStyle = true;
    }
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname: (start, end) => {
        tag = { name: slice(start, end).toLowerCase(), attributes: [] };
      },
      onattribname: (start, end) => {
        attribute = [slice(start, end).toLowerCase(), ""];
      },
      onattribdata: (start, end) => {
        if (attribute) attribute[1] += slice(start, end);
      },
      onattribentity: (codepoint) => {
        if (attribute) attribute[1] += String.fromCodePoint(codepoint);
      },
      onattribend: () => {
        if (attribute && tag && !tag.attributes.some(([n]) => n === attribute?.[0])) tag.attributes.push(attribute);
        attribute = undefined;
      },
      onopentagend: () => endOpenTag(false),
      onselfclosingtag: () => endOpenTag(true),
      onclosetag: (start, end) => {
        const name = slice(start, end).toLowerCase();
        if (dropping !== undefined) {
          if (name === dropping) dropping = undefined;
          return;
        }
        if (name === "style") inStyle = false;
        if (allowed(name) && !VOID.has(name)) out.push(`</${name}>`);
      },
      ontext: (start, end) => text(slice(start, end)),
      ontextentity: (codepoint) => text(String.fromCodePoint(codepoint)),
      // Comments, CDATA, doctypes and processing instructions carry nothing a reader sees.
      oncomment: () => {},
      oncdata: () => {},
      ondeclaration: () => {},
      onprocessinginstruction: () => {},
      onend: () => {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return out.join("");
}
