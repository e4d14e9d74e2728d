// What-if runs of the simulation: the same world with one mechanism switched off, estimated the same
// way, so that the difference in error is that mechanism's doing: how much carrier NAT hides on
// mobile, how much changing addresses add.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import { monthlyUniques } from "../estimate";
import { loadRequests } from "../load/webrequest";
import { COLUMNS } from "../load/schema";
import { Simulation, type Mechanisms, type SimulationOptions } from "./simulation";
import { parseTruth } from "../load/truth";
import { truthError } from "../truth-error";
import { requestLine } from "./write";

export const MECHANISM_LABELS: Record<keyof Mechanisms, string> = {
  refusedCookies: "browsers that refuse cookies",
  clearedCookies: "cookies cleared",
  privateWindows: "private windows",
  carrierNat: "carrier NAT",
  changingIps: "changing addresses",
  untaggedBots: "crawlers passing for browsers",
  rotatingScrapers: "scrapers on rotating addresses",
  spiders: "tagged spiders",
  automated: "automated agents",
  nonPageviews: "non-pageview requests",
  malformedDates: "mangled cookie dates",
};

/** What the truth files carry: carrier NAT (the mobile under-report) and changing addresses (the over-report). */
export const WHAT_IF_MECHANISMS: Array<keyof Mechanisms> = ["carrierNat", "changingIps"];

/**
 * Writes the simulation as an extract in a temporary folder and reads it back with the loader, so
 * the what-if goes through exactly the path of a real file; then estimates it monthly.
 */
function estimateMonthly(simulation: Simulation): pl.DataFrame {
  const dir = mkdtempSync(join(tmpdir(), "unique-devices-what-if-"));
  try {
    const file = join(dir, "webrequest.tsv");
    const lines = [COLUMNS.join("\t")];
    for (const { day, requests } of simulation.run()) for (const r of requests) lines.push(requestLine(day, r));
    writeFileSync(file, lines.join("\n") + "\n");
    return monthlyUniques(loadRequests(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Per scenario ("as simulated", then "without <mechanism>" for each of `off`) and platform: the
 * monthly estimate and truth summed over domains and months, the relative error of the sums, and
 * `change`, the difference from "as simulated" in points of the truth. The devices and their visits
 * are the same in every scenario (the simulation draws them from their own random stream), so the
 * change is the mechanism's doing, up to the few devices whose requests it touches.
 */
export function mechanismEffects(options: Omit<SimulationOptions, "mechanisms">, off: Array<keyof Mechanisms>): pl.DataFrame {
  const scenarios: Array<[string, Partial<Mechanisms>]> = [["as simulated", {}], ...off.map((m): [string, Partial<Mechanisms>] => [`without ${MECHANISM_LABELS[m]}`, { [m]: false }])];
  const frames = scenarios.map(([label, mechanisms]) => {
    const simulation = new Simulation({ ...options, mechanisms });
    const errors = truthError(estimateMonthly(simulation), parseTruth(simulation.truth(), label));
    return errors
      .lazy()
      .groupBy("platform")
      .agg(pl.col("estimate").sum(), pl.col("truth").sum())
      .select(pl.lit(label).alias("scenario"), pl.col("platform"), pl.col("estimate"), pl.col("truth"), pl.col("estimate").cast(pl.Float64).div(pl.col("truth")).sub(1).alias("relative_error"))
      .sort("platform")
      .collectSync();
  });
  // The effect: how many points of the truth the mechanism's absence adds to the estimate (its own effect with the sign turned).
  const baseline = frames[0] as pl.DataFrame;
  return pl
    .concat(frames)
    .join(baseline.select(pl.col("platform"), pl.col("estimate").alias("baseline")), { on: "platform", how: "left" })
    .withColumns(pl.col("estimate").sub(pl.col("baseline")).cast(pl.Float64).div(pl.col("truth")).alias("change"))
    .drop("baseline");
}

/** The what-if rows as JSON for a truth file: [{scenario, platform, estimate, truth, relative_error, change}]. */
export function whatIfRecords(effects: pl.DataFrame): Array<Record<string, string | number>> {
  return effects.select("scenario", "platform", "estimate", "truth", "relative_error", "change").toRecords() as Array<Record<string, string | number>>;
}
