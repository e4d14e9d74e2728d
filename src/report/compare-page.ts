// NAME.compare.html: a set's runs side by side (compare.ts), readable with JavaScript off. Each
// number has a small line chart across the runs (inline SVG, named by its values for a screen
// reader); tables show their rows matched by key, the runs' values beside each other.
import { escapeHtml, formatFloat } from "../display/values";
import { percent } from "../notebook/changes";
import { cellDiffers, type Comparison, type Holds, type TableComparison } from "./compare";
import { hrefTo, renderOverviewPage } from "./overview-page";
import { scrollRegion } from "./scroll";
import { formatUtc, formatValue } from "./units";

/** Table rows (per table result) shown on the page; every row is in NAME.compare.json. */
const SHOWN_ROWS = 60;

function text(v: unknown): string {
  if (typeof v === "number") return formatFloat(v);
  if (typeof v === "string") return v;
  const t = formatValue(v);
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
}

function signed(d: number): string {
  return d === 0 ? "±0" : `${d > 0 ? "+" : "−"}${formatFloat(Math.abs(d))}`;
}

/** A line through each run's value, in the runs' order; its text alternative lists them. */
export function sparkline(label: string, names: readonly string[], values: readonly (number | null)[]): string {
  const w = 120;
  const h = 32;
  const pad = 4;
  const present = values.filter((v): v is number => v !== null);
  const alt = `${label} across the runs: ${names.map((n, i) => `${n} ${values[i] === null ? "none" : formatFloat(values[i] as number)}`).join("; ")}`;
  if (present.length === 0) return "";
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const x = (i: number) => (values.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (hi === lo ? h / 2 : h - pad - ((v - lo) * (h - 2 * pad)) / (hi - lo));
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 1) segments.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length > 1) segments.push(current.join(" "));
  const dots = values.flatMap((v, i) => (v === null ? [] : [`<circle class="dot" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5"/>`]));
  return [
    `<svg class="spark" role="img" aria-label="${escapeHtml(alt)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeHtml(alt)}</title>`,
    `<line class="base" x1="0" y1="${h - 1}" x2="${w}" y2="${h - 1}"/>`,
    ...segments.map((pts) => `<polyline class="line" points="${pts}"/>`),
    ...dots,
    `</svg>`,
  ].join("");
}

function runHeads(c: Comparison): string {
  return c.runs.map((r) => `<th scope="col">${escapeHtml(r.name)}</th>`).join("");
}

