// The results a notebook recorded with `record(name, value)`, read back from its outputs,
// as scrapbook reads glued scraps: the last value recorded under a name wins.
import { SCRAP_MIME, type Scrap } from "../display/record";
import type { Notebook } from "./notebook";

export type Records = Record<string, unknown>;

export function collectRecords(nb: Notebook): Records {
  const records: Records = {};
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    for (const out of cell.outputs) {
      if (out.output_type !== "display_data") continue;
      const scrap = out.data[SCRAP_MIME] as Scrap | undefined;
      if (scrap && typeof scrap.name === "string") records[scrap.name] = scrap.data;
    }
  }
  return records;
}
