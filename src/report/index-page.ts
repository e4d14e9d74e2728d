// reports/index.html, the front page: every report in the folder with its title, parameters, last
// run and how long it took, whether it is up to date (and why not), the claims that do not hold,
// how many results changed at its last run, and links to it, its failed page and its comparison.
import { escapeHtml } from "../display/values";
import { hrefTo, renderOverviewPage } from "./overview-page";
import { scrollRegion } from "./scroll";
import { formatDuration, formatUtc, formatValue } from "./units";

export type IndexStatus =
  | { state: "up to date" }
  | { state: "stale"; why: string }
  /** The last run failed: its page (NAME.failed.html) and, if known, the first line of why. */
  | { state: "failed"; page: string; message?: string }
  | { state: "none" }
  /** A report found in the folder that no notebook or manifest entry makes now. */
  | { state: "not listed" };

export interface IndexEntry {
  name: string;
  notebook?: string;
  title?: string;
  parameters?: Record<string, unknown>;
  /** When its last good run started. */
  started?: string;
  durationMs?: number;
  status: IndexStatus;
  /** Whether NAME.html is there to link to. */
  report: boolean;
  /** Claims of the last good run that do not hold, and how many could not be checked. */
  untrue: string[];
  unchecked: number;
  /** What its last good run changed since the one before (NAME.changes.json): how many changes in how many results. */
  changes?: { count: number; results: number };
  /** The comparison page it is on. */
  set?: string;
}

export interface IndexPage {
  entries: IndexEntry[];
  sets: { name: string; notebook: string; runs: string[] }[];
}

function statusCell(s: IndexStatus): string {
  switch (s.state) {
    case "up to date":
      return `<td class="status-ok">up to date</td>`;
    case "stale":
      return `<td class="status-stale">not up to date: ${escapeHtml(s.why)}</td>`;
    case "failed":
      return `<td class="status-failed">the last run failed${s.message ? `: ${escapeHtml(s.message)}` : ""} (<a href="${hrefTo(s.page)}">its page</a>)</td>`;
    case "none":
      return `<td class="status-stale">no report yet</td>`;
    case "not listed":
      return `<td class="missing">no notebook or manifest entry makes it now</td>`;
  }
}

function row(e: IndexEntry): string {
  const name = e.report ? `<a href="${hrefTo(`${e.name}.html`)}">${escapeHtml(e.name)}</a>` : escapeHtml(e.name);
  const title = e.title ? `<span class="title">${escapeHtml(e.title)}</span>` : "";
  const params = Object.entries(e.parameters ?? {});
  const parameters = e.parameters === undefined ? `<span class="missing">unknown</span>` : params.length === 0 ? `<span class="missing">defaults</span>` : params.map(([k, v]) => `<code>${escapeHtml(k)} = ${escapeHtml(formatValue(v))}</code>`).join("<br>");
  const claims =
    e.untrue.length > 0
      ? `<details><summary>${e.untrue.length} do${e.untrue.length === 1 ? "es" : ""} not hold</summary><ul class="plain">${e.untrue.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul></details>`
      : e.report
        ? `<span class="missing">none</span>`
        : "";
  const unchecked = e.unchecked > 0 ? `<span class="delta">${e.unchecked} not checked</span>` : "";
  const changes = e.changes === undefined ? "" : e.changes.count === 0 ? "none" : `${e.changes.count} in ${e.changes.results} result${e.changes.results === 1 ? "" : "s"}`;
  return [
    `<tr>`,
    `<th scope="row">${name}${title}</th>`,
    `<td>${parameters}</td>`,
    `<td>${e.started ? escapeHtml(formatUtc(new Date(e.started))) : `<span class="missing">never</span>`}</td>`,
    `<td class="num">${e.durationMs !== undefined ? escapeHtml(formatDuration(e.durationMs)) : ""}</td>`,
    statusCell(e.status),
    `<td${e.untrue.length > 0 ? ` class="holds-false"` : ""}>${claims}${unchecked}</td>`,
    `<td>${changes}</td>`,
    `<td>${e.set ? `<a href="${hrefTo(`${e.set}.compare.html`)}">${escapeHtml(e.set)}</a>` : ""}</td>`,
    `</tr>`,
  ].join("");
}

export function renderIndexPage(p: IndexPage): string {
  const stale = p.entries.filter((e) => e.status.state !== "up to date" && e.status.state !== "not listed").length;
  const untrue = p.entries.filter((e) => e.untrue.length > 0).length;
  const starts = p.entries.flatMap((e) => (e.started ? [Date.parse(e.started)] : []));
  const latest = starts.length > 0 ? new Date(Math.max(...starts)) : undefined;
  const summary = [`${p.entries.length} report${p.entries.length === 1 ? "" : "s"}`, stale > 0 ? `${stale} not up to date` : "all up to date", ...(untrue > 0 ? [`${untrue} with claims that do not hold`] : [])].join(", ");
  const head = ["report", "parameters", "last run", "took", "up to date?", "claims that do not hold", "changed at the last run", "comparison"].map((h) => `<th scope="col">${h}</th>`).join("");
  const sets =
    p.sets.length === 0
      ? ""
      : [
          `<section><h2 id="comparisons">Comparisons</h2><ul>`,
          ...p.sets.map((s) => `<li><a href="${hrefTo(`${s.name}.compare.html`)}">${escapeHtml(s.name)}</a>: ${s.runs.length} runs of <code>${escapeHtml(s.notebook)}</code> side by side (${s.runs.map(escapeHtml).join(", ")})</li>`),
          `</ul></section>`,
        ].join("\n");
  const body = [
    `<header class="report-header"><h1>Reports</h1>`,
    // No time of writing: the page is the same bytes until a report or its state changes (it is committed with them).
    `<p class="run-summary">${escapeHtml(summary)}${latest ? `; the latest run ${escapeHtml(formatUtc(latest))}` : ""}. Written by <code>npm run reports</code> after every run.</p></header>`,
    `<section><h2 id="reports">Every report</h2>`,
    `<div class="table-scroll" ${scrollRegion("Reports")}><table><thead><tr>${head}</tr></thead><tbody>${p.entries.map(row).join("")}</tbody></table></div>`,
    `</section>`,
    sets,
  ].join("\n");
  return renderOverviewPage("Reports", body);
}
