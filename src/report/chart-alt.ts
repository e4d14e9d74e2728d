// A chart's text alternative: what a screen reader says in place of the picture. The author's
// title and description when the spec has a description; otherwise the title and a sentence
// built from what vega drew: the marks (how many bars, points, lines), each axis and legend with
// its title and the values its scale spans.
import type * as Vega from "vega";

/** The parts of vega's scenegraph read here (vega's typings leave it untyped). */
interface SceneMark {
  marktype: string;
  role?: string;
  name?: string;
  items: SceneItem[];
}
interface SceneItem {
  items?: SceneMark[];
  datum?: Record<string, unknown>;
  orient?: string;
  text?: unknown;
}

/** A list of values as a reader hears it: all of a few, or the first ones and the last of many. */
const LISTED = 7;

/** What each Vega-Lite mark (the compiled mark's style) is called, one and many. */
const NOUNS: Record<string, [string, string]> = {
  bar: ["bar", "bars"],
  point: ["point", "points"],
  circle: ["point", "points"],
  square: ["point", "points"],
  tick: ["tick", "ticks"],
  rule: ["rule", "rules"],
  text: ["text label", "text labels"],
  rect: ["rectangle", "rectangles"],
  arc: ["slice", "slices"],
  "boxplot-box": ["box", "boxes"],
  "boxplot-median": ["median", "medians"],
  "boxplot-rule": ["whisker", "whiskers"],
  "boxplot-outliers": ["outlier", "outliers"],
  symbol: ["point", "points"],
  image: ["image", "images"],
  shape: ["shape", "shapes"],
  path: ["path", "paths"],
  trail: ["trail", "trails"],
};

function textOf(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(textOf).filter((t) => t !== "").join(" ");
  return "";
}

/** The spec's own words: `title` as a string, a list of lines or {text, subtitle}. */
export function titleOf(title: unknown): { text: string; subtitle: string } {
  if (title !== null && typeof title === "object" && !Array.isArray(title)) {
    const t = title as Record<string, unknown>;
    return { text: textOf(t["text"]), subtitle: textOf(t["subtitle"]) };
  }
  return { text: textOf(title), subtitle: "" };
}

/** Each compiled mark's name with its Vega-Lite style ("bar", "boxplot-box"), to name what was drawn. */
function stylesByName(node: unknown, out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(node)) for (const child of node) stylesByName(child, out);
  else if (node !== null && typeof node === "object") {
    const mark = node as Record<string, unknown>;
    const style = Array.isArray(mark["style"]) ? mark["style"][0] : mark["style"];
    if (typeof mark["name"] === "string" && typeof style === "string") out.set(mark["name"], style);
    for (const [key, child] of Object.entries(mark)) if (key === "marks" || key === "from" || key === "facet") stylesByName(child, out);
  }
  return out;
}

function walk(mark: SceneMark, visit: (mark: SceneMark) => void): void {
  visit(mark);
  for (const item of mark.items) for (const child of item.items ?? []) walk(child, visit);
}

function sentenceCase(text: string): string {
  return text === "" ? text : text[0]!.toUpperCase() + text.slice(1);
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function formatValue(value: unknown, scaleType: string, locale: ReturnType<Vega.View["locale"]>): string {
  if (value instanceof Date) {
    const utc = scaleType === "utc";
    const midnight = utc ? value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0 : value.getHours() + value.getMinutes() + value.getSeconds() === 0;
    const spec = midnight ? "%Y-%m-%d" : "%Y-%m-%d %H:%M";
    return utc ? locale.utcFormat(spec)(value) : locale.timeFormat(spec)(value);
  }
  if (typeof value === "number") {
    if (Number.isInteger(value)) return integer.format(value);
    // Four significant digits say where a scale ends; a reader wanting more opens the data table.
    return Number(value.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 20 });
  }
  return String(value);
}

interface ScaleLike {
  type?: string;
  domain?: () => unknown[];
}

function domainText(scale: ScaleLike, locale: ReturnType<Vega.View["locale"]>): string {
  const type = scale.type ?? "";
  const domain = scale.domain?.() ?? [];
  const fmt = (v: unknown) => formatValue(v, type, locale);
  if (domain.length === 0) return "";
  if (["ordinal", "band", "point"].includes(type)) {
    const n = domain.length;
    const values = n > LISTED ? `${domain.slice(0, LISTED - 2).map(fmt).join(", ")}, …, ${fmt(domain[n - 1])}` : domain.map(fmt).join(", ");
    return `${n} value${n === 1 ? "" : "s"}: ${values}`;
  }
  const scaleName = type === "log" ? " (log scale)" : type === "symlog" ? " (symmetric log scale)" : type === "sqrt" ? " (square-root scale)" : "";
  return `from ${fmt(domain[0])} to ${fmt(domain[domain.length - 1])}${scaleName}`;
}