function numbersSection(c: Comparison): string {
  if (c.numbers.length === 0) return "";
  const first = c.runs[0]?.name ?? "";
  const rows = c.numbers.map((n) => {
    const cells = n.values.map((v, i) => {
      if (v === null) return `<td class="num missing">${c.runs[i]?.report ? "none" : "no report"}</td>`;
      const d = n.differences[i] ?? null;
      if (i === 0 || d === null) return `<td class="num">${escapeHtml(formatFloat(v))}</td>`;
      const rel = n.relative[i];
      const delta = d === 0 ? "same" : `${signed(d)}${rel !== null && rel !== undefined ? ` (${percent(rel)})` : ""}`;
      return `<td class="num${d === 0 ? "" : " differs"}">${escapeHtml(formatFloat(v))}<span class="delta">${escapeHtml(delta)}</span></td>`;
    });
    return `<tr><th scope="row"><code>${escapeHtml(n.result)}</code></th>${cells.join("")}<td>${sparkline(n.result, c.line.map((i) => c.runs[i]?.name ?? ""), c.line.map((i) => n.values[i] ?? null))}</td></tr>`;
  });
  return [
    `<section><h2 id="numbers">Numbers</h2>`,
    `<p class="lede">One row per recorded number, one column per run; under each value its difference to the first run, ${escapeHtml(first)} (numbers within a relative 1e-9 count as the same). ${c.line.length < c.runs.length ? `The chart draws the grid's runs, ${escapeHtml(c.line.map((i) => c.runs[i]?.name ?? "").join(", "))}, in its order.` : "The chart draws the runs in this order."}</p>`,
    `<div class="table-scroll" ${scrollRegion("Numbers")}><table><thead><tr><th scope="col">result</th>${runHeads(c)}<th scope="col">across the runs</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
    `</section>`,
  ].join("\n");
}

function tableBlock(c: Comparison, t: TableComparison): string {
  const keyCols = t.key ?? [];
  const valueCols = t.columns.filter((col) => !keyCols.includes(col));
  // Runs without a report have no rows at all: a row missing there is not news.
  const withReport = c.runs.map((r) => r.report);
  const onlySome = t.rows.filter((r) => r.cells.some((cell, i) => cell === null && withReport[i])).length;
  const how = t.key ? `Rows matched by ${t.key.map((k) => `<code>${escapeHtml(k)}</code>`).join(", ")}` : "Rows matched by position (no column names each row)";
  const note = `${how}; ${t.rows.length} row${t.rows.length === 1 ? "" : "s"} in all${onlySome > 0 ? `, ${onlySome} not in every run` : ""}${t.rows.length > SHOWN_ROWS ? `; the first ${SHOWN_ROWS} are shown, all are in the comparison's JSON` : ""}.`;
  const groups = t.rows.slice(0, SHOWN_ROWS).map((r) => {
    const keyText = Object.entries(r.key).map(([k, v]) => `${k} = ${text(v)}`).join(", ");
    const lines = valueCols.map((col, j) => {
      const base = r.cells[0]?.[col];
      const cells = r.cells.map((row, i) => {
        if (row === null) return `<td class="missing">${withReport[i] ? "no row" : "no report"}</td>`;
        const v = row[col];
        const num = typeof v === "number" ? " num" : "";
        const differs = i > 0 && r.cells[0] !== null && cellDiffers(v, base) ? " differs" : "";
        return `<td class="${(num + differs).trim()}">${escapeHtml(v === undefined ? "" : text(v))}</td>`;
      });
      const head = j === 0 ? `<th scope="rowgroup" rowspan="${valueCols.length}">${escapeHtml(keyText)}</th>` : "";
      return `<tr>${head}<th scope="row"><code>${escapeHtml(col)}</code></th>${cells.join("")}</tr>`;
    });
    return `<tbody>${lines.join("")}</tbody>`;
  });
  return [
    `<h3 id="table-${escapeHtml(t.result.replace(/[^A-Za-z0-9_-]/g, "-"))}"><code>${escapeHtml(t.result)}</code></h3>`,
    `<p class="lede">${note}</p>`,
    valueCols.length === 0
      ? ""
      : `<div class="table-scroll" ${scrollRegion(`Table ${t.result}`)}><table><thead><tr><th scope="col">${escapeHtml(keyCols.join(", ") || "row")}</th><th scope="col">column</th>${runHeads(c)}</tr></thead>${groups.join("")}</table></div>`,
  ].join("\n");
}

function tablesSection(c: Comparison): string {
  if (c.tables.length === 0) return "";
  return [`<section><h2 id="tables">Tables</h2>`, `<p class="lede">Each recorded table, its rows matched across the runs by their key columns; a value that differs from the first run's is marked.</p>`, ...c.tables.map((t) => tableBlock(c, t)), `</section>`].join("\n");
}

function valuesSection(c: Comparison): string {
  if (c.values.length === 0) return "";
  const rows = c.values.map((v) => {
    const cells = v.values.map((x, i) => `<td class="${i > 0 && c.runs[i]?.report && cellDiffers(x, v.values[0]) ? "differs" : ""}">${x === null ? `<span class="missing">${c.runs[i]?.report ? "none" : "no report"}</span>` : `<code>${escapeHtml(text(x))}</code>`}</td>`);
    return `<tr><th scope="row"><code>${escapeHtml(v.result)}</code></th>${cells.join("")}</tr>`;
  });
  return [`<section><h2 id="values">Other results</h2>`, `<div class="table-scroll" ${scrollRegion("Other results")}><table><thead><tr><th scope="col">result</th>${runHeads(c)}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`, `</section>`].join("\n");
}

const HOLDS: Record<string, string> = { true: "holds", false: "does not hold", null: "not checked", absent: "not made" };

function claimsSection(c: Comparison): string {
  if (c.claims.length === 0) return "";
  const rows = c.claims.map((claim) => {
    const cells = claim.holds.map((h: Holds, i) => `<td class="${h === false ? "holds-false" : h === true ? "" : "missing"}">${c.runs[i]?.report ? HOLDS[String(h)] : "no report"}</td>`);
    return `<tr><th scope="row" class="claim">${escapeHtml(claim.text)}</th>${cells.join("")}</tr>`;
  });
  return [
    `<section><h2 id="claims">Claims</h2>`,
    `<p class="lede">What each run's notebook states about its data, and whether it holds for that run's data.</p>`,
    `<div class="table-scroll" ${scrollRegion("Claims")}><table><thead><tr><th scope="col">claim</th>${runHeads(c)}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
    `</section>`,
  ].join("\n");
}

function runsSection(c: Comparison): string {
  const rows = c.runs.map((r) => {
    const params = Object.entries(r.parameters);
    const shown = params.length === 0 ? `<span class="missing">the notebook's defaults</span>` : params.map(([k, v]) => `<code>${escapeHtml(k)} = ${escapeHtml(formatValue(v))}</code>`).join("<br>");
    const link = r.report ? `<a href="${hrefTo(`${r.name}.html`)}">${escapeHtml(r.name)}</a>` : `${escapeHtml(r.name)} <span class="missing">(no report yet)</span>`;
    return `<tr><th scope="row">${link}</th><td>${shown}</td><td>${r.started ? escapeHtml(formatUtc(new Date(r.started))) : `<span class="missing">never</span>`}</td></tr>`;
  });
  return [`<section><h2 id="runs">Runs</h2>`, `<div class="table-scroll" ${scrollRegion("Runs")}><table><thead><tr><th scope="col">run</th><th scope="col">parameters</th><th scope="col">last run</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`, `</section>`].join("\n");
}

export function renderComparePage(c: Comparison, title?: string): string {
  const heading = `${c.set}: ${c.runs.length} runs compared`;
  const body = [
    `<header class="report-header"><h1>${escapeHtml(heading)}</h1>`,
    `<p class="run-summary">${title ? `${escapeHtml(title)}: ` : ""}${c.runs.length} runs of <code>${escapeHtml(c.notebook)}</code> side by side, from the results each one recorded. <a href="index.html">All reports</a> · <a href="${hrefTo(`${c.set}.compare.json`)}">this comparison as JSON</a></p></header>`,
    runsSection(c),
    numbersSection(c),
    tablesSection(c),
    valuesSection(c),
    claimsSection(c),
  ].join("\n");
  return renderOverviewPage(`${c.set}: runs compared`, body);
}
