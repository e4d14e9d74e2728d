// One look for every chart: the report's font, a colour-blind-safe palette (Tableau 10),
// light grid lines, and a width that fits the report's column.
// Checked against vega-lite's Config; its public type is the literal one, so that importing
// the theme does not pull vega-lite's declarations into every notebook cell.
import type { Config } from "vega-lite";

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

export const theme = {
  font: FONT,
  background: "white",
  padding: 8,
  view: { continuousWidth: 560, continuousHeight: 300, stroke: null },
  range: { category: PALETTE },
  mark: { color: PALETTE[0] },
  title: { fontSize: 15, fontWeight: 600, anchor: "start", color: "#222", offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500, titleColor: "#444", labelColor: "#555", gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500 },
  header: { labelFontSize: 12, titleFontSize: 13 },
} satisfies Config;

/**
 * The same look for a dark page: only colours change, those of the frame (background, titles, axes,
 * legends) and of the marks drawn black by default; the palette stays, its colours stand out on both. Text
 * colours keep a contrast of at least 4.5:1 on the background, grid lines stay faint.
 */
export const darkTheme = {
  background: "#0d1117",
  title: { color: "#e6edf3", subtitleColor: "#b1bac4" },
  axis: { titleColor: "#c9d1d9", labelColor: "#b1bac4", gridColor: "#2a313c", domainColor: "#768390", tickColor: "#768390" },
  legend: { titleColor: "#c9d1d9", labelColor: "#b1bac4" },
  header: { titleColor: "#c9d1d9", labelColor: "#b1bac4" },
  // Marks Vega-Lite draws black unless told: text, and a box plot's whiskers.
  text: { color: "#e6edf3" },
  boxplot: { rule: { color: "#b1bac4" } },
} satisfies Config;
