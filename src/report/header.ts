// The top of the report: how it was made (when, how long, with which parameters, inputs,
// versions and commit), and, when the run failed, a banner saying where.
import { escapeHtml } from "../display/values";
import { formatBytes, formatDuration, formatSize, formatUtc, formatValue } from "./units";
import type { InputFile } from "../notebook/input-file";
import type { ChangesSince } from "./changes";
import { scrollRegion } from "./scroll";
import { cellAnchor } from "./slug";

export interface ReportInfo {
  /** As the user gave it, e.g. "notebooks/demo.ipynb". */
  notebookPath: string;
  started: Date;
  durationMs: number;
  /** Name → value actually used (defaults and injected). */
  parameters: Record<string, unknown>;
  inputs: InputFile[];
  /** e.g. {node: "v20.20.2", tslab: "1.0.22", "nodejs-polars": "0.25.2", vega: ..., "vega-lite": ...} */
  versions: Record<string, string>;
  /** Short hash, maybe with "-dirty". */
  gitCommit?: string;
  /** cellIndex: 0-based index into nb.cells of the failed cell; message: the error's first line. */
  failure?: { cellIndex: number; message: string };
  /** The recorded results that moved since the last run (undefined: not compared, e.g. a failed run). */
  changes?: ChangesSince;
  /** Cells whose outputs may be incomplete (kernel messages lost), each with why. */
  incomplete?: { cellIndex: number; message: string }[];
  /** How the run's reads were seen (engine/track/), and what bytes cannot judge. */
  tracking?: {
    mode: "preload" | "node" | "none";
    /** What the run reached outside its files: "the network", "a program". */
    outside: string[];
    /** Inputs rewritten while the run read them. */
    changedDuringRun: string[];
    /** The environment variables the run read: name → hash of the value, null when unset. */
    env: Record<string, string | null>;
  };
}

const TRACKING: Record<NonNullable<ReportInfo["tracking"]>["mode"], string> = {
  preload: "every file the kernel opened, from any code (native readers included)",
  node: "the files opened through Node's fs and the nodejs-polars and better-sqlite3 readers (the preload library could not load here: other native reads are not seen)",
  none: "nothing: what the run read was not tracked, so this report is never taken as up to date",
};

function trackingNote(tracking: ReportInfo["tracking"]): string {
  if (tracking === undefined) return "";
  const parts = [`<p class="tracking">Tracked: ${escapeHtml(TRACKING[tracking.mode])}.`];
  const set = Object.keys(tracking.env).filter((n) => tracking.env[n] !== null);
  const unset = Object.keys(tracking.env).length - set.length;
  if (set.length > 0) parts.push(` Environment variables read: ${set.map((n) => `<code>${escapeHtml(n)}</code>`).join(", ")}.`);
  if (unset > 0) parts.push(` ${set.length > 0 ? "And" : "Environment variables read"}: ${unset} that ${unset === 1 ? "was" : "were"} not set (their setting would run the report again; <code>--explain</code> lists them).`);
  parts.push(`</p>`);
  if (tracking.outside.length > 0) {
    parts.push(`<p class="tracking-warning" role="note">The run reached ${escapeHtml(tracking.outside.join(" and "))}: its bytes cannot tell whether this report is up to date, so it runs again every time.</p>`);
  }
  for (const path of tracking.changedDuringRun) {
    parts.push(`<p class="tracking-warning" role="alert">⚠ <code>${escapeHtml(path)}</code> changed while the run read it: the results are from the bytes it read, and this report is not up to date.</p>`);
  }
  return parts.join("");
}

/** Enough of a SHA-256 to tell files apart at a glance; the full hash is in the tooltip. */
const SHORT_HASH = 12;

export function renderFailureBanner(failure: NonNullable<ReportInfo["failure"]>, cellExists: boolean): string {
  const n = failure.cellIndex + 1;
  const where = cellExists ? `<a href="#${cellAnchor(failure.cellIndex)}">cell ${n}</a>` : `cell ${n}`;
  return `<div class="failure-banner" role="alert"><strong>This run FAILED at ${where}:</strong> <span class="failure-message">${escapeHtml(failure.message)}</span><br><small>Cells after it did not run; their outputs are missing.</small></div>`;
}

/**
 * The statements of the notebook that its data no longer support (claim() found them false), and
 * apart from them those it could not check (the data they need are missing: not a pass).
 */
