// Wide things scroll sideways on their own, so that the page never does (a phone is 390 px wide):
// a table sits in a region that scrolls, and a keyboard can reach it (tab to it, then arrow keys).

/** The attributes of such a region: focusable, and named for a screen reader's list of regions. */
export function scrollRegion(label: string): string {
  return `role="region" tabindex="0" aria-label="${label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}"`;
}

/**
 * Sanitized HTML with each outermost table in a scrolling region. Serialized HTML escapes `<` in
 * text and in attribute values, so every `<table` and `</table>` left in it is a tag.
 */
export function wrapTables(html: string): string {
  let depth = 0;
  return html.replace(/<table\b|<\/table>/g, (tag) => {
    if (tag === "</table>") return --depth === 0 ? "</table></div>" : tag;
    return depth++ === 0 ? `<div class="table-scroll" ${scrollRegion("Table")}>${tag}` : tag;
  });
}

/** Each region named just "Table" (markdown and output tables) numbered in page order, so that every region's name is its own. */
export function numberTables(html: string): string {
  let n = 0;
  return html.replace(/ role="region" tabindex="0" aria-label="Table"/g, () => ` role="region" tabindex="0" aria-label="Table ${++n}"`);
}
