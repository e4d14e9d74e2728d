// The report's stylesheet, inlined: a light theme on the system font stack (nothing to
// download), one readable column, tables that line numbers up, and a print layout.
import { FONT } from "../display/theme";

const HIGHLIGHT = `
.hljs-doctag, .hljs-keyword, .hljs-meta .hljs-keyword, .hljs-template-tag, .hljs-template-variable, .hljs-type, .hljs-variable.language_ { color: #cf222e; }
.hljs-title, .hljs-title.class_, .hljs-title.class_.inherited__, .hljs-title.function_ { color: #8250df; }
.hljs-attr, .hljs-attribute, .hljs-literal, .hljs-meta, .hljs-number, .hljs-operator, .hljs-selector-attr, .hljs-selector-class, .hljs-selector-id, .hljs-variable { color: #0550ae; }
.hljs-meta .hljs-string, .hljs-regexp, .hljs-string { color: #0a3069; }
.hljs-built_in, .hljs-symbol, .hljs-bullet { color: #953800; }
.hljs-code, .hljs-comment, .hljs-formula { color: #6e7781; }
.hljs-name, .hljs-quote, .hljs-selector-pseudo, .hljs-selector-tag { color: #116329; }
.hljs-section { color: #0550ae; font-weight: 600; }
.hljs-emphasis { font-style: italic; }
.hljs-strong { font-weight: 600; }
.hljs-addition { color: #116329; background: #dafbe1; }
.hljs-deletion { color: #82071e; background: #ffebe9; }`;