export function renderClaimsBanner(untrue: readonly { text: string }[], unchecked: readonly { text: string }[] = []): string {
  const items = (list: readonly { text: string }[]) => list.map((c) => `<li>${escapeHtml(c.text)}</li>`).join("");
  const n = untrue.length;
  const m = unchecked.length;
  return [
    n === 0 ? "" : `<div class="claims-banner" role="alert"><strong>⚠ ${n} statement${n === 1 ? "" : "s"} in this report ${n === 1 ? "does" : "do"} not hold for the data it read</strong> (marked where ${n === 1 ? "it stands" : "they stand"}):<ul>${items(untrue)}</ul></div>`,
    m === 0 ? "" : `<div class="claims-banner claims-unchecked" role="note"><strong>${m} statement${m === 1 ? " was" : "s were"} not checked on this data</strong> (what ${m === 1 ? "it needs is" : "they need is"} missing):<ul>${items(unchecked)}</ul></div>`,
  ].join("");
}

/** Cells whose outputs may be incomplete: the kernel's messages for them were lost. */
export function renderIncompleteBanner(cells: NonNullable<ReportInfo["incomplete"]>, exists: (cellIndex: number) => boolean): string {
  const items = cells.map((c) => {
    const n = c.cellIndex + 1;
    const where = exists(c.cellIndex) ? `<a href="#${cellAnchor(c.cellIndex)}">cell ${n}</a>` : `cell ${n}`;
    return `<li>${where}: ${escapeHtml(c.message)}</li>`;
  });
  return `<div class="failure-banner incomplete-banner" role="alert"><strong>Output incomplete in ${cells.length} cell${cells.length === 1 ? "" : "s"}:</strong><ul>${items.join("")}</ul></div>`;
}

function parametersTable(parameters: Record<string, unknown>): string {
  const rows = Object.entries(parameters).map(([name, value]) => `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td><code>${escapeHtml(formatValue(value))}</code></td></tr>`);
  return rows.length === 0 ? `<p class="none">none</p>` : `<table>${rows.join("")}</table>`;
}

function inputsTable(inputs: ReportInfo["inputs"]): string {
  if (inputs.length === 0) return `<p class="none">none recorded</p>`;
  const rows = inputs.map(
    (f) =>
      `<tr><td><code>${escapeHtml(f.path)}</code></td>` +
      `<td class="num" title="${escapeHtml(formatBytes(f.bytes))}">${escapeHtml(formatSize(f.bytes))} <span class="bytes">(${escapeHtml(formatBytes(f.bytes))})</span></td>` +
      ("sha256" in f
        ? `<td><code class="hash" title="sha256 ${escapeHtml(f.sha256)}">${escapeHtml(f.sha256.slice(0, SHORT_HASH))}…</code></td></tr>`
        : `<td class="changed-during-run">changed while the run read it: no hash of bytes it saw</td></tr>`),
  );
  return `<div class="table-scroll" ${scrollRegion("Input files")}><table><thead><tr><th scope="col">path</th><th scope="col" class="num">size</th><th scope="col">sha256</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function versionsList(versions: Record<string, string>): string {
  const items = Object.entries(versions).map(([name, v]) => `<li><span class="name">${escapeHtml(name)}</span> <code>${escapeHtml(v)}</code></li>`);
  return items.length === 0 ? `<p class="none">none recorded</p>` : `<ul class="versions">${items.join("")}</ul>`;
}

function time(d: Date): string {
  return Number.isNaN(d.getTime()) ? formatUtc(d) : `<time datetime="${d.toISOString()}">${formatUtc(d)}</time>`;
}

export function renderHeader(title: string, titleId: string, info: ReportInfo): string {
  const commit = info.gitCommit ? ` · commit <code>${escapeHtml(info.gitCommit)}</code>` : "";
  return [
    `<header class="report-header">`,
    `<h1 id="${escapeHtml(titleId)}">${escapeHtml(title)}</h1>`,
    `<p class="run-summary"><code>${escapeHtml(info.notebookPath)}</code> · ran ${time(info.started)} · took ${formatDuration(info.durationMs)}${commit}</p>`,
    `<div class="run-info">`,
    `<section><h2>Parameters</h2>${parametersTable(info.parameters)}</section>`,
    `<section><h2>Versions</h2>${versionsList(info.versions)}</section>`,
    `<section class="wide"><h2>Input files</h2>${inputsTable(info.inputs)}${trackingNote(info.tracking)}</section>`,
    `</div>`,
    `</header>`,
  ].join("\n");
}
