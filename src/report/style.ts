// The report's stylesheet, inlined: the system font stack (nothing to download), one readable
// column, tables that line numbers up; a light and a dark palette (the reader's
// prefers-color-scheme, or the page's toggle: <html data-theme>), a phone-width layout and a
// print layout. Every text colour keeps 4.5:1 against the background it sits on, in both palettes.
import { FONT } from "../display/theme";

/** The palettes as custom properties: one name per role, so that no rule below names a colour. */
const LIGHT = {
  bg: "#ffffff", text: "#1f2328", muted: "#59636e", border: "#d1d9e0", soft: "#f6f8fa", zebra: "#f9fafb",
  accent: "#0969da", focus: "#0969da", red: "#cf222e", "red-soft": "#ffebe9", "red-text": "#82071e", "red-border": "#ffcecb",
  "warn-bg": "#fff8c5", "warn-text": "#4d2d00", "warn-border": "#eac54f", "warn-strong": "#9a6700",
  "stderr-bg": "#fff8e5", "stderr-border": "#d4a72c", "failed-bg": "#fffafa", param: "#8250df", "param-border": "#d8b9ff",
  "hl-keyword": "#cf222e", "hl-title": "#8250df", "hl-number": "#0550ae", "hl-string": "#0a3069", "hl-built-in": "#953800",
  "hl-comment": "#59636e", "hl-name": "#116329", "hl-add": "#116329", "hl-add-bg": "#dafbe1", "hl-del": "#82071e", "hl-del-bg": "#ffebe9",
};

const DARK: typeof LIGHT = {
  bg: "#0d1117", text: "#e6edf3", muted: "#9198a1", border: "#3d444d", soft: "#151b23", zebra: "#11161d",
  accent: "#4493f8", focus: "#4493f8", red: "#ff7b72", "red-soft": "#2c1417", "red-text": "#ffa198", "red-border": "#6e2a2a",
  "warn-bg": "#272115", "warn-text": "#f0d68a", "warn-border": "#6e5613", "warn-strong": "#e3b341",
  "stderr-bg": "#1f1a10", "stderr-border": "#9e6a03", "failed-bg": "#1a1214", param: "#d2a8ff", "param-border": "#6e40c9",
  "hl-keyword": "#ff7b72", "hl-title": "#d2a8ff", "hl-number": "#79c0ff", "hl-string": "#a5d6ff", "hl-built-in": "#ffa657",
  "hl-comment": "#9198a1", "hl-name": "#7ee787", "hl-add": "#aff5b4", "hl-add-bg": "#033a16", "hl-del": "#ffdcd7", "hl-del-bg": "#67060c",
};

function palette(colors: typeof LIGHT): string {
  return Object.entries(colors)
    .map(([name, value]) => `--${name}: ${value};`)
    .join(" ");
}

/** Rules for where the dark palette applies: the reader's scheme unless the toggle chose light, or the toggle's dark. */
function inDark(selector: string, rules: string): string {
  return `@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) ${selector} { ${rules} } }\n:root[data-theme="dark"] ${selector} { ${rules} }`;
}

const HIGHLIGHT = `
.hljs-doctag, .hljs-keyword, .hljs-meta .hljs-keyword, .hljs-template-tag, .hljs-template-variable, .hljs-type, .hljs-variable.language_ { color: var(--hl-keyword); }
.hljs-title, .hljs-title.class_, .hljs-title.class_.inherited__, .hljs-title.function_ { color: var(--hl-title); }
.hljs-attr, .hljs-attribute, .hljs-literal, .hljs-meta, .hljs-number, .hljs-operator, .hljs-selector-attr, .hljs-selector-class, .hljs-selector-id, .hljs-variable { color: var(--hl-number); }
.hljs-meta .hljs-string, .hljs-regexp, .hljs-string { color: var(--hl-string); }
.hljs-built_in, .hljs-symbol, .hljs-bullet { color: var(--hl-built-in); }
.hljs-code, .hljs-comment, .hljs-formula { color: var(--hl-comment); }
.hljs-name, .hljs-quote, .hljs-selector-pseudo, .hljs-selector-tag { color: var(--hl-name); }
.hljs-section { color: var(--hl-number); font-weight: 600; }
.hljs-emphasis { font-style: italic; }
.hljs-strong { font-weight: 600; }
.hljs-addition { color: var(--hl-add); background: var(--hl-add-bg); }
.hljs-deletion { color: var(--hl-del); background: var(--hl-del-bg); }`;

