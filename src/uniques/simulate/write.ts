// Writes a simulation as the extract the loader reads: a TSV with a header line, gzipped when the
// name ends in .gz, streamed a day at a time and renamed into place at the end (a reader never
// sees half a file), and the truth beside it.
import { writeAtomic, writeStreamAtomic } from "../../io/atomic";
import type { DayString } from "../../calendar";
import { COLUMNS } from "../load/schema";
import type { SimulatedRequest, Simulation } from "./simulation";

/** `03:13:55`: a second of the day as the extract writes it. */
export function timeOfDay(second: number): string {
  return [Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60].map((x) => String(x).padStart(2, "0")).join(":");
}

/** One extract line, in COLUMNS order. */
export function requestLine(day: DayString, r: SimulatedRequest): string {
  return `${day}T${timeOfDay(r.second)}Z\t${r.domain}\t${r.ip}\t${r.userAgent}\t${r.acceptLanguage}\t${r.xAnalytics}\t${r.agentType}\t${r.isPageview}`;
}

export interface Written {
  path: string;
  rows: number;
  bytes: number;
}

/** Runs the simulation into `file` (.tsv or .tsv.gz) and its truth, with `extra` entries, into `truthFile`. */
export async function writeExtract(simulation: Simulation, file: string, truthFile: string, gzipLevel = 6, extra: Record<string, unknown> = {}): Promise<Written> {
  let rows = 0;
  async function* text(): AsyncGenerator<string> {
    yield COLUMNS.join("\t") + "\n";
    for (const { day, requests } of simulation.run()) {
      const lines = new Array<string>(requests.length);
      for (let i = 0; i < requests.length; i++) lines[i] = requestLine(day, requests[i] as SimulatedRequest);
      rows += lines.length;
      yield lines.join("\n") + "\n";
    }
  }
  const bytes = await writeStreamAtomic(file, text(), { gzipLevel });
  writeAtomic(truthFile, JSON.stringify({ ...simulation.truth(), ...extra }, null, 0) + "\n");
  return { path: file, rows, bytes };
}
