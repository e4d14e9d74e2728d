// Sessions, as the original defined them: the join and disconnect events of one client connection
// (uuid), in time order. A session lasts from its first event to its last, and its site is the one
// its first event links to. A client whose join fell before the window starts with its disconnect:
// no site, duration 0. A client that never disconnected ends at its last rejoin.
import * as pl from "nodejs-polars";
import { LINK, TYPE, UUID } from "./load/columns";

/**
 * One row per uuid: uuid, start, end, duration_ms, events, first_event ("join" or "disconnect"),
 * disconnected (a disconnect was logged), and the link and host of the first event (null for a
 * disconnect, or a link naming no site); sorted by start, then uuid. `events` must be in time order
 * as loadEvents gives them (two events of a client at the same millisecond keep their order in the
 * file; pandas' quicksort left that open). `joins` is joinLinks(events): its hosts are reused.
 */
export function sessionsOf(events: pl.DataFrame, joins: pl.DataFrame): pl.DataFrame {
  const sessions = events
    .filter(pl.col(TYPE).isIn(["join", "disconnect"]).and(pl.col(UUID).isNotNull()))
    .groupBy(UUID)
    .agg(
      pl.col("time").first().alias("start"),
      pl.col("time").last().alias("end"),
      pl.len().cast(pl.Int32).alias("events"),
      pl.col(TYPE).first().alias("first_event"),
      pl.col(TYPE).eq(pl.lit("disconnect")).any().alias("disconnected"),
      pl.col("line").first().alias("first_line"),
      pl.col(LINK).first().alias("link"),
    )
    .rename({ [UUID]: "uuid" })
    .join(joins.select(pl.col("line").alias("first_line"), "host"), { on: "first_line", how: "left" })
    .withColumns(durationNs(pl.col("start"), pl.col("end")).alias("duration_ms"))
    .sort(["start", "uuid"])
    .select("uuid", "start", "end", "duration_ms", "events", "first_event", "disconnected", "link", "host");
  return sessions.withColumns(pl.Series("duration_ms", Float64Array.from(sessions.getColumn("duration_ms").toArray() as number[], (ns) => ns / 1e6)));
}

/**
 * end − start in nanoseconds (loadEvents keeps the file's digits), subtracted as Int64; up to 104 days
 * it is below 2^53, so the Float64 holds it exactly. sessionsOf divides by 10⁶ in JavaScript: polars
 * divides a column by a scalar through its reciprocal, which is not correctly rounded
 * (59,999,999,000 ns gave 59,999.998999999996 ms), and whole seconds are floored from it.
 */
function durationNs(start: pl.Expr, end: pl.Expr): pl.Expr {
  const ns = (e: pl.Expr) => e.cast(pl.Datetime("ns")).cast(pl.Int64);
  return ns(end).sub(ns(start)).cast(pl.Float64);
}

/**
 * One row of counts: sessions; with_site (their first event names a site); starting_with_disconnect
 * (the join fell before the window); without_disconnect (none logged: the session ends at its last
 * rejoin); day_or_longer.
 */
export function describeSessions(sessions: pl.DataFrame): pl.DataFrame {
  return sessions.select(
    pl.len().cast(pl.Int32).alias("sessions"),
    pl.col("host").isNotNull().sum().cast(pl.Int32).alias("with_site"),
    pl.col("first_event").eq(pl.lit("disconnect")).sum().cast(pl.Int32).alias("starting_with_disconnect"),
    pl.col("disconnected").not().sum().cast(pl.Int32).alias("without_disconnect"),
    pl.col("duration_ms").gtEq(86_400_000).sum().cast(pl.Int32).alias("day_or_longer"),
  );
}
