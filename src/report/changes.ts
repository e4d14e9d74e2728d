// The report's "What changed since the last run" section: each recorded result that moved, with
// before → after, so a reader of a refreshed report sees what the refresh did.
import { escapeHtml } from "../display/values";
import { percent, RELATIVE_TOLERANCE, where, type Change } from "../notebook/changes";
import { scrollRegion } from "./scroll";
import { formatUtc, formatValue } from "./units";

/** The changes, and when the run they are measured from started (undefined: there was none). */
export interface ChangesSince {
  since?: Date;
  changes: Change[];
  /** Where the full list is written, e.g. "demo.changes.json". */
  file: string;
}

/** Rows shown before the rest fold away: a refresh can move every row of a long table. */
const SHOWN = 30;

function value(v: unknown): string {
  if (v === undefined) return "";
  const text = formatValue(v);
  return `<code>${escapeHtml(text.length > 120 ? `${text.slice(0, 119)}…` : text)}</code>`;
}

function row(c: Change): string {
  const move = c.relative !== undefined ? percent(c.relative) : c.kind === "changed" ? "" : c.kind;
  return `<tr><td><code>${escapeHtml(where(c))}</code></td><td>${value(c.before)}</td><td>${value(c.after)}</td><td class="num">${escapeHtml(move)}</td></tr>`;
}

export function renderChanges(report: ChangesSince | undefined): string {
  if (report === undefined) return "";
  const heading = `<h2 id="what-changed">What changed since the last run</h2>`;
  if (report.since === undefined) return `<section class="changes">${heading}<p class="none">No earlier run to compare with: this is the first report of this notebook here.</p></section>`;
  const since = `the run of ${formatUtc(report.since)}`;
  const { changes } = report;
  if (changes.length === 0) {
    return `<section class="changes">${heading}<p>Nothing changed: every recorded result is the same as in ${escapeHtml(since)} (numbers within a relative ${RELATIVE_TOLERANCE}).</p></section>`;
  }
  const names = new Set(changes.map((c) => c.name)).size;
  const head = `<thead><tr><th scope="col">result</th><th scope="col">before</th><th scope="col">after</th><th scope="col" class="num">change</th></tr></thead>`;
  const table = (rows: readonly Change[], label: string) => `<div class="table-scroll" ${scrollRegion(label)}><table>${head}<tbody>${rows.map(row).join("")}</tbody></table></div>`;
  const shown = table(changes.slice(0, SHOWN), "Changes");
  const rest = changes.length > SHOWN ? `<details><summary>${changes.length - SHOWN} more changes</summary>${table(changes.slice(SHOWN), "More changes")}</details>` : "";
  return [
    `<section class="changes">${heading}`,
    `<p>${changes.length} change${changes.length === 1 ? "" : "s"} in ${names} recorded result${names === 1 ? "" : "s"} since ${escapeHtml(since)}; numbers that moved by less than a relative ${RELATIVE_TOLERANCE} count as unchanged. The full list is in <code>${escapeHtml(report.file)}</code> beside this report.</p>`,
    shown + rest,
    `</section>`,
  ].join("\n");
}
