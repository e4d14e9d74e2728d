// Unique devices by Wikimedia's last-access method: what the unique-devices notebook imports, and
// the types of what it holds. The rest (the loaders' parts, the estimator's steps, the Spark job, the
// simulator) is imported from its module by the code that needs it.
export type { DayString, MonthString } from "../calendar";
export type { Requests } from "./load/webrequest";
export { optionalTruth, type Truth } from "./load/truth";
export type { Period } from "./definition";
export type { SignatureSizes } from "./signatures";
export { dailyOf, inputSummary, monthlyOf, noTruth, notFromCounts, readInput, type UniquesInput } from "./input";
export { monthlyReport } from "./monthly-report";
export { offsetShares, offsetShareSummary } from "./offset-share";
export { belowThreshold, optionalQualityWeeks, qualityByDomain, variations, type QualityWeeks } from "./quality";
export { cookielessSignatures, filterSummary } from "./bots";
export { dailyErrorByDomain, errorByPlatform, thresholdCheck, truthError } from "./truth-error";
export { countBelow, estimateParts, largestProject, mobileBelowDesktop, shareLargerMonthly, smallVaryMore } from "./findings";
export { dailyOffsetShareChart, dailyErrorChart, monthlyOffsetShareChart, qualityChart, truthErrorChart } from "./charts";
export { dailyRecord, monthlyRecord, qualityRecord, reportRecord, truthErrorRecord } from "./recorded";
// The statement the notebook prints for a cluster (Spark SQL / HiveQL).
export { uniquesSql, type Dialect, type SqlOptions } from "./spark/sql";
export { inputInMonth, monthCoverage, noQualityWeeks, truthInMonth } from "./month";
