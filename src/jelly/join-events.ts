// Joins and the sites they were on: every `join` event with its link taken apart, the top sites by
// joins (the original's value_counts), and what could not be taken apart, counted by reason.
import * as pl from "nodejs-polars";
import { LINK, TYPE, UUID } from "./load/columns";
import { parseLink } from "./links";

/**
 * One row per join, in time order: line, time, uuid, link, host, path, query, problem (null when
 * the host was found). Each distinct link is parsed once (party members and rejoins share theirs).
 */
export function joinLinks(events: pl.DataFrame): pl.DataFrame {
  const joins = events
    .filter(pl.col(TYPE).eq(pl.lit("join")))
    .select("line", "time", pl.col(UUID).alias("uuid"), pl.col(LINK).alias("link"))
    .withRowIndex("order");
  const links = joins.getColumn("link").unique().dropNulls().toArray() as string[];
  const parsed = links.map(parseLink);
  const parts = pl.DataFrame([
    pl.Series("link", links, pl.Utf8),
    pl.Series("host", parsed.map((p) => p.host), pl.Utf8),
    pl.Series("path", parsed.map((p) => p.path), pl.Utf8),
    pl.Series("query", parsed.map((p) => p.query), pl.Utf8),
    pl.Series("problem", parsed.map((p) => p.problem), pl.Utf8),
  ]);
  return joins
    .join(parts, { on: "link", how: "left" })
    .sort("order")
    .drop("order")
    .withColumns(pl.when(pl.col("link").isNull()).then(pl.lit("no link")).otherwise(pl.col("problem")).alias("problem"));
}

/** host, joins: the `n` hosts with the most joins, most first; equal counts in host order. */
export function topHosts(joins: pl.DataFrame, n: number): pl.DataFrame {
  return joins
    .filter(pl.col("host").isNotNull())
    .groupBy("host")
    .agg(pl.len().cast(pl.Int32).alias("joins"))
    .sort(["joins", "host"], [true, false])
    .head(n);
}

/** problem, joins, example: the joins whose link gave no host, by reason, most first. */
export function unparsedLinks(joins: pl.DataFrame): pl.DataFrame {
  return joins
    .filter(pl.col("problem").isNotNull())
    .groupBy("problem")
    .agg(pl.len().cast(pl.Int32).alias("joins"), pl.col("link").fillNull(pl.lit("(none)")).first().alias("example"))
    .sort(["joins", "problem"], [true, false]);
}

/** joins, unparsed (those without a site) and by_problem (unparsedLinks' rows): what the report records. */
export function unparsedSummary(joins: pl.DataFrame): { joins: number; unparsed: number; by_problem: Record<string, unknown>[] } {
  const unparsed = unparsedLinks(joins);
  return { joins: joins.height, unparsed: unparsed.getColumn("joins").sum() as number, by_problem: unparsed.toRecords() };
}

/** The `host` column of a table as a list (nulls left out): the hosts of topHosts or brokenSites, in order. */
export function hostsOf(frame: pl.DataFrame): string[] {
  return (frame.getColumn("host").toArray() as (string | null)[]).filter((h): h is string => h !== null);
}
