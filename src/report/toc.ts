// The table of contents: the notebook's h1–h3 as nested lists of links to their anchors.
import { escapeHtml } from "../display/values";
import type { Heading } from "./markdown";

/** Empty for fewer than two headings: a contents list of one line only takes room. */
export function renderToc(headings: readonly Heading[]): string {
  const items = headings.filter((h) => h.level <= 3);
  if (items.length < 2) return "";
  const out: string[] = [];
  const open: number[] = []; // levels of the lists now open, outermost first
  const top = () => open[open.length - 1] ?? 0;
  for (const h of items) {
    if (open.length === 0 || h.level > top()) {
      out.push("<ol>");
      open.push(h.level);
    } else {
      out.push("</li>");
      // Close the deeper lists this heading is not part of; a heading between two levels
      // (h1, h3, h2) joins the list it is in.
      while (open.length > 1 && h.level <= (open[open.length - 2] ?? 0)) {
        out.push("</ol></li>");
        open.pop();
      }
    }
    out.push(`<li><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a>`);
  }
  out.push("</li>");
  while (open.length > 1) {
    out.push("</ol></li>");
    open.pop();
  }
  out.push("</ol>");
  return `<nav class="toc" aria-labelledby="contents_title"><h2 id="contents_title">Contents</h2>${out.join("")}</nav>`;
}
