import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../../src/errors";
import { COOKIELESS, COUNTED, OLD_OR_NO_LAST_ACCESS, toSql } from "../../../src/uniques/definition";
import { dailyUniques, monthlyUniques } from "../../../src/uniques/estimate";
import { loadRequests, type RequestRow } from "../../../src/uniques/load/webrequest";
import { COLUMNS } from "../../../src/uniques/load/schema";
import { periodBounds, uniquesSql } from "../../../src/uniques/spark/sql";
import { byKey, lastAccess, NO_COOKIES, request, SAMPLE } from "../fixtures";

/** A `webrequest` table in memory, shaped like Wikimedia's: is_pageview a boolean (SQLite: 0/1). */
function webrequest(rows: string[][]): Database.Database {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE webrequest (${COLUMNS.map((c) => `${c} ${c === "is_pageview" ? "INTEGER" : "TEXT"}`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO webrequest VALUES (${COLUMNS.map(() => "?").join(", ")})`);
  db.transaction(() => rows.forEach((r) => insert.run(r.map((v, i) => (COLUMNS[i] === "is_pageview" ? (v === "true" ? 1 : 0) : v)))))();
  db.exec("CREATE INDEX by_time ON webrequest (dt)");
  return db;
}

interface SqlRow {
  domain: string;
  uniques_underestimate: number;
  uniques_offset: number;
  uniques_estimate: number;
}

/** The statement's answers for the periods, keyed `domain|period` like the estimator's. */
function run(db: Database.Database, period: "day" | "month", dates: string[]) {
  const out: Record<string, { underestimate: number; offset: number; estimate: number }> = {};
  for (const date of dates) {
    for (const r of db.prepare(uniquesSql({ period, date, dialect: "sqlite" })).all() as SqlRow[]) {
      out[`${r.domain}|${date}`] = { underestimate: r.uniques_underestimate, offset: r.uniques_offset, estimate: r.uniques_estimate };
    }
  }
  return out;
}

const fromRows = (rows: RequestRow[]) => webrequest(rows.map((r) => COLUMNS.map((c) => r[c])));
const u = (underestimate: number, offset: number) => ({ underestimate, offset, estimate: underestimate + offset });
const EN = "en.wikipedia.org";

test("the SQL counts the hand-made rules as the definition says (month boundary, repeats, spiders, pageviews, malformed dates)", () => {
  const db = fromRows([
    request("2016-01-31T23:59:59Z", lastAccess("30-Jan-2016")),
    request("2016-02-01T00:00:00Z", lastAccess("31-Jan-2016")),
    request("2016-02-01T08:00:00Z", lastAccess("01-Feb-2016")),
    request("2016-01-31T12:00:00Z", NO_COOKIES, { ip: "9.9.9.9" }),
    request("2016-02-01T12:00:00Z", NO_COOKIES, { ip: "9.9.9.9" }),
    request("2016-02-01T12:00:00Z", NO_COOKIES),
    request("2016-02-01T12:30:00Z", NO_COOKIES),
    request("2016-02-01T13:00:00Z", NO_COOKIES, { agent_type: "spider", ip: "7.7.7.7" }),
    request("2016-02-01T13:00:00Z", lastAccess("20-Dec-2015"), { is_pageview: "false" }),
    request("2016-02-01T14:00:00Z", "WMF-Last-Access=31-Feb-2016;https=1"),
    request("2016-02-01T14:00:00Z", "https=1;WMF-Last-Access=14-Dec-15"),
    request("2016-02-01T14:00:00Z", "WMF-Last-Access= 9-jan-2016", { uri_host: "EN.M.wikipedia.org" }),
  ]);
  assert.equal(run(db, "day", ["2016-01-31", "2016-02-01"]), {
    [`${EN}|2016-01-31`]: u(1, 1),
    [`${EN}|2016-02-01`]: u(3, 1),
    "en.m.wikipedia.org|2016-02-01": u(1, 0),
  });
  assert.equal(run(db, "month", ["2016-01", "2016-02"]), {
    [`${EN}|2016-01`]: u(0, 1),
    [`${EN}|2016-02`]: u(3, 1),
    "en.m.wikipedia.org|2016-02": u(1, 0),
  });
});

test("on the committed extract, the SQL run by SQLite gives the estimator's numbers for every day and month", () => {
  const lines = gunzipSync(readFileSync(SAMPLE)).toString("utf8").trimEnd().split("\n");
  const header = (lines.shift() as string).split("\t");
  assert.equal(header, [...COLUMNS]);
  const db = webrequest(lines.map((l) => l.split("\t")));
  const requests = loadRequests(SAMPLE);
  const daily = byKey(dailyUniques(requests));
  const monthly = byKey(monthlyUniques(requests));
  const days = [...new Set(Object.keys(daily).map((k) => k.split("|")[1] as string))].sort();
  assert.ok(days.length >= 60);
  assert.equal(run(db, "day", days), daily);
  assert.equal(run(db, "month", ["2016-01", "2016-02"]), monthly);
});

test("without a date, one statement counts every day (every month) of the committed extract, as the estimator does", () => {
  const lines = gunzipSync(readFileSync(SAMPLE)).toString("utf8").trimEnd().split("\n").slice(1);
  const db = webrequest(lines.map((l) => l.split("\t")));
  const requests = loadRequests(SAMPLE);
  for (const [period, expected] of [["day", dailyUniques(requests)], ["month", monthlyUniques(requests)]] as const) {
    const rows = db.prepare(uniquesSql({ period, dialect: "sqlite" })).all() as Array<SqlRow & Record<string, string>>;
    const answer = Object.fromEntries(rows.map((r) => [`${r.domain}|${r[period]}`, u(r.uniques_underestimate, r.uniques_offset)]));
    assert.equal(answer, byKey(expected));
    assert.equal(rows.map((r) => `${r.domain}|${r[period]}`), Object.keys(byKey(expected)), "sorted by domain and period");
  }
  const all = uniquesSql({ period: "month" });
  assert.match(all, /to_date\(concat\(substr\(dt, 1, 7\), '-01'\)\) AS period_start,\n {4}substr\(dt, 1, 7\) AS month,/);
  assert.match(all, /GROUP BY domain, month, ip, user_agent, accept_language\n/);
  assert.not.match(all, /WHERE dt >=/, "no period filter: every month in the table");
});

test("periods: a day up to the next, a month up to the first of the next; bad dates are errors", () => {
  assert.equal(periodBounds("day", "2015-12-31"), { start: "2015-12-31", end: "2016-01-01", label: "2015-12-31" });
  assert.equal(periodBounds("month", "2016-02"), { start: "2016-02-01", end: "2016-03-01", label: "2016-02" });
  assert.equal(periodBounds("month", "2016-12-17"), { start: "2016-12-01", end: "2017-01-01", label: "2016-12" });
  assert.throws(() => periodBounds("day", "2016-02-30"), (e: unknown) => e instanceof DataError && /--date: expected a day such as 2016-01-15, got '2016-02-30'/.test(e.message));
  assert.throws(() => periodBounds("day", "2016-02"), (e: unknown) => e instanceof DataError);
});

test("the Spark / Hive statement holds the definition's conditions, the period and the partitions", () => {
  const sql = uniquesSql({ period: "day", date: "2016-01-15", table: "wmf.webrequest", partitioned: true });
  for (const condition of [toSql(COUNTED), toSql(OLD_OR_NO_LAST_ACCESS), `WHERE ${toSql(COOKIELESS)}`, "GROUP BY domain, day, ip, user_agent, accept_language", "HAVING COUNT(*) = 1"]) {
    assert.ok(sql.includes(condition), condition);
  }
  assert.match(sql, /FROM wmf\.webrequest\n {2}WHERE dt >= '2016-01-15' AND dt < '2016-01-16' AND year = 2016 AND month = 1 AND day = 15\n/);
  assert.match(sql, /DATE '2016-01-15' AS period_start/);
  assert.match(sql, /RLIKE '\(\^\|;\)nocookies=1\(;\|\$\)' AS nocookies/);
  assert.not.match(sql, /GLOB|instr\(';'/, "no SQLite primitives in the cluster's statement");
  assert.is(toSql(COUNTED), "(agent_type = 'user' AND is_pageview)");
  assert.is(toSql(OLD_OR_NO_LAST_ACCESS), "(NOT nocookies AND (last_access IS NULL OR last_access < period_start))");
});

test.run();
