// Charts for the report: a Vega-Lite spec compiled to Vega and drawn to SVG with vega's
// headless renderer, so the report shows every chart with JavaScript off (drawn at export time),
// twice: with the house theme and with its dark variant, for readers in a dark colour scheme. The
// compiled specs are kept too: with JavaScript on, the page turns them into a live view
// (tooltips). Each chart also gets a text alternative (chart-alt.ts) and its data as tables
// (chart-data.ts).
import type * as Vega from "vega";
import type * as VegaLite from "vega-lite";
import type { MimeBundle } from "../notebook/notebook";
import { DataError } from "../errors";
import { darkTheme, theme } from "../display/theme";
import { chartAlt, titleOf } from "./chart-alt";
import { chartTables, type ChartTable } from "./chart-data";

export const VEGALITE_MIME = /^application\/vnd\.vegalite\.v[4-6]\+json$/;
export const VEGA_MIME = /^application\/vnd\.vega\.v5\+json$/;

export type ChartLanguage = "vega-lite" | "vega";

/** The chart an output shows, if it has one: Vega-Lite wins over Vega. */
export function chartIn(bundle: MimeBundle): { data: unknown; language: ChartLanguage } | undefined {
  const mimes = Object.keys(bundle);
  const vegaLite = mimes.find((m) => VEGALITE_MIME.test(m));
  if (vegaLite) return { data: bundle[vegaLite], language: "vega-lite" };
  const vega = mimes.find((m) => VEGA_MIME.test(m));
  if (vega) return { data: bundle[vega], language: "vega" };
  return undefined;
}

interface Libraries {
  vega: typeof Vega;
  vegaLite: typeof VegaLite;
}
let libraries: Libraries | undefined;

/** vega and vega-lite take about 80 ms to load: only a thread that draws a chart pays for them. */
function load(): Libraries {
  libraries ??= { vega: require("vega") as Libraries["vega"], vegaLite: require("vega-lite") as Libraries["vegaLite"] };
  return libraries;
}

export interface RenderedChart {
  /** Drawn with the house theme. */
  svg: string;
  /** The Vega spec the SVG was drawn from, for the live view. */
  spec: Vega.Spec;
  /** The same chart in the dark theme; undefined when the spec chose its own background, which it keeps in both. */
  dark?: { svg: string; spec: Vega.Spec };
  /** What a screen reader says for the picture. */
  alt: string;
  /** The chart's inline data. */
  tables: ChartTable[];
  /** What the report changed in the chart, to show under it. */
  note?: string;
}

export const LINKS_REMOVED = "This chart's links (its href encoding) are not kept: a self-contained report opens no URL.";

/**
 * The spec without `href` encodings. vega's SVG renderer asks the loader for each link and,
 * when the loader refuses, fails in a promise nobody awaits (an unhandled rejection that ends
 * the export); a report that navigates nowhere has no use for the links anyway.
 */
function withoutLinks(node: unknown): { value: unknown; removed: boolean } {
  if (Array.isArray(node)) {
    let removed = false;
    const value = node.map((item) => {
      const r = withoutLinks(item);
      removed ||= r.removed;
      return r.value;
    });
    return { value, removed };
  }
  if (node === null || typeof node !== "object") return { value: node, removed: false };
  let removed = false;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
    if (key === "encode" && child !== null && typeof child === "object" && !Array.isArray(child)) {
      const sets: Record<string, unknown> = {};
      for (const [set, props] of Object.entries(child as Record<string, unknown>)) {
        if (props !== null && typeof props === "object" && !Array.isArray(props) && "href" in props) {
          const { href: _href, ...rest } = props as Record<string, unknown>;
          sets[set] = rest;
          removed = true;
        } else sets[set] = props;
      }
      const inner = withoutLinks(sets);
      out[key] = inner.value;
      removed ||= inner.removed;
    } else if (key === "data" || key === "values") {
      out[key] = child; // inline data is never an encoding: not walked
    } else {
      const r = withoutLinks(child);
      out[key] = r.value;
      removed ||= r.removed;
    }
  }
  return { value: out, removed };
}

const INLINE_ONLY = "a self-contained report only draws inline data (data.values)";

/** Vega-Lite quotes the whole spec in some messages: keep how it starts and the advice at its end. */
function brief(message: string, max = 300): string {
  if (message.length <= max) return message;
  const half = Math.floor(max / 2);
  return `${message.slice(0, half)} … ${message.slice(-half)}`;
}

/** Output data is a spec object, or the same as JSON text. */
function specObject(data: unknown, kind: string): Record<string, unknown> {
  let spec = data;
  if (typeof data === "string" || (Array.isArray(data) && data.every((l) => typeof l === "string"))) {
    const text = typeof data === "string" ? data : data.join("");
    try {
      spec = JSON.parse(text) as unknown;
    } catch (e) {
      throw new DataError(`expected a ${kind} spec as JSON, but it does not parse (${(e as Error).message})`);
    }
  }
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new DataError(`expected a ${kind} spec object, found ${spec === null ? "null" : Array.isArray(spec) ? "a list" : typeof spec}`);
  }
  return spec as Record<string, unknown>;
}

