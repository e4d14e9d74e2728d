// The offset's side of the method, reduced while the extract is read: the counted cookie-less
// requests (definition.ts: COUNTED and COOKIELESS) become, per domain and period, how many
// signatures sent how many requests. The offset is the signatures that sent exactly one
// (estimate.ts); the bots table reads the rest.
//
// Counting requests per signature holds every distinct signature of a period in memory at once,
// and their number grows with the devices. So the signatures are cut into slices by their hash
// (all requests of a signature fall in one slice) and the slices are reduced one after another:
// their tables add up, and memory is bounded by one slice, however large the extract.
import * as pl from "nodejs-polars";
import type { Period } from "./definition";
import { COOKIELESS, COUNTED, domainOf, isPageview, toPolars } from "./definition";

/**
 * Per domain and period start (`period_start`, a Date): `signatures` that sent exactly `requests`
 * requests in the period (Int64 both), one table per period.
 */
export type SignatureSizes = Record<Period, pl.DataFrame>;

/**
 * The loader's rows before their checks turn them into counts: `uri_host`, `day` (`YYYY-MM-DD`
 * text), `agent_type`, `is_pageview` (`true` / `false` text), `nocookies` (Boolean) and `signature`
 * (UInt64, null unless cookie-less). Read once per slice: a lazy frame over a file or memory.
 */
export type SignatureRows = () => pl.LazyDataFrame;

/** The period's key as text, from the day's: `2016-01-15`, or `2016-01` for the month. */
function periodKey(period: Period): pl.Expr {
  return period === "day" ? pl.col("day") : pl.col("day").str.slice(0, 7);
}

function periodStart(period: Period): pl.Expr {
  const key = pl.col("period_key");
  return (period === "day" ? key : pl.concatString([key, pl.lit("01")], "-")).str.strptime(pl.Date, "%Y-%m-%d");
}

/** One slice's counted cookie-less requests per domain, day and signature. */
function requestsPerSignature(rows: SignatureRows, slice: number, slices: number): pl.LazyDataFrame {
  const inSlice = slices === 1 ? pl.lit(true) : pl.col("signature").modulo(pl.lit(slices).cast(pl.UInt64)).eq(pl.lit(slice).cast(pl.UInt64));
  return rows()
    .filter(pl.col("signature").isNotNull().and(inSlice))
    .select(
      domainOf(),
      pl.col("day"),
      pl.col("agent_type"),
      isPageview(),
      pl.col("nocookies"),
      pl.col("signature"),
    )
    .filter(toPolars(COUNTED).and(toPolars(COOKIELESS)))
    .groupBy([pl.col("domain"), pl.col("day"), pl.col("signature")])
    .agg(pl.len().alias("requests"));
}

/** Per domain, period and number of requests: the signatures that sent that many in the period. */
function sizes(perSignature: pl.LazyDataFrame, period: Period): pl.LazyDataFrame {
  return perSignature
    .groupBy([pl.col("domain"), periodKey(period).alias("period_key"), pl.col("signature")])
    .agg(pl.col("requests").sum())
    .groupBy(["domain", "period_key", "requests"])
    .agg(pl.len().alias("signatures"))
    .withColumns(pl.lit(period).alias("period"));
}

/**
 * Reduces the signatures in `slices` slices (1: all at once), reading `rows` once per slice. The
 * result does not depend on `slices`; only the memory does.
 */
export function signatureSizes(rows: SignatureRows, slices: number): SignatureSizes {
  if (!(Number.isInteger(slices) && slices >= 1)) throw new RangeError(`signatureSizes: slices must be a whole number >= 1, got ${slices}`);
  const parts: pl.DataFrame[] = [];
  for (let slice = 0; slice < slices; slice++) {
    // Both periods in one query, so that each slice of the requests is read once for the two.
    const perSignature = requestsPerSignature(rows, slice, slices);
    parts.push(pl.concat([sizes(perSignature, "day"), sizes(perSignature, "month")]).collectSync({ engine: "streaming" }));
  }
  const all = pl.concat(parts);
  const total = (period: Period) =>
    all
      .lazy()
      .filter(pl.col("period").eq(pl.lit(period)))
      .groupBy(["domain", "period_key", "requests"])
      .agg(pl.col("signatures").sum())
      .select(pl.col("domain"), periodStart(period).alias("period_start"), pl.col("requests").cast(pl.Int64), pl.col("signatures").cast(pl.Int64))
      .sort(["domain", "period_start", "requests"])
      .collectSync();
  return { day: total("day"), month: total("month") };
}