export const CSS = `
:root {
  color-scheme: light;
  ${palette(LIGHT)}
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { color-scheme: dark; ${palette(DARK)} } }
:root[data-theme="dark"] { color-scheme: dark; ${palette(DARK)} }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.6 ${FONT}; -webkit-text-size-adjust: 100%; overflow-wrap: break-word; }
.report { max-width: 960px; margin: 0 auto; padding: 32px 28px 80px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 600; margin: 1.8em 0 0.6em; }
h1 { font-size: 2rem; }
h2 { font-size: 1.5rem; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.2rem; }
h4 { font-size: 1rem; }
p, ul, ol, blockquote, table { margin: 0 0 1em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
/* Links inside text are underlined: colour alone does not tell them from the words around them. */
:is(p, li, td, blockquote) > a:not(.anchor) { text-decoration: underline; text-underline-offset: 0.15em; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.table-scroll:focus-visible, .output-html:focus-visible { outline-offset: 0; }
.anchor { visibility: hidden; color: var(--muted); font-weight: 400; text-decoration: none; }
:is(h1, h2, h3, h4, h5, h6):hover .anchor { visibility: visible; }
blockquote { margin-left: 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--border); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
img { max-width: 100%; height: auto; }
code, pre, kbd { font-family: var(--mono); font-size: 0.86em; }
:not(pre) > code { background: var(--soft); padding: 0.12em 0.35em; border-radius: 4px; }
/* Code wraps rather than scrolls: every line can be read at any width, and in print. */
pre { background: var(--soft); border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; line-height: 1.45; margin: 0 0 1em; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { font-size: inherit; }

.failure-banner { margin: 0 0 28px; padding: 14px 18px; background: var(--red-soft); color: var(--red-text); border: 1px solid var(--red-border); border-left: 6px solid var(--red); border-radius: 6px; }
.failure-banner strong { color: var(--red-text); }
.claims-banner { margin: 0 0 28px; padding: 14px 18px; background: var(--warn-bg); color: var(--warn-text); border: 1px solid var(--warn-border); border-left: 6px solid var(--warn-strong); border-radius: 6px; }
.claims-banner ul { margin: 0.4em 0 0; }
.claim-false { padding: 8px 14px; background: var(--warn-bg); color: var(--warn-text); border-left: 4px solid var(--warn-strong); border-radius: 4px; }
.claims-unchecked { background: var(--soft); color: var(--text); border-color: var(--border); border-left-color: var(--muted); }
.claim-unchecked { padding: 8px 14px; background: var(--soft); border-left: 4px solid var(--muted); border-radius: 4px; }
.changes { margin: 0 0 28px; }
.changes table { font-size: 0.9rem; }
.failure-banner a { color: var(--red-text); text-decoration: underline; }
.failure-message { font-family: var(--mono); font-size: 0.9em; }

.report-header h1 { margin: 0 0 0.3em; font-size: 2.2rem; }
.run-summary { color: var(--muted); margin: 0 0 1.2em; }
.run-info { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 14px 32px; padding: 16px 20px; background: var(--soft); border: 1px solid var(--border); border-radius: 8px; font-size: 0.875rem; }
.run-info .wide { grid-column: 1 / -1; }
.run-info h2, nav.toc h2 { margin: 0 0 0.4em; padding: 0; border: 0; font-size: 0.72rem; font-weight: 600; letter-spacing: 0.07em; text-transform: uppercase; color: var(--muted); }
.run-info table { border-collapse: collapse; margin: 0; }
.run-info th, .run-info td { text-align: left; font-weight: 400; padding: 2px 16px 2px 0; vertical-align: top; }
.run-info thead th { color: var(--muted); font-size: 0.8em; }
.run-info .num { text-align: right; font-variant-numeric: tabular-nums; }
.run-info code { background: none; padding: 0; }
/* A long parameter value breaks anywhere rather than widen the page. */
.run-info section > table td { overflow-wrap: anywhere; }
.run-info .none { margin: 0; color: var(--muted); }
.bytes { color: var(--muted); }
.run-info .tracking { margin: 0.6em 0 0; color: var(--muted); }
.run-info .tracking-warning { margin: 0.6em 0 0; padding: 6px 10px; background: var(--red-soft); color: var(--red-text); border-left: 4px solid var(--red); border-radius: 4px; }
.hash { cursor: help; }
ul.versions { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 2px 18px; }
ul.versions .name { color: var(--muted); }

.toolbar { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; margin: -16px 0 16px; }
.toolbar button { font: inherit; font-size: 0.8rem; color: var(--text); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 4px 12px; cursor: pointer; }
.toolbar button:hover { background: var(--soft); }
.toolbar button[aria-pressed="true"] { background: var(--soft); border-color: var(--text); }
.toolbar button[hidden] { display: none; }

nav.toc { margin: 20px 0 36px; padding: 14px 20px; border: 1px solid var(--border); border-radius: 8px; font-size: 0.92rem; }
nav.toc ol { list-style: none; margin: 0; padding-left: 1.2em; }
nav.toc > ol { padding-left: 0; }
nav.toc li { margin: 0.15em 0; }

.cell { margin: 0 0 1.2em; }
.markdown-cell > :first-child { margin-top: 0.8em; }
details.code { margin: 0.4em 0 0.6em; }
details.code > summary { display: inline-flex; gap: 0.6em; align-items: baseline; cursor: pointer; list-style: none; user-select: none; font-size: 0.78rem; color: var(--muted); padding: 1px 10px; border: 1px solid var(--border); border-radius: 999px; background: var(--bg); }
details.code > summary::-webkit-details-marker { display: none; }
details.code > summary::before { content: "\\25B8"; }
details.code[open] > summary::before { content: "\\25BE"; }
details.code > summary:hover { color: var(--text); background: var(--soft); }
details.code > pre { margin: 0.5em 0 0; }
.injected-parameters details.code > summary { color: var(--param); border-color: var(--param-border); }
.outputs > * { margin: 0 0 0.8em; }
pre.output-text, pre.stream { background: var(--bg); border: 0; border-left: 3px solid var(--border); border-radius: 0; padding: 4px 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.stream.stderr { border-left-color: var(--stderr-border); background: var(--stderr-bg); }
.output-error { padding: 10px 14px; background: var(--red-soft); color: var(--red-text); border: 1px solid var(--red-border); border-radius: 6px; font-size: 0.92rem; }
.output-error strong { font-family: var(--mono); font-size: 0.92em; }
.output-error pre { background: transparent; border: 0; padding: 0; margin: 0.5em 0 0; color: var(--red-text); white-space: pre-wrap; }
.output-unknown, .missing-image { color: var(--muted); font-style: italic; }
/* Wide outputs scroll on their own (a focusable region when they hold a table); the page does not. */
.output-html, .output-markdown, .output-image, .table-scroll { overflow-x: auto; max-width: 100%; }
.table-scroll > table { margin-bottom: 0.4em; }
figure.chart { margin: 0 0 1em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
/* A chart is drawn twice at export, light and dark; the reader's scheme picks one, the live view replaces both. */
.chart-static.chart-dark { display: none; }
${inDark(".chart-static.chart-light", "display: none;")}
${inDark(".chart-static.chart-dark", "display: block;")}
.chart-view.live > .chart-static { display: none !important; }
details.chart-data { margin: 0.3em 0 0; }
details.chart-data > summary { cursor: pointer; font-size: 0.85rem; color: var(--muted); width: max-content; max-width: 100%; }
details.chart-data table { font-size: 0.8rem; }
.chart-note { color: var(--muted); font-size: 0.85rem; }
.cell.failed { padding: 10px 16px 4px; border: 2px solid var(--red); border-radius: 8px; background: var(--failed-bg); }
.failed-label { margin: 0 0 0.3em; color: var(--red-text); font-size: 0.78rem; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; }
/* Cells after a failure did not run: marked by a dashed rule, not by fading (faded text is hard to read). */
.cell.not-run { border-left: 3px dashed var(--border); padding-left: 12px; }
/* Fonts with an OpenType MATH table draw fractions, sums and accents properly; one ships with each OS. */
math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; }
.math-block { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; margin: 0 0 1em; }
math[display="block"] { font-size: 1.15em; }

.markdown-cell table, .outputs table, .changes table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
.markdown-cell th, .markdown-cell td, .outputs th, .outputs td, .changes th, .changes td { border: 1px solid var(--border); padding: 5px 12px; text-align: left; vertical-align: top; }
.markdown-cell thead th, .outputs thead th, .changes thead th { background: var(--soft); font-weight: 600; }
.markdown-cell tbody tr:nth-child(even), .outputs tbody tr:nth-child(even), .changes tbody tr:nth-child(even) { background: var(--zebra); }
.markdown-cell td.num, .outputs td.num, .changes td.num { text-align: right; }
.outputs td.null { color: var(--muted); font-style: italic; }
.outputs caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 4px; }
.table-note { color: var(--muted); margin-top: -0.6em; }

footer.report-footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.8rem; }
${HIGHLIGHT}

/* A phone (390 px): less padding, smaller headings; the column still never scrolls sideways. */
@media (max-width: 600px) {
  .report { padding: 20px 16px 60px; }
  .report-header h1 { font-size: 1.7rem; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; }
  .run-info { padding: 12px 14px; }
  .toolbar { margin-top: 0; }
}

/*
 * Print (and the PDF): the light palette on white paper, no toggles or contents box, the code as
 * the report was exported (every cell's, unfolded), each chart whole, in its static vector
 * drawing, a page of its own for the header, and a new page for each top-level section.
 */
@page { margin: 16mm 14mm; }
@media print {
  :root, :root:not([data-theme="light"]), :root[data-theme="dark"] { color-scheme: light; ${palette(LIGHT)} }
  body { font-size: 10.5pt; }
  .report { max-width: none; padding: 0; }
  .anchor, .toolbar, nav.toc, details.code > summary, details.chart-data { display: none; }
  details.code::details-content { content-visibility: visible; display: block; }
  details.code > pre { margin-top: 0; }
  a { color: inherit; }
  h1, h2, h3 { break-after: avoid; }
  .report-header, .run-info { break-inside: avoid; }
  .notebook.break-h1 > .markdown-cell > h1, .notebook.break-h2 > .markdown-cell > h2, .notebook.break-h3 > .markdown-cell > h3 { break-before: page; }
  figure.chart, .output-image, tr, .failure-banner { break-inside: avoid; }
  .chart-view > .chart-live { display: none !important; }
  .chart-view > .chart-static:not(.chart-dark) { display: block !important; }
  .chart-view > .chart-static.chart-dark { display: none !important; }
  .table-scroll, .output-html { overflow: visible; }
  .run-info, pre, .markdown-cell thead th, .outputs thead th, .failure-banner, .claims-banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
