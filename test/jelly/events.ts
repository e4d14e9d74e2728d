// Hand-made events for the jelly tests: what loadEvents would give, built directly.
import * as pl from "nodejs-polars";
import { LINK, TYPE, UUID } from "../../src/jelly/load/columns";

export const MAGIC = "https://join.jelly-party.com/?redirectURL=";
/** The magic link to a site's URL, encoded twice as current clients do. */
export const magic = (url: string) => `${MAGIC}${encodeURIComponent(encodeURIComponent(url))}&jellyPartyId=calm-otters-sing-loudly`;

export interface Event {
  /** Minutes after 2020-06-01 00:00 UTC. */
  at: number;
  type: string | null;
  uuid?: string | null;
  link?: string | null;
}

export const T0 = Date.UTC(2020, 5, 1);

/** In time order (ties in the given order), line numbers from 1, as loadEvents sorts them. */
export function eventsFrame(events: Event[]): pl.DataFrame {
  const order = events.map((e, i) => ({ e, line: i + 1 })).sort((a, b) => a.e.at - b.e.at);
  return pl.DataFrame([
    pl.Series("line", order.map((o) => o.line), pl.Int32),
    pl.Series("time", order.map((o) => T0 + o.e.at * 60_000), pl.Float64).cast(pl.Datetime("ms", "UTC")),
    pl.Series(TYPE, order.map((o) => o.e.type), pl.Utf8),
    pl.Series(UUID, order.map((o) => o.e.uuid ?? null), pl.Utf8),
    pl.Series(LINK, order.map((o) => o.e.link ?? null), pl.Utf8),
  ]);
}
