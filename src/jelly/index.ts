// What notebooks import for the Jelly Party analysis: `import * as jelly from "analysis/jelly"`.
export { topHostsChart, durationRangesChart, histogramChart, intervalChart, shortShareChart, type HistogramPanel } from "./charts";
export { durationHistograms, histogramCounts, DURATION_RANGES, type DurationHistograms } from "./duration-histograms";
export { hostsOf, joinLinks, topHosts, unparsedLinks, unparsedSummary } from "./join-events";
export { decodeUntilStable, parseLink, type LinkProblem, type ParsedLink } from "./links";
export { ANALYSIS_COLUMNS, LINK, TYPE, UUID } from "./load/columns";
export { loadEvents, type BadLine, type LoadedEvents, type LoadOptions } from "./load/load-events";
export {
  brokenSites,
  dayPlusSessions,
  exactMinutesOf,
  meanIntervals,
  metricsFor,
  MINUTE_MS,
  originalMinutesOf,
  originalWholeMinutes,
  shortSessionShare,
  siteMetrics,
  type Milliseconds,
  type Minutes,
} from "./metrics";
export { describeEvents, eventTypes, skippedLinesBundle, skippedLinesWarning } from "./overview";
export { DAY_MS } from "../calendar";
export { describeSessions, sessionsOf } from "./sessions";
export { mannWhitneySummary, mannWhitneyTable, verdict, welchSummary, welchTable } from "./significance-tables";
export { firstBinTallest, leadingHostsAre, meansUnderADay, shortShareRange } from "./findings";
