// chart(spec): shows a Vega-Lite spec. JupyterLab renders the MIME type as a live chart;
// the report exporter renders the same spec to SVG with vega.
import type { TopLevelSpec } from "./vega-lite-spec";
import { emit } from "./emit";
import { theme } from "./theme";

export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

/**
 * A Vega-Lite v5 spec: Vega-Lite's own type, so a notebook cell gets completion for it and a
 * wrong mark or channel is a compile error in that cell.
 */
export type ChartSpec = TopLevelSpec;

/** The spec with the house theme under its own `config` (the spec's settings win). */
export function themed(spec: ChartSpec): ChartSpec {
  const own: Record<string, unknown> = { ...spec.config };
  const config: Record<string, unknown> = { ...theme };
  for (const [key, value] of Object.entries(own)) {
    const base = config[key];
    const bothObjects = typeof base === "object" && base !== null && !Array.isArray(base) && typeof value === "object" && value !== null && !Array.isArray(value);
    config[key] = bothObjects ? { ...base, ...value } : value;
  }
  return { ...spec, config };
}

function titleOf(spec: ChartSpec): string {
  const t = spec.title;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.join(" ");
  if (t && typeof t === "object" && "text" in t) return Array.isArray(t.text) ? t.text.join(" ") : String(t.text);
  return spec.description ?? "untitled";
}

export function chart(spec: ChartSpec): void {
  emit({
    [VEGALITE_MIME]: themed(spec),
    "text/plain": `<Vega-Lite chart: ${titleOf(spec)}>`,
  });
}
