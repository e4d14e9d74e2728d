import type { DataFrame } from "nodejs-polars";
import { emit } from "./emit";
import { tableHtml, tableText, type TableOptions } from "./table";

/** Shows a table (a polars DataFrame) as an HTML table, with a plain-text fallback for consoles and diffs. */
export function show(frame: DataFrame, options: TableOptions = {}): void {
  emit({ "text/html": tableHtml(frame, options), "text/plain": tableText(frame, options) });
}
