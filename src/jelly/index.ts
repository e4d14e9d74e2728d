// The Jelly Party analysis: what its notebook imports (`import * as jelly from "analysis/jelly"`),
// and the types of what it holds. The rest (the links' parser, the loader's parts, the snapshot
// pull, the simulator) is imported from its module by the code that needs it.
export type { Milliseconds, Minutes } from "./metrics";
export { ANALYSIS_COLUMNS } from "./load/columns";
export { loadEvents, type BadLine, type LoadedEvents } from "./load/load-events";
export { eventsInMonth, monthCoverage } from "./month";
export { describeEvents, eventTypes, skippedLinesWarning } from "./overview";
export { hostsOf, joinLinks, topHosts, unparsedLinks, unparsedSummary } from "./join-events";
export { describeSessions, sessionsOf } from "./sessions";
export { brokenSites, dayPlusSessions, exactMinutesOf, meanIntervals, metricsFor, originalMinutesOf, shortSessionShare, siteMetrics } from "./metrics";
export { durationHistograms, histogramCounts, type DurationHistograms } from "./duration-histograms";
export { mannWhitneySummary, mannWhitneyTable, verdict, welchSummary, welchTable } from "./significance-tables";
export { durationRangesChart, intervalChart, shortShareChart, topHostsChart } from "./charts";
export { firstBinTallest, leadingHostsAre, meansUnderADay, shortShareRange } from "./findings";
