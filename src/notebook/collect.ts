// The results a notebook recorded with `record(name, value)`, read back from its outputs,
// as scrapbook reads glued scraps: the last value recorded under a name wins.
import { CLAIM_MIME, type Claim } from "../display/prose";
import { SCRAP_MIME, type Scrap } from "../display/record";
import type { Notebook, Output } from "./notebook";
import { isObject } from "../json";

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
  const claims = collectClaims(nb.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : [])));
  if (claims.length > 0) records["claims"] = claims;
  return records;
}

/** The statements claim() displayed among these outputs, in order. */
export function collectClaims(outputs: readonly Output[]): Claim[] {
  return outputs.flatMap((out) => {
    const c = out.output_type === "display_data" ? (out.data[CLAIM_MIME] as Claim | undefined) : undefined;
    return c && typeof c.text === "string" && (typeof c.holds === "boolean" || c.holds === null) ? [{ text: c.text, holds: c.holds }] : [];
  });
}

/**
 * The statements of recorded results' claims (`records.claims`, as collectRecords keeps them)
 * whose check gave `holds`: false (does not hold) or null (not checked: the data it needs are missing).
 */
export function claimsThat(records: Records | undefined, holds: false | null): string[] {
  const claims = records?.["claims"];
  return Array.isArray(claims) ? claims.flatMap((c: unknown) => (isObject(c) && c["holds"] === holds ? [String(c["text"])] : [])) : [];
}