export const CSS = `
:root {
  color-scheme: light;
  --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --soft: #f6f8fa; --zebra: #f9fafb;
  --accent: #0969da; --red: #cf222e; --red-soft: #ffebe9; --red-text: #82071e;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--text); font: 16px/1.6 ${FONT}; -webkit-text-size-adjust: 100%; }
.report { max-width: 960px; margin: 0 auto; padding: 32px 28px 80px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 600; margin: 1.8em 0 0.6em; }
h1 { font-size: 2rem; }
h2 { font-size: 1.5rem; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.2rem; }
h4 { font-size: 1rem; }
p, ul, ol, blockquote, table { margin: 0 0 1em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.anchor { visibility: hidden; color: var(--muted); font-weight: 400; text-decoration: none; }
:is(h1, h2, h3, h4, h5, h6):hover .anchor { visibility: visible; }
blockquote { margin-left: 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--border); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
img { max-width: 100%; height: auto; }
code, pre, kbd { font-family: var(--mono); font-size: 0.86em; }
:not(pre) > code { background: var(--soft); padding: 0.12em 0.35em; border-radius: 4px; }
pre { background: var(--soft); border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; overflow-x: auto; line-height: 1.45; margin: 0 0 1em; }
pre code { font-size: inherit; }

.failure-banner { margin: 0 0 28px; padding: 14px 18px; background: var(--red-soft); color: var(--red-text); border: 1px solid #ffcecb; border-left: 6px solid var(--red); border-radius: 6px; }
.failure-banner strong { color: var(--red); }
.claims-banner { margin: 0 0 28px; padding: 14px 18px; background: #fff8c5; color: #4d2d00; border: 1px solid #eac54f; border-left: 6px solid #bf8700; border-radius: 6px; }
.claims-banner ul { margin: 0.4em 0 0; }
.claim-false { padding: 8px 14px; background: #fff8c5; border-left: 4px solid #bf8700; border-radius: 4px; }
.claims-unchecked { background: var(--soft); color: var(--text); border-color: var(--border); border-left-color: var(--muted); }
.claim-unchecked { padding: 8px 14px; background: var(--soft); border-left: 4px solid var(--muted); border-radius: 4px; }
.changes { margin: 0 0 28px; }
.changes table { font-size: 0.9rem; }
.failure-banner a { color: var(--red); text-decoration: underline; }
.failure-message { font-family: var(--mono); font-size: 0.9em; }

.report-header h1 { margin: 0 0 0.3em; font-size: 2.2rem; }
.run-summary { color: var(--muted); margin: 0 0 1.2em; }
.run-info { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px 32px; padding: 16px 20px; background: var(--soft); border: 1px solid var(--border); border-radius: 8px; font-size: 0.875rem; }
.run-info .wide { grid-column: 1 / -1; }
.run-info h2, nav.toc h2 { margin: 0 0 0.4em; padding: 0; border: 0; font-size: 0.72rem; font-weight: 600; letter-spacing: 0.07em; text-transform: uppercase; color: var(--muted); }
.run-info table { border-collapse: collapse; margin: 0; }
.run-info th, .run-info td { text-align: left; font-weight: 400; padding: 2px 16px 2px 0; vertical-align: top; }
.run-info thead th { color: var(--muted); font-size: 0.8em; }
.run-info .num { text-align: right; font-variant-numeric: tabular-nums; }
.run-info code { background: none; padding: 0; }
.run-info .none { margin: 0; color: var(--muted); }
.bytes { color: var(--muted); }
.run-info .tracking { margin: 0.6em 0 0; color: var(--muted); }
.run-info .tracking-warning { margin: 0.6em 0 0; padding: 6px 10px; background: var(--red-soft); color: var(--red-text); border-left: 4px solid var(--red); border-radius: 4px; }
.hash { cursor: help; }
ul.versions { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 2px 18px; }
ul.versions .name { color: var(--muted); }

.toolbar { display: flex; justify-content: flex-end; }
.code-toggle { font: inherit; font-size: 0.8rem; color: var(--text); background: #fff; border: 1px solid var(--border); border-radius: 6px; padding: 4px 12px; margin-top: 16px; cursor: pointer; }
.code-toggle:hover { background: var(--soft); }
.code-toggle[hidden] { display: none; }

nav.toc { margin: 20px 0 36px; padding: 14px 20px; border: 1px solid var(--border); border-radius: 8px; font-size: 0.92rem; }
nav.toc ol { list-style: none; margin: 0; padding-left: 1.2em; }
nav.toc > ol { padding-left: 0; }
nav.toc li { margin: 0.15em 0; }

.cell { margin: 0 0 1.2em; }
.markdown-cell > :first-child { margin-top: 0.8em; }
details.code { margin: 0.4em 0 0.6em; }
details.code > summary { display: inline-flex; gap: 0.6em; align-items: baseline; cursor: pointer; list-style: none; user-select: none; font-size: 0.78rem; color: var(--muted); padding: 1px 10px; border: 1px solid var(--border); border-radius: 999px; background: #fff; }
details.code > summary::-webkit-details-marker { display: none; }
details.code > summary::before { content: "\\25B8"; }
details.code[open] > summary::before { content: "\\25BE"; }
details.code > summary:hover { color: var(--text); background: var(--soft); }
details.code > pre { margin: 0.5em 0 0; }
.cell-number { opacity: 0.7; }
.injected-parameters details.code > summary { color: #8250df; border-color: #d8b9ff; }
.outputs > * { margin: 0 0 0.8em; }
pre.output-text, pre.stream { background: #fff; border: 0; border-left: 3px solid var(--border); border-radius: 0; padding: 4px 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.stream.stderr { border-left-color: #d4a72c; background: #fff8e5; }
.output-error { padding: 10px 14px; background: var(--red-soft); color: var(--red-text); border: 1px solid #ffcecb; border-radius: 6px; font-size: 0.92rem; }
.output-error strong { font-family: var(--mono); font-size: 0.92em; }
.output-error pre { background: transparent; border: 0; padding: 0; margin: 0.5em 0 0; color: var(--red-text); white-space: pre-wrap; }
.output-unknown, .missing-image { color: var(--muted); font-style: italic; }
.output-html, .output-markdown { overflow-x: auto; }
.output-image { overflow-x: auto; }
figure.chart { margin: 0 0 1em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.cell.failed { padding: 10px 16px 4px; border: 2px solid var(--red); border-radius: 8px; background: #fffafa; }
.failed-label { margin: 0 0 0.3em; color: var(--red); font-size: 0.78rem; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; }
.cell.not-run { opacity: 0.55; }
/* Fonts with an OpenType MATH table draw fractions, sums and accents properly; one ships with each OS. */
math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; }
.math-block { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; margin: 0 0 1em; }
math[display="block"] { font-size: 1.15em; }

.markdown-cell table, .outputs table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
.markdown-cell th, .markdown-cell td, .outputs th, .outputs td { border: 1px solid var(--border); padding: 5px 12px; text-align: left; vertical-align: top; }
.markdown-cell thead th, .outputs thead th { background: var(--soft); font-weight: 600; }
.markdown-cell tbody tr:nth-child(even), .outputs tbody tr:nth-child(even) { background: var(--zebra); }
.markdown-cell td.num, .outputs td.num { text-align: right; }
.outputs td.null { color: var(--muted); font-style: italic; }
.outputs caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 4px; }
.table-note { color: var(--muted); margin-top: -0.6em; }

footer.report-footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.8rem; }
${HIGHLIGHT}

@media print {
  body { font-size: 11pt; }
  .report { max-width: none; padding: 0; }
  .anchor, .toolbar, details.code:not([open]) { display: none; }
  a { color: inherit; }
  h1, h2, h3 { break-after: avoid; }
  pre, figure.chart, .output-image, tr, .failure-banner { break-inside: avoid; }
  .run-info, pre, .markdown-cell thead th, .outputs thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