function childText(mark: SceneMark, role: string): string {
  let found = "";
  walk(mark, (m) => {
    if (found === "" && m.role === role) found = textOf(m.items[0]?.text);
  });
  return found;
}

function marksPhrase(root: SceneMark, styles: Map<string, string>): string {
  // Marks of one name count together (a faceted chart repeats them); lines and areas count their points.
  const counts = new Map<string, { style: string; items: number; instances: number }>();
  walk(root, (m) => {
    if (m.role !== "mark" || m.items.length === 0) return;
    const key = m.name ?? `${m.marktype}#${counts.size}`;
    const seen = counts.get(key) ?? { style: (m.name && styles.get(m.name)) || m.marktype, items: 0, instances: 0 };
    seen.items += m.items.length;
    seen.instances += 1;
    counts.set(key, seen);
  });
  const phrases = [...counts.values()].map(({ style, items, instances }) => {
    if (style === "line" || style === "area") {
      const noun = style === "line" ? ["a line", "lines"] : ["an area", "areas"];
      return `${instances === 1 ? noun[0] : `${instances} ${noun[1]}`} through ${integer.format(items)} point${items === 1 ? "" : "s"}`;
    }
    const [one, many] = NOUNS[style] ?? [`${style} mark`, `${style} marks`];
    return `${integer.format(items)} ${items === 1 ? one : many}`;
  });
  if (phrases.length === 0) return "Nothing is drawn.";
  const list = phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(", ")} and ${phrases[phrases.length - 1]}`;
  return `Chart of ${list}.`;
}

function guidesPhrases(root: SceneMark, view: Vega.View): string[] {
  const locale = view.locale();
  const scaleOf = (name: unknown): ScaleLike | undefined => {
    if (typeof name !== "string") return undefined;
    try {
      return view.scale(name) as unknown as ScaleLike;
    } catch {
      return undefined; // a scale inside a facet's group: named, its values not listed
    }
  };
  const seen = new Set<string>();
  const out: string[] = [];
  walk(root, (m) => {
    const item = m.items[0];
    const datum = item?.datum;
    if (item === undefined || datum === undefined) return;
    let phrase: string | undefined;
    if (m.role === "axis" && datum["labels"] !== false) {
      const which = item.orient === "left" || item.orient === "right" ? "Y axis" : "X axis";
      const title = childText(m, "axis-title");
      const scale = scaleOf(datum["scale"]);
      const values = scale ? domainText(scale, locale) : "";
      phrase = `${which}${title ? `, ${title}` : ""}${values ? `: ${values}` : ""}.`;
    } else if (m.role === "legend") {
      const scales = datum["scales"] as Record<string, unknown> | undefined;
      const channel = Object.keys(scales ?? {})[0];
      const title = childText(m, "legend-title");
      const scale = channel ? scaleOf(scales?.[channel]) : undefined;
      const values = scale ? domainText(scale, locale) : "";
      const what = channel === "fill" || channel === "stroke" ? "colour" : (channel ?? "");
      phrase = `Legend${what ? ` for ${what}` : ""}${title ? `, ${title}` : ""}${values ? `: ${values}` : ""}.`;
    }
    if (phrase !== undefined && !seen.has(phrase)) {
      seen.add(phrase);
      out.push(phrase);
    }
  });
  return out;
}

/**
 * The text alternative of a chart vega has run (`view`, from the compiled `spec`). Sub-charts'
 * titles (a concatenation's) are read from the scenegraph as the reader would see them.
 */
export function chartAlt(spec: Vega.Spec, view: Vega.View): string {
  const { text, subtitle } = titleOf((spec as { title?: unknown }).title);
  const heading = [text, subtitle].filter((t) => t !== "").map((t) => (/[.!?:]$/.test(t) ? t : `${t}.`));
  const description = textOf((spec as { description?: unknown }).description);
  if (description !== "") return [...heading, description].join(" ");
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const subtitles: string[] = [];
  walk(root, (m) => {
    if (m.role === "title-text" && m !== root) {
      const t = textOf(m.items[0]?.text);
      if (t !== "" && t !== text && !subtitles.includes(t)) subtitles.push(t);
    }
  });
  const parts = [...heading, ...(subtitles.length > 0 ? [`Parts: ${subtitles.join("; ")}.`] : []), marksPhrase(root, stylesByName(spec)), ...guidesPhrases(root, view)];
  return sentenceCase(parts.join(" "));
}
