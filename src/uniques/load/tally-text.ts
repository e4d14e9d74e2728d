// The loader's fast path for a text extract: the bytes are read once, as a worker inflates them
// (text-chunks.ts, inflate-worker.ts), and counted without making a string per field
// (tally-bytes.ts), while the worker inflates the next chunk: the same tally of requests by what the method reads as the plain version's polars query
// (webrequest.ts), and the signatures' sizes (signatures.ts) from a count per domain, day and
// 64-bit hash of ip, user_agent and accept_language, the plain version's hash in another form.
//
// It only takes what it is sure to read as polars does: a line it would not (a value the checks
// reject, a ragged line, a carriage return, bytes that are not UTF-8, more hosts or days than its
// keys hold) makes it decline, and the plain version reads the file instead, to the same counts or
// the same error naming the line.
import { closeSync, openSync, readSync } from "node:fs";
import * as pl from "nodejs-polars";
import { domainOf } from "../definition";
import type { SignatureSizes } from "../signatures";
import { CountTable } from "./count-table";
import { AGENT_TYPES } from "./schema";
import { RequestTally } from "./tally-bytes";
import { countChunks } from "./tally-chunks";
import { inflate, type ChunkSource } from "./text-chunks";

export interface TextTally {
  /** As the plain version's tally: uri_host, day, dt_ok, agent_type, is_pageview, nocookies, last_access, requests. */
  tally: pl.DataFrame;
  signatures: SignatureSizes;
}

/** Why the fast path left a file to the plain version. */
export interface Declined {
  declined: string;
}

/** Gzip by its first bytes, as polars tells it, not by the name. */
function isGzip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Counts a text extract's requests, or says why it leaves the file to the plain version. */
export function tallyText(file: string): TextTally | Declined {
  const { sources, stop } = inflate(file, isGzip(file), 1);
  try {
    const tally = new RequestTally();
    const declined = countChunks(sources[0] as ChunkSource, tally);
    if (declined !== null) return { declined };
    if (tally.rows === 0) return { declined: "no requests" };
    return { tally: tallyFrame(tally), signatures: signatureFrames(tally) };
  } finally {
    stop();
  }
}

function tallyFrame({ counts, hosts, days, values }: RequestTally): pl.DataFrame {
  const hostNames = Array.from({ length: hosts.size }, (_, i) => hosts.text(i));
  const valueNames = Array.from({ length: values.size }, (_, i) => values.text(i));
  const columns = { uri_host: [] as string[], day: [] as string[], agent_type: [] as string[], is_pageview: [] as string[], nocookies: [] as boolean[], last_access: [] as Array<string | null>, requests: [] as number[] };
  counts.forEach((k0, lastAccess, _, n) => {
    columns.uri_host.push(hostNames[k0 >>> 16]!);
    columns.day.push(days[(k0 >>> 4) & 0xfff]!);
    columns.agent_type.push(AGENT_TYPES[(k0 >>> 2) & 3]!);
    columns.is_pageview.push((k0 >>> 1) & 1 ? "true" : "false");
    columns.nocookies.push((k0 & 1) === 1);
    columns.last_access.push(lastAccess === 0 ? null : valueNames[lastAccess - 1]!);
    columns.requests.push(n);
  });
  return pl.DataFrame({
    uri_host: pl.Series("uri_host", columns.uri_host, pl.Utf8),
    day: pl.Series("day", columns.day, pl.Utf8),
    dt_ok: pl.Series("dt_ok", new Array<boolean>(columns.day.length).fill(true), pl.Bool),
    agent_type: pl.Series("agent_type", columns.agent_type, pl.Utf8),
    is_pageview: pl.Series("is_pageview", columns.is_pageview, pl.Utf8),
    nocookies: pl.Series("nocookies", columns.nocookies, pl.Bool),
    last_access: pl.Series("last_access", columns.last_access, pl.Utf8),
    requests: pl.Series("requests", columns.requests, pl.Float64).cast(pl.UInt32),
  });
}

/** Per domain and period: how many signatures sent how many counted cookie-less requests (signatures.ts's tables). */
function signatureFrames({ signatures: perHostDay, hosts, days }: RequestTally): SignatureSizes {
  // The domain is the lower-cased host, as polars lower-cases it: hosts that differ in case are one domain.
  const hostNames = pl.DataFrame({ uri_host: pl.Series("uri_host", Array.from({ length: hosts.size }, (_, i) => hosts.text(i)), pl.Utf8) });
  const domainOfHost = hostNames.select(domainOf()).getColumn("domain").toArray() as string[];
  const domains = [...new Set(domainOfHost)];
  const domainIndex = new Map(domains.map((d, i) => [d, i]));
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  const monthOfDay = days.map((d) => months.indexOf(d.slice(0, 7)));
  const domainIndexOfHost = domainOfHost.map((d) => domainIndex.get(d)!);
  // Per domain and day: the hosts' table itself when no two hosts are one domain (as good as always).
  const merged = domains.length < domainOfHost.length;
  const daily = merged ? new CountTable(perHostDay.size) : perHostDay;
  const monthly = new CountTable(perHostDay.size >> 1);
  perHostDay.forEach((k0, h1, h2, n) => {
    const domain = domainIndexOfHost[k0 >>> 12]!;
    if (merged) daily.add((domain << 12) | (k0 & 0xfff), h1, h2, n);
    monthly.add((domain << 12) | monthOfDay[k0 & 0xfff]!, h1, h2, n);
  });
  const dailyKey = (k0: number) => (merged ? k0 : (domainIndexOfHost[k0 >>> 12]! << 12) | (k0 & 0xfff));
  const sizes = (perSignature: CountTable, keys: string[], period: "day" | "month"): pl.DataFrame => {
    const histogram = new CountTable();
    const key = period === "day" ? dailyKey : (k0: number) => k0;
    perSignature.forEach((k0, _h1, _h2, n) => histogram.add(key(k0), n, 0, 1));
    const rows = { domain: [] as string[], period_key: [] as string[], requests: [] as number[], signatures: [] as number[] };
    histogram.forEach((k0, requests, _, n) => {
      rows.domain.push(domains[k0 >>> 12]!);
      rows.period_key.push(keys[k0 & 0xfff]!);
      rows.requests.push(requests);
      rows.signatures.push(n);
    });
    const periodKey = pl.col("period_key");
    return pl
      .DataFrame({
        domain: pl.Series("domain", rows.domain, pl.Utf8),
        period_key: pl.Series("period_key", rows.period_key, pl.Utf8),
        requests: pl.Series("requests", rows.requests, pl.Float64),
        signatures: pl.Series("signatures", rows.signatures, pl.Float64),
      })
      .lazy()
      .select(
        pl.col("domain"),
        (period === "day" ? periodKey : pl.concatString([periodKey, pl.lit("01")], "-")).str.strptime(pl.Date, "%Y-%m-%d").alias("period_start"),
        pl.col("requests").cast(pl.Int64),
        pl.col("signatures").cast(pl.Int64),
      )
      .sort(["domain", "period_start", "requests"])
      .collectSync();
  };
  return { day: sizes(daily, days, "day"), month: sizes(monthly, months, "month") };
}