/** The first `url` of a data source (Vega-Lite `data`, `from.data`; Vega `data: [...]`), without walking inline values. */
function dataUrl(node: unknown, underData = false): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const url = dataUrl(item, underData);
      if (url !== undefined) return url;
    }
    return undefined;
  }
  if (node === null || typeof node !== "object") return undefined;
  const record = node as Record<string, unknown>;
  if (underData && typeof record["url"] === "string") return record["url"];
  for (const [key, value] of Object.entries(record)) {
    if (key === "values") continue;
    const url = dataUrl(value, key === "data");
    if (url !== undefined) return url;
  }
  return undefined;
}

/** A loader that refuses everything, so rendering can never reach the network or the disk. */
function refusingLoader(): Vega.Loader {
  const { vega } = load();
  const loader = vega.loader();
  const refuse = (uri: string) => Promise.reject(new DataError(`chart tried to load ${JSON.stringify(uri)}; ${INLINE_ONLY}`));
  loader.load = refuse;
  loader.sanitize = refuse;
  return loader;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The spec with the dark theme's colours over its `config`, or undefined when its background is
 * not the house one: an author who chose a background chose the colours that go with it.
 */
export function darkVariant(source: Json): Json | undefined {
  const config = isObject(source["config"]) ? source["config"] : {};
  const background = source["background"] ?? config["background"];
  if (background !== undefined && background !== theme.background) return undefined;
  const merged: Json = { ...config };
  for (const [key, value] of Object.entries(darkTheme)) {
    const base = merged[key];
    merged[key] = isObject(base) && isObject(value) ? { ...base, ...value } : value;
  }
  const { background: _background, ...rest } = source;
  return { ...rest, config: merged };
}

/** Vega-Lite compiled to Vega (or Vega as it is), without `$schema` and links. */
function toVega(source: Json, language: ChartLanguage, quiet: Vega.LoggerInterface): { spec: Vega.Spec; removed: boolean } {
  const { vegaLite } = load();
  let compiled: Vega.Spec;
  try {
    compiled = language === "vega-lite" ? vegaLite.compile(source as unknown as VegaLite.TopLevelSpec, { logger: quiet }).spec : (source as Vega.Spec);
  } catch (e) {
    throw new DataError(`Vega-Lite could not compile the spec: ${brief((e as Error).message)}`);
  }
  // "$schema" is a URL nothing needs: the spec is already compiled.
  const { $schema: _schema, ...linked } = compiled;
  const { value, removed } = withoutLinks(linked);
  return { spec: value as Vega.Spec, removed };
}

/** The SVG of a compiled spec, and what `read` takes from the view that drew it. */
async function draw<T>(spec: Vega.Spec, quiet: Vega.LoggerInterface, read: (view: Vega.View) => T): Promise<{ svg: string; read: T }> {
  const { vega } = load();
  let view: Vega.View | undefined;
  try {
    view = new vega.View(vega.parse(spec), { renderer: "none", loader: refusingLoader(), logger: quiet });
    const svg = await view.toSVG();
    if (/<image\b[^>]*\bhref="(?!data:)/.test(svg)) throw new DataError(`chart draws an image from a URL; ${INLINE_ONLY}`);
    return { svg, read: read(view) };
  } catch (e) {
    throw e instanceof DataError ? e : new DataError(`Vega could not draw the spec: ${brief((e as Error).message)}`);
  } finally {
    view?.finalize();
  }
}

export async function renderChart(data: unknown, language: ChartLanguage): Promise<RenderedChart> {
  const { vega } = load();
  const source = specObject(data, language === "vega-lite" ? "Vega-Lite" : "Vega");
  const url = dataUrl(source);
  if (url !== undefined) throw new DataError(`chart data comes from ${JSON.stringify(url)}; ${INLINE_ONLY}`);
  // Warnings (a dropped encoding, say) are for the notebook's author, who sees them in JupyterLab.
  const quiet = vega.logger(vega.Error);
  const { spec, removed } = toVega(source, language, quiet);
  const light = await draw(spec, quiet, (view) => chartAlt(spec, view));
  const darkSource = darkVariant(source);
  const dark = darkSource === undefined ? undefined : toVega(darkSource, language, quiet).spec;
  return {
    svg: light.svg,
    spec,
    ...(dark ? { dark: { svg: (await draw(dark, quiet, () => undefined)).svg, spec: dark } } : {}),
    alt: light.read,
    tables: chartTables(source, titleOf(source["title"]).text),
    ...(removed ? { note: LINKS_REMOVED } : {}),
  };
}

/**
 * The SVG with its ids (vega's clip paths and gradients) prefixed, so that two drawings in one
 * page (two charts, or one chart's light and dark) never share an id and each `url(#…)` finds its own.
 */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
  if (ids.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => (ids.has(id) ? `${lead}${prefix}${id}` : whole));
}
