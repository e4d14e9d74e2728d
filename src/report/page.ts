// The HTML document around the rendered parts: inline styles, the chart specs as JSON, and
// the scripts (vega once, only when there is a chart).
import { escapeHtml } from "../display/format";
import { chartRuntime } from "./assets";
import type { RenderedChart } from "./charts";
import { CODE_TOGGLE_JS, LIVE_CHARTS_JS } from "./client";
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
}

/**
 * The browser enforces what the report promises: nothing leaves the file, even from HTML a
 * notebook printed. Inline scripts are the report's own; vega compiles expressions with `Function`.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src data:",
  "media-src data:",
  "font-src data:",
  "style-src 'unsafe-inline'",
  "script-src 'unsafe-inline' 'unsafe-eval'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function chartScripts(charts: readonly RenderedChart[]): string {
  if (charts.length === 0) return "";
  const specs = charts.map((c, i) => `<script type="application/json" id="vega_spec_${i + 1}">${jsonForScript(c.spec)}</script>`);
  return [...specs, chartRuntime(), `<script>${LIVE_CHARTS_JS}</script>`].join("\n");
}

export function renderPage(p: PageParts): string {
  const toolbar = p.hasCode ? `<div class="toolbar"><button type="button" id="code_toggle" class="code-toggle" aria-pressed="false" hidden>Show all code</button></div>` : "";
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${CSS}</style>`,
    `</head>`,
    `<body>`,
    `<main class="report">`,
    p.banner,
    p.header,
    toolbar,
    p.toc,
    `<article class="notebook">`,
    p.body,
    `</article>`,
    p.footer,
    `</main>`,
    chartScripts(p.charts),
    p.hasCode ? `<script>${CODE_TOGGLE_JS}</script>` : "",
    `</body>`,
    `</html>`,
    ``,
  ]
    .filter((line, i, all) => line !== "" || i === all.length - 1)
    .join("\n");
}
