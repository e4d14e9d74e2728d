// One calendar month of a snapshot: the documents whose time falls in it (UTC), as if the index
// had been pulled with a range on @timestamp, and every step after built from those alone. That
// is how the original would be re-run per month, and it keeps its edges: a session that crosses
// into the month starts with its disconnect here (no site, 0 minutes), one that crosses out of it
// ends at its last event of the month, exactly as at the edges of the original's own window.
import * as pl from "nodejs-polars";
import { monthParameter } from "../calendar";
import { DataError } from "../errors";
import type { LoadedEvents } from "./load/load-events";

/** The first and last event days of the frame (its `time` column), or null when it has none. */
function span(frame: pl.DataFrame): { first: string; last: string } | null {
  if (frame.height === 0) return null;
  const days = frame.select(pl.col("time").min().dt.strftime("%Y-%m-%d").alias("first"), pl.col("time").max().dt.strftime("%Y-%m-%d").alias("last")).row(0);
  return { first: days[0] as string, last: days[1] as string };
}

/**
 * The events of `month` (`YYYY-MM`, UTC) only; `""` gives `events` as they are. `documents` becomes
 * the month's; `skipped` and `badLines` stay the file's (a bad line has no time to place it by). A
 * month without events is a DataError saying which days the snapshot spans.
 */
export function eventsInMonth(events: LoadedEvents, month: string): LoadedEvents {
  const m = monthParameter("month", month);
  if (m === null) return events;
  const frame = events.frame.filter(pl.col("time").dt.strftime("%Y-%m").eq(pl.lit(m)));
  if (frame.height === 0) {
    const all = span(events.frame);
    const spanned = all ? `its events span ${all.first} to ${all.last}` : "it holds no events";
    throw new DataError(`parameter month = "${m}": ${events.file} has no events in that month (${spanned}); choose a month in it, or "" for the whole snapshot`);
  }
  return { ...events, frame, documents: frame.height };
}

/** Which period the report covers, as a sentence. */
export function monthCoverage(events: LoadedEvents, month: string): string {
  const m = monthParameter("month", month);
  const days = span(events.frame);
  const spanned = days ? `events from ${days.first} to ${days.last} (UTC)` : "no events";
  if (m === null) return `This report covers the whole snapshot: ${spanned}.`;
  return `This report covers ${m} only: the documents whose time falls in that month (UTC), ${spanned}. Sessions are built from those alone, so one that crosses the month's start or end is cut there.`;
}
