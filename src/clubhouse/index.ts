// The Clubhouse analysis, as notebooks import it: `import { loadUsers, ... } from "analysis/clubhouse"`.
export { cumulativeUsersChart, influentialJoinedChart, invitesChart, newUsersChart } from "./charts";
export { dataFacts, factsTable, type DataFacts } from "./data-facts";
export { info } from "./load/info";
export {
  conversion,
  conversionTable,
  distributionTable,
  firstBuckets,
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
export { correlationTable, influenceCorrelations, portrait, portraitTable, type Correlation, type GroupPortrait } from "./portrait";
export {
  byMonthTable,
  friendsOfFriends,
  influential,
  joinedByMonth,
  originalInfluentialRows,
  originalReach,
  reachTable,
  subtreeSizes,
  topBy,
  type Influential,
  type MonthCounts,
  type Subtrees,
  type TopInviter,
} from "./reach";
export { DAY_MS, type DayString, type EpochMs, type MonthString } from "../calendar";
export { busiestDays, signupSummary, signupsPerDay, type DailySignups, type SignupSummary } from "./signups";
export { inviteTree, perUser, type InviteTree } from "./tree";
export { shareJoinedBefore, commonestInviteCount, lastMonth, reachWithinDefinition, shareFromMonth, shareOfLastMonths, surgeBetween, type Surge } from "./findings";
