// What notebooks import for the Jelly Party analysis: `import { loadEvents, ... } from "analysis/jelly"`.
export { topHostsChart, histogramChart, intervalChart, shortShareChart, type HistogramPanel } from "./charts";
export { ANALYSIS_COLUMNS, LINK, TYPE, UUID } from "./columns";
export { hostsOf, joinLinks, topHosts, unparsedLinks } from "./joins";
export { decodeUntilStable, parseLink, parseLinks, type LinkProblem, type ParsedLink } from "./links";
export { loadEvents, type BadLine, type LoadedEvents, type LoadOptions } from "./load";
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
export { mannWhitneyTable, verdict, welchTable } from "./tables";
export { firstBinTallest, leadingHostsAre, meansUnderADay, shortShareRange } from "./findings";
