// Anchors: readable ids for headings from their text, unique within a report, and the ids of
// cells. Slugs only hold letters, digits and "-"; the report's own ids contain "_"
// (`cell_3`, `vega_spec_1`), so a heading can never take one of them.

/** `cell_3` for nb.cells[2]: numbered from 1, as the run's messages number cells. */
export function cellAnchor(cellIndex: number): string {
  return `cell_${cellIndex + 1}`;
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents, once NFKD has split them off: "Ü" → "U"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/** Hands out ids: the slug the first time, then `slug-1`, `slug-2`, ... skipping any already taken. */
export class Slugger {
  private readonly taken = new Set<string>();

  id(text: string): string {
    const base = slugify(text);
    let id = base;
    for (let n = 1; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
