// The HTML document around the rendered parts: inline styles, the chart specs as JSON, and
// the scripts (vega once, only when there is a chart).
import { createHash } from "node:crypto";
import { escapeHtml } from "../display/values";
import { chartRuntimeScripts } from "./assets";
import type { RenderedChart } from "./charts";
import { CODE_TOGGLE_JS, LIVE_CHARTS_JS, THEME_TOGGLE_JS } from "./client";
import { jsonForScript } from "./inline";
import { CSS } from "./style";

export interface PageParts {
  title: string;
  banner: string;
  header: string;
  toc: string;
  body: string;
  footer: string;
  charts: readonly RenderedChart[];
  /** Whether any code cell is folded in a <details>: the toggle button is only there then. */
  hasCode: boolean;
  /** The level of the notebook's top-level sections (2 for "##"), each starting a new page in print. */
  sectionLevel?: number;
}

/**
 * The browser enforces what the report promises: nothing leaves the file, and no script runs but
 * the report's own, named by their hashes: a `<script>`, an `onclick=` or a `javascript:` link in
 * HTML a notebook printed does not run. vega evaluates expressions with its interpreter
 * (vega-interpreter), so no `'unsafe-eval'` either.
 */
function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = scripts.map((js) => `'sha256-${createHash("sha256").update(js, "utf8").digest("base64")}'`);
  return [
    "default-src 'none'",
    "img-src data:",
    "media-src data:",
    "font-src data:",
    "style-src 'unsafe-inline'",
    `script-src ${hashes.length > 0 ? hashes.join(" ") : "'none'"}`,
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The report's scripts, in page order: the chart runtime and its driver (only with charts), the theme and code toggles. */
function pageScripts(p: PageParts): string[] {
  return [...(p.charts.length > 0 ? [...chartRuntimeScripts(), LIVE_CHARTS_JS] : []), THEME_TOGGLE_JS, ...(p.hasCode ? [CODE_TOGGLE_JS] : [])];
}

/**
 * What the live view draws: the light spec, and the dark one as the few keys it changes
 * (`config`, `background`) when that is all it changes, or whole otherwise.
 */
function liveSpecs(chart: RenderedChart): { light: unknown; dark?: unknown } {
  if (chart.dark === undefined) return { light: chart.spec };
  const frame = (spec: object) => JSON.stringify({ ...spec, config: null, background: null });
  const dark = chart.dark.spec as Record<string, unknown>;
  const patch = { config: dark["config"] ?? null, background: dark["background"] ?? null };
  return { light: chart.spec, dark: frame(chart.spec) === frame(dark) ? { patch } : { spec: dark } };
}

function chartSpecs(charts: readonly RenderedChart[]): string {
  return charts.map((c, i) => `<script type="application/json" id="vega_spec_${i + 1}">${jsonForScript(liveSpecs(c))}</script>`).join("\n");
}

/** A page's doctype and head: its title, its stylesheet, and a policy that lets only `scripts` (by hash) run. */
export function documentHead(title: string, scripts: readonly string[], css: string): string {
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    `</head>`,
  ].join("\n");
}

export function renderPage(p: PageParts): string {
  const scripts = pageScripts(p);
  // The buttons need JavaScript: they stay hidden without it (the page follows the reader's scheme, code cells open one by one).
  const toolbar = [
    `<div class="toolbar">`,
    `<button type="button" id="theme_toggle" aria-pressed="false" hidden>Dark theme</button>`,
    p.hasCode ? `<button type="button" id="code_toggle" class="code-toggle" aria-pressed="false" hidden>Show all code</button>` : "",
    `</div>`,
  ].join("");
  const sections = p.sectionLevel !== undefined ? ` break-h${p.sectionLevel}` : "";
  return [
    documentHead(p.title, scripts, CSS),
    `<body>`,
    `<main class="report">`,
    toolbar,
    p.banner,
    p.header,
    p.toc,
    `<article class="notebook${sections}">`,
    p.body,
    `</article>`,
    p.footer,
    `</main>`,
    chartSpecs(p.charts),
    scripts.map((js) => `<script>${js}</script>`).join("\n"),
    `</body>`,
    `</html>`,
    ``,
  ]
    .filter((line, i, all) => line !== "" || i === all.length - 1)
    .join("\n");
}
