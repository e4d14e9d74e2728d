// A code cell's outputs as HTML. Each display carries several representations of the same
// thing; the richest one a static page can show wins (a chart over its text fallback).
import { CLAIM_MIME } from "../display/prose";
import { escapeHtml } from "../display/values";
import { coalesceStreams, type MimeBundle, type Output } from "../notebook/notebook";
import { chartTablesHtml } from "./chart-data";
import { chartIn, prefixIds, renderChart, type ChartLanguage, type RenderedChart } from "./charts";
import { parseMarkdown, renderMarkdown, isNumeric } from "./markdown";
import { sanitizeHtml } from "./sanitize";
import { scrollRegion, wrapTables } from "./scroll";
import { renderLatexOutput } from "./math";
import type { Slugger } from "./slug";
import { joinText, stripAnsi } from "./text";

export interface OutputContext {
  /** Headings in text/markdown outputs get ids too, unique among the report's. */
  slugger: Slugger;
  /** Every chart drawn so far; a chart's number is its position here, from 1. */
  charts: RenderedChart[];
}

/** Recorded results (scrapbook's `glue`) are data for NAME.json, not something to show. */
const SCRAP_MIME = /^application\/scrapbook\.scrap\./;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function errorBox(title: string, message: string, extraClass = ""): string {
  return `<div class="output-error${extraClass}" role="alert"><strong>${escapeHtml(title)}</strong> ${escapeHtml(message)}</div>`;
}

/**
 * A chart as a figure: the picture (light and dark drawings; the stylesheet shows the one for the
 * reader's scheme, the live view later takes their place) is one image named by its text
 * alternative, the drawings' own marks and labels hidden from screen readers; then its data
 * behind a toggle.
 */
async function chartHtml(data: unknown, language: ChartLanguage, ctx: OutputContext): Promise<string> {
  try {
    const chart = await renderChart(data, language);
    ctx.charts.push(chart);
    const n = ctx.charts.length;
    const note = chart.note ? `<figcaption class="chart-note">${escapeHtml(chart.note)}</figcaption>` : "";
    const drawings = chart.dark
      ? `<div class="chart-static chart-light" aria-hidden="true">${prefixIds(chart.svg, `chart${n}-`)}</div><div class="chart-static chart-dark" aria-hidden="true">${prefixIds(chart.dark.svg, `chart${n}-dark-`)}</div>`
      : `<div class="chart-static" aria-hidden="true">${prefixIds(chart.svg, `chart${n}-`)}</div>`;
    return [
      `<figure class="chart" data-chart="${n}">`,
      `<div class="chart-view" role="img" aria-label="${escapeHtml(chart.alt)}">${drawings}</div>`,
      chartTablesHtml(chart.tables, n),
      note,
      `</figure>`,
    ].join("");
  } catch (e) {
    // One bad chart should not cost the whole report: the rest is still worth reading.
    return errorBox("This chart could not be drawn:", (e as Error).message, " chart-error");
  }
}

function sizeAttributes(metadata: Record<string, unknown>, mime: string): string {
  const own = metadata[mime];
  if (own === null || typeof own !== "object") return "";
  const { width, height } = own as Record<string, unknown>;
  return (typeof width === "number" ? ` width="${width}"` : "") + (typeof height === "number" ? ` height="${height}"` : "");
}

function imageHtml(mime: string, value: unknown, bundle: MimeBundle, metadata: Record<string, unknown>): string {
  const base64 = (joinText(value) ?? "").replace(/\s+/g, "");
  if (base64 === "" || !BASE64.test(base64)) return errorBox("Image not shown:", `expected base64 ${mime} data`);
  const alt = joinText(bundle["text/plain"]) ?? "output image";
  return `<div class="output-image"><img src="data:${mime};base64,${base64}" alt="${escapeHtml(alt)}"${sizeAttributes(metadata, mime)}></div>`;
}

/** Tables from outputs (pandas-style `<td>1,234</td>`): a cell holding only a number is right-aligned. */
function alignNumbers(html: string): string {
  return html.replace(/<td>([^<]*)<\/td>/g, (cell, text: string) => (isNumeric(text) ? `<td class="num">${text}</td>` : cell));
}

async function bundleHtml(bundle: MimeBundle, metadata: Record<string, unknown>, ctx: OutputContext): Promise<string> {
  const mimes = Object.keys(bundle);
  if (mimes.some((m) => SCRAP_MIME.test(m))) return "";
  const chart = chartIn(bundle);
  if (chart) return chartHtml(chart.data, chart.language, ctx);
  const text = (mime: string) => joinText(bundle[mime]);

  const svg = text("image/svg+xml");
  if (svg !== undefined) return `<div class="output-image">${sanitizeHtml(svg.replace(/^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>\s*)?/i, ""), "output")}</div>`;
  for (const mime of ["image/png", "image/jpeg", "image/gif", "image/webp"]) {
    if (mime in bundle) return imageHtml(mime, bundle[mime], bundle, metadata);
  }
  const html = text("text/html");
  if (html !== undefined) {
    const clean = alignNumbers(sanitizeHtml(html, "output"));
    // The output's own box scrolls sideways; with a table in it, it is a region a keyboard can scroll.
    return clean.includes("<table") ? `<div class="output-html" ${scrollRegion("Table")}>${clean}</div>` : `<div class="output-html">${clean}</div>`;
  }
  const markdown = text("text/markdown");
  const holds = (bundle[CLAIM_MIME] as { holds?: unknown } | undefined)?.holds;
  const marked = holds === false ? " claim-false" : holds === null ? " claim-unchecked" : "";
  if (markdown !== undefined) return `<div class="output-markdown${marked}">${wrapTables(renderMarkdown(parseMarkdown(markdown, ctx.slugger)))}</div>`;
  const latex = text("text/latex");
  if (latex !== undefined) return `<div class="output-latex">${renderLatexOutput(latex)}</div>`;
  const plain = text("text/plain");
  if (plain !== undefined) return `<pre class="output-text">${escapeHtml(stripAnsi(plain))}</pre>`;
  return mimes.length === 0 ? "" : `<p class="output-unknown">(an output of type ${escapeHtml(mimes.join(", "))} is not shown in reports)</p>`;
}

function errorHtml(ename: string, evalue: string, traceback: readonly string[]): string {
  const title = `${ename}: ${evalue}`;
  let trace = stripAnsi(traceback.join("\n")).trim();
  // Kernels often repeat the error line as the traceback's first line.
  if (trace.startsWith(title)) trace = trace.slice(title.length).replace(/^\n+/, "");
  return `<div class="output-error" role="alert"><strong>${escapeHtml(title)}</strong>${trace ? `<pre>${escapeHtml(trace)}</pre>` : ""}</div>`;
}

export async function renderOutputs(outputs: readonly Output[], ctx: OutputContext): Promise<string> {
  const parts: string[] = [];
  for (const out of coalesceStreams(outputs)) {
    if (out.output_type === "stream") {
      const stream = out.name === "stderr" ? "stderr" : "stdout";
      parts.push(`<pre class="stream ${stream}">${escapeHtml(stripAnsi(joinText(out.text) ?? ""))}</pre>`);
    } else if (out.output_type === "error") {
      parts.push(errorHtml(out.ename, out.evalue, out.traceback ?? []));
    } else if (out.output_type === "display_data" || out.output_type === "execute_result") {
      parts.push(await bundleHtml(out.data ?? {}, out.metadata ?? {}, ctx));
    }
  }
  return parts.filter((p) => p !== "").join("\n");
}
