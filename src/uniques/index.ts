// Unique devices by Wikimedia's last-access method: what the unique-devices notebook imports.
export type { DayString, MonthString, Period } from "./calendar";
export { bucketOf, dailyUniques, monthlyUniques, platformOf, projectUniques, uniques } from "./estimate";
export { COOKIELESS, COUNTED, OLD_OR_NO_LAST_ACCESS, SIGNATURE, FRESH_SESSION_REQUESTS, toPolars, toSql, type Term } from "./definition";
export { loadRequests, requestsFromRows, scanWebrequest, type LoadOptions, type RequestRow, type Requests } from "./load";
export type { SignatureSizes } from "./signatures";
export { extractSummary, monthlyReport, offsetShares, offsetShareSummary, TOTAL_LABEL } from "./report";
export { belowThreshold, qualityByDomain, qualityWeeks, THRESHOLD, variations, type QualityWeeks } from "./quality";
export { cookielessSignatures, filterSummary } from "./bots";
export { dailyErrorByDomain, errorByPlatform, optionalTruth, parseTruth, readTruth, thresholdCheck, truthError, type Truth } from "./truth";
export { dailyOffsetShareChart, dailyErrorChart, monthlyOffsetShareChart, qualityChart, truthErrorChart } from "./charts";
export { dailyRecord, monthlyRecord, qualityRecord, reportRecord, truthErrorRecord } from "./records";
export { MECHANISM_LABELS, mechanismEffects, WHAT_IF_MECHANISMS } from "./mechanisms";
export { ALL_MECHANISMS, Simulation, type Mechanisms, type SimulationOptions, type TruthFile } from "./simulate";
export { uniquesSql, type Dialect, type SqlOptions } from "./sql";
export { COLUMNS } from "./schema";
export { dailyOf, inputSummary, monthlyOf, notFromCounts, readCounts, readInput, type UniquesInput } from "./counts";
export { COUNTS_FOLDERS, runSparkJob, sparkJobSql, type JobInput, type SparkJobOptions } from "./spark";
export { countBelow, estimateParts, largestProject, platformError, shareLargerMonthly, smallVaryMore } from "./findings";
