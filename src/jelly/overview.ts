// What a loaded snapshot holds: how many documents, how many lines were skipped, the time span,
// and the documents by message type.
import * as pl from "nodejs-polars";
import { TYPE } from "./columns";
import type { LoadedEvents } from "./load";

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
