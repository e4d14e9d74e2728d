// The Clubhouse analysis, as notebooks import it: `import * as clubhouse from "analysis/clubhouse"`.
export { cumulativeUsersChart, influentialJoinedChart, invitesChart, newUsersChart } from "./charts";
export { dataFacts, factsTable, type DataFacts } from "./data-facts";
export { info } from "./load/info";
export {
  conversion,
  conversionTable,
  distributionTable,
  firstInviteBuckets,
  invitesTable,
  inviteCounts,
  projectionTable,
  projectSecondInvites,
  type Conversion,
  type InviteCounts,
  type InviteDistribution,
  type Projection,
} from "./invites";
export { loadUsers, type Users } from "./load/load-users";
export { correlationTable, influenceCorrelations, portrait, portraitTable, spearmanWith, type Correlation, type GroupPortrait } from "./portrait";
export {
  byMonthTable,
  influential,
  influentialByMonth,
  perUserInfluence,
  reachMeasures,
  reachTable,
  topBy,
  type Influential,
  type InfluentialByMonth,
  type MonthCounts,
  type ReachMeasures,
  type Subtrees,
  type TopInviter,
} from "./reach";
export type { DayString, EpochMs, MonthString } from "../calendar";
export { busiestDays, signupSummary, signupsPerDay, type DailySignups, type SignupSummary } from "./signups";
export { inviteTree, type InviteTree } from "./tree";
export { shareJoinedBefore, commonestInviteCount, lastMonth, reachWithinDefinition, shareFromMonth, shareOfLastMonths, surgeBetween, type Surge } from "./findings";
export { asOfCoverage, throughMonth, usersAsOf } from "./as-of";
