// Unique devices by Wikimedia's last-access method: what the unique-devices notebook imports.
export type { DayString, MonthString } from "../calendar";
// Reading in: the extract, Spark's counts, the simulation's truth.
export { COLUMNS } from "./load/schema";
export { loadRequests, requestsFromRows, scanWebrequest, type LoadOptions, type RequestRow, type Requests } from "./load/webrequest";
export { COUNTS_FOLDERS, readCounts } from "./load/counts";
export { optionalTruth, parseTruth, readTruth, type Truth } from "./load/truth";
// The method and what the notebook computes with it.
export { COOKIELESS, COUNTED, OLD_OR_NO_LAST_ACCESS, SIGNATURE, FRESH_SESSION_REQUESTS, toPolars, toSql, type Period, type Term } from "./definition";
export { bucketOf, dailyUniques, monthlyUniques, platformOf, projectUniques, uniques } from "./estimate";
export type { SignatureSizes } from "./signatures";
export { dailyOf, extractSummary, inputSummary, monthlyOf, noTruth, notFromCounts, readInput, type UniquesInput } from "./input";
export { monthlyReport, TOTAL_LABEL } from "./monthly-report";
export { offsetShares, offsetShareSummary } from "./offset-share";
export { belowThreshold, qualityByDomain, qualityWeeks, THRESHOLD, variations, type QualityWeeks } from "./quality";
export { cookielessSignatures, filterSummary } from "./bots";
export { dailyErrorByDomain, errorByPlatform, thresholdCheck, truthError } from "./truth-error";
export { countBelow, estimateParts, largestProject, mobileBelowDesktop, platformError, shareLargerMonthly, smallVaryMore } from "./findings";
export { dailyOffsetShareChart, dailyErrorChart, monthlyOffsetShareChart, qualityChart, truthErrorChart } from "./charts";
export { dailyRecord, monthlyRecord, qualityRecord, reportRecord, truthErrorRecord } from "./recorded";
// On a cluster: the statement for Spark SQL / HiveQL, and the Spark job that runs it.
export { uniquesSql, type Dialect, type SqlOptions } from "./spark/sql";
export { runSparkJob, sparkJobSql, type JobInput, type SparkJobOptions } from "./spark/job";
// The simulated world the extract comes from.
export { ALL_MECHANISMS, Simulation, type Mechanisms, type SimulationOptions, type TruthFile } from "./simulate/simulation";
export { MECHANISM_LABELS, mechanismEffects, WHAT_IF_MECHANISMS } from "./simulate/mechanisms";
