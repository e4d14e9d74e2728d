// What a loaded snapshot holds: how many documents, how many lines were skipped, the time span,
// and the documents by message type; and the warning a report shows when lines were skipped.
import * as pl from "nodejs-polars";
import { emit, type MimeBundle } from "../display/emit";
import { escapeHtml, formatInteger } from "../display/values";
import { TYPE } from "./load/columns";
import type { BadLine, LoadedEvents } from "./load/load-events";

/** One row: documents, skipped (bad lines), first and last event time. */
export function describeEvents(events: LoadedEvents): pl.DataFrame {
  const time = events.frame.getColumn("time");
  const empty = pl.Series("time", [null], pl.Float64).cast(pl.Datetime("ns", "UTC"));
  return pl.DataFrame({
    documents: pl.Series("documents", [events.documents], pl.Int32),
    skipped: pl.Series("skipped", [events.skipped], pl.Int32),
    first: (events.frame.height > 0 ? time.head(1) : empty).alias("first"),
    last: (events.frame.height > 0 ? time.tail(1) : empty).alias("last"),
  });
}

/** type, documents: documents by `message_decoded.type`, most first; "(none)" for documents without one. */
export function eventTypes(frame: pl.DataFrame): pl.DataFrame {
  return frame
    .select(pl.col(TYPE).fillNull(pl.lit("(none)")).alias("type"))
    .groupBy("type")
    .agg(pl.len().cast(pl.Int32).alias("documents"))
    .sort(["documents", "type"], [true, false]);
}

/**
 * Shows a warning when bad lines were skipped (loadEvents with skipBadLines): how many, in which
 * file, and the first few with their line numbers and what was wrong, so that a reader knows the
 * numbers leave those documents out. Shows nothing when no line was skipped.
 */
export function skippedLinesWarning(events: LoadedEvents): void {
  const bundle = skippedLinesBundle(events);
  if (bundle) emit(bundle);
}

/** The warning as HTML with a plain-text fallback, or undefined when no line was skipped. */
export function skippedLinesBundle(events: LoadedEvents): MimeBundle | undefined {
  if (events.skipped === 0) return undefined;
  const n = events.skipped;
  const lines = `${formatInteger(n)} malformed line${n === 1 ? "" : "s"}`;
  const shown = events.badLines.length < n ? `The first ${events.badLines.length}:` : n === 1 ? "The line:" : "The lines:";
  const head = `${lines} of ${events.file} skipped (skipBadLines is on): every number below leaves ${n === 1 ? "that document" : "those documents"} out. ${shown}`;
  const item = (b: BadLine) => `line ${b.line}${b.file ? ` of ${b.file}` : ""}: ${b.reason}`;
  const html =
    `<div class="output-warning" role="alert" style="border-left: 4px solid #b45309; background: #fffbeb; padding: 0.6em 1em; margin: 0.5em 0">` +
    `<strong>Warning:</strong> ${escapeHtml(head)}<ul style="margin: 0.4em 0 0">${events.badLines.map((b) => `<li>${escapeHtml(item(b))}</li>`).join("")}</ul></div>`;
  const text = [`Warning: ${head}`, ...events.badLines.map((b) => `  ${item(b)}`)].join("\n");
  return { "text/html": html, "text/plain": text };
}
