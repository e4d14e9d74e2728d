import { emit } from "./emit";
import { tableHtml, tableText, type Table, type TableOptions } from "./table";

/** Shows a table (a polars DataFrame) as an HTML table, with a plain-text fallback for consoles and diffs. */
export function show(frame: Table, options: TableOptions = {}): void {
  emit({ "text/html": tableHtml(frame, options), "text/plain": tableText(frame, options) });
}
