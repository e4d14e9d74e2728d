// Small notebooks and run descriptions for the report tests.
import type { Cell, Notebook, Output } from "../../src/notebook/notebook";
import type { ReportInfo } from "../../src/report";

export const VEGALITE = "application/vnd.vegalite.v5+json";

/** A 1×1 PNG, base64. */
export const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** Three bars with known heights: on a 0–5 axis 200 px tall, 3 → 120 px, 5 → 200 px, 2 → 80 px. */
export function barSpec(title = "Three bars"): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    data: { values: [{ a: "A", b: 3 }, { a: "B", b: 5 }, { a: "C", b: 2 }] },
    mark: { type: "bar", tooltip: true },
    encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
  };
}

export function md(source: string, extra: Partial<Cell> = {}): Cell {
  return { cell_type: "markdown", source, metadata: {}, ...extra } as Cell;
}

export function code(source: string, outputs: Output[] = [], tags?: string[]): Cell {
  return { cell_type: "code", source, metadata: tags ? { tags } : {}, outputs, execution_count: 1 };
}

export function display(data: Record<string, unknown>): Output {
  return { output_type: "display_data", data, metadata: {} };
}

export function notebook(cells: Cell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

export function info(extra: Partial<ReportInfo> = {}): ReportInfo {
  return {
    notebookPath: "notebooks/demo.ipynb",
    started: new Date("2024-05-20T14:03:07.123Z"),
    durationMs: 3210,
    parameters: { topN: 5, dataPath: "../data/demo/visits.csv" },
    inputs: [{ path: "data/demo/visits.csv", bytes: 1234, sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }],
    versions: { node: "v20.20.2", tslab: "1.0.22" },
    ...extra,
  };
}

/** The `<path>`s of the first rect mark group in an SVG vega drew: one per bar. */
export function barPaths(svg: string): string[] {
  const group = /<g class="mark-rect[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? "";
  return group.match(/<path [^>]*>/g) ?? [];
}
