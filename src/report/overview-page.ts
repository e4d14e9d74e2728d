// The pages about reports rather than of one (the front page, a comparison page): the reports'
// stylesheet and colour toggle, the same Content-Security-Policy, no other script; complete with
// JavaScript off. Every text on them is escaped (none of it is notebook HTML to sanitize).
import { escapeHtml } from "../display/values";
import { THEME_TOGGLE_JS } from "./client";
import { documentHead } from "./page";
import { CSS } from "./style";

const OVERVIEW_CSS = `
.overview { max-width: 1200px; }
.overview table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; margin: 0 0 0.4em; }
.overview th, .overview td { border: 1px solid var(--border); padding: 5px 10px; text-align: left; vertical-align: top; }
.overview thead th { background: var(--soft); font-weight: 600; }
.overview tbody th { font-weight: 600; }
.overview tbody th.claim { font-weight: 400; }
.overview td.num, .overview th.num { text-align: right; }
.overview .delta { display: block; color: var(--muted); font-size: 0.85em; white-space: nowrap; }
.overview td.num { white-space: nowrap; }
.overview .differs { background: var(--warn-bg); color: var(--warn-text); }
.overview .differs .delta { color: var(--warn-text); }
.overview .missing { color: var(--muted); font-style: italic; }
.overview .lede { color: var(--muted); }
.overview section { margin: 0 0 2em; }
.overview code { overflow-wrap: anywhere; }
.overview td { max-width: 24em; overflow-wrap: anywhere; }
.overview th code { overflow-wrap: normal; }
.overview svg.spark { display: block; color: var(--accent); }
.overview svg.spark .dot { fill: currentColor; }
.overview svg.spark .line { fill: none; stroke: currentColor; stroke-width: 1.5; }
.overview svg.spark .base { stroke: var(--border); stroke-width: 1; }
.overview .status-ok { color: var(--text); }
.overview .status-stale { background: var(--warn-bg); color: var(--warn-text); }
.overview .status-failed { background: var(--red-soft); color: var(--red-text); }
.overview .status-failed a, .overview .status-stale a { color: inherit; }
.overview .holds-false { background: var(--warn-bg); color: var(--warn-text); }
.overview ul.plain { margin: 0; padding-left: 1.1em; }
.overview .title { display: block; color: var(--muted); font-size: 0.9em; }
`;

/** A whole page: `title`, and `body` (already escaped HTML) in the report's column. */
export function renderOverviewPage(title: string, body: string): string {
  const scripts = [THEME_TOGGLE_JS];
  return [
    documentHead(title, scripts, CSS + OVERVIEW_CSS),
    `<body>`,
    `<main class="report overview">`,
    `<div class="toolbar"><button type="button" id="theme_toggle" aria-pressed="false" hidden>Dark theme</button></div>`,
    body,
    `</main>`,
    scripts.map((js) => `<script>${js}</script>`).join("\n"),
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

/** A link to a file beside the page: its name as a relative URL, escaped for an attribute. */
export function hrefTo(file: string): string {
  return escapeHtml(file.split("/").map(encodeURIComponent).join("/"));
}
