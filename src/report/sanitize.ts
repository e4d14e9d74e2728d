// Raw HTML from a notebook, cut down to what a report needs before it goes into the page. The
// page's CSP already keeps scripts from running; this also keeps out what a CSP does not stop
// (a <meta http-equiv="refresh"> navigates, a <base> or a form redirects) and what a reader would
// not expect of a shared file (frames, embedded objects, links that run code).
//
// DOMPurify does the work, on jsdom's DOM, whose parser (parse5) builds the tree the HTML
// standard prescribes, namespaces and foreign content included: `<svg><style><meta ...>` is a
// <meta> outside the <svg> there as in the browser, so it is seen and dropped; a filter over
// tokens took it for the text of a style sheet. DOMPurify then serializes what is left, and checks
// the namespace of every element so that the page's parser cannot read that markup back as
// something else (mutation XSS). This module only says what a report keeps.
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHook, type UponSanitizeElementHook } from "dompurify";
import { JSDOM, VirtualConsole } from "jsdom";

export type Policy = "markdown" | "output";

/** Markdown cells: tables, details, text formatting and images from data: URLs. */
const MARKDOWN_TAGS =
  "a abbr b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em " +
  "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub " +
  "summary sup table tbody td tfoot th thead time tr u ul var wbr";

const MARKDOWN_ATTRIBUTES = "id class title lang dir align valign colspan rowspan scope headers open width height alt start reversed type style name datetime href src";

/** KaTeX writes TeX as MathML with its source in an <annotation> (not shown); <annotation-xml> stays out, it holds HTML. */
const MATHML_SEMANTICS = ["semantics", "annotation"];

/** Cell outputs keep their markup (styles, SVG, MathML) but lose what can run code or go elsewhere. */
const OUTPUT_DROPPED =
  "script noscript template iframe frame frameset object embed applet meta base link form input button select textarea option portal xmp";

/** Dropped with their content, beyond DOMPurify's own list (scripts, styles, frames, templates, ...): fallback content of embeds and form fields' text. */
const DROPPED_WITH_CONTENT = ["object", "embed", "textarea", "select"];

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

function keepUrl(policy: Policy, tag: string, name: string, value: string): boolean {
  if ((tag === "a" || tag === "area") && name === "href") return safeLink(value);
  if (tag === "img" && name === "src") return dataImage(value);
  // SVG's own references: <use href="#glyph"> (a point in the page), an <image> from a data: URL.
  if (policy === "output" && (name === "href" || name === "xlink:href")) return value.trim().startsWith("#") || (/^(image|feimage)$/i.test(tag) && dataImage(value));
  return false;
}

const COMMON: Config = {
  // Parse as content of <body>: a <style> first in an output would otherwise go to <head> and be lost.
  FORCE_BODY: true,
  ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  // DOMPurify would drop any id or name that is also a property of `document` ("title", "links",
  // "domain"), and with it a heading's anchor. What it guards against is an element standing in
  // for a property the page's scripts read: here the only scripts are the report's own, and the
  // elements that can name properties of `document` (img, form, iframe, embed, object by `name`)
  // are either not allowed or lose `name` (below).
  SANITIZE_DOM: false,
};

const CONFIG: Record<Policy, Config> = {
  markdown: {
    ...COMMON,
    USE_PROFILES: { mathMl: true },
    ADD_TAGS: [...MARKDOWN_TAGS.split(" "), ...MATHML_SEMANTICS],
    ADD_ATTR: MARKDOWN_ATTRIBUTES.split(" "),
  },
  output: {
    ...COMMON,
    USE_PROFILES: { html: true, svg: true, svgFilters: true, mathMl: true },
    // <use> draws glyphs and markers in SVG from matplotlib and others; its href may only point into the page (below).
    ADD_TAGS: ["use", ...MATHML_SEMANTICS],
    FORBID_TAGS: OUTPUT_DROPPED.split(" "),
    FORBID_ATTR: ["action", "formaction", "http-equiv", "ping", "srcdoc"],
  },
};

function purifier(window: JSDOM["window"], policy: Policy): DOMPurify {
  const purify = createDOMPurify(window);
  const onAttribute: UponSanitizeAttributeHook = (element, event) => {
    const tag = element.localName;
    if (URL_ATTRIBUTES.has(event.attrName)) event.keepAttr = keepUrl(policy, tag, event.attrName, event.attrValue);
    else if (event.attrName === "name" && tag !== "a") event.keepAttr = false;
  };
  purify.addHook("uponSanitizeAttribute", onAttribute);
  // An image from elsewhere would be a request when the report is opened: a note says what is missing instead.
  const onElement: UponSanitizeElementHook = (node, event) => {
    if (event.tagName !== "img") return;
    const img = node as Element;
    const src = img.getAttribute("src") ?? "";
    if (dataImage(src)) return;
    const note = img.ownerDocument.createElement("span");
    note.setAttribute("class", "missing-image");
    note.setAttribute("title", src);
    note.textContent = `[image not embedded: ${src}]`;
    img.replaceWith(note);
  };
  if (policy === "markdown") purify.addHook("uponSanitizeElement", onElement);
  return purify;
}

let purifiers: Record<Policy, DOMPurify> | undefined;

/** Makes the window the sanitizer works in (tens of milliseconds), ahead of the first sanitizeHtml. */
export function prepareSanitizer(): Record<Policy, DOMPurify> {
  if (purifiers === undefined) {
    // One window for the whole export; its console (CSS it cannot parse, say) is not the user's.
    const { window } = new JSDOM("", { virtualConsole: new VirtualConsole() });
    purifiers = { markdown: purifier(window, "markdown"), output: purifier(window, "output") };
  }
  return purifiers;
}

export function sanitizeHtml(html: string, policy: Policy): string {
  return prepareSanitizer()[policy].sanitize(html, CONFIG[policy]);
}
