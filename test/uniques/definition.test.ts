import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { and, before, column, cookieDate, COUNTED, delimited, equals, isCookieless, LAST_ACCESS_PATTERN, lastAccessPrefix, lastAccessValue, literal, missing, NOCOOKIES_PATTERN, not, OLD_OR_NO_LAST_ACCESS, or, toPolars, toSql } from "../../src/uniques/definition";

test("cookie dates read as pandas' %d-%b-%Y reads them; anything else is null", () => {
  // What pandas.to_datetime(format="%d-%b-%Y", errors="coerce") gives, checked by hand with pandas 1.5.
  const cases: Array<[string, string | null]> = [
    ["14-Dec-2015", "2015-12-14"],
    ["4-Dec-2015", "2015-12-04"],
    [" 4-Dec-2015", "2015-12-04"],
    ["14-dec-2015", "2015-12-14"],
    ["14-DEC-2015", "2015-12-14"],
    ["29-Feb-2016", "2016-02-29"],
    ["31-Feb-2016", null],
    ["29-Feb-2015", null],
    ["0-Dec-2015", null],
    ["14-Dec-2015x", null],
    ["x14-Dec-2015", null],
    ["14-Dec-15", null],
    ["14-Dec-02015", null],
    ["14-Sept-2015", null],
    ["14 Dec 2015", null],
    ["2015-12-14", null],
    ["", null],
  ];
  const frame = pl.DataFrame({ v: cases.map(([v]) => v) }).select(cookieDate(pl.col("v")).dt.strftime("%Y-%m-%d").alias("d"));
  assert.equal(frame.getColumn("d").toArray(), cases.map(([, d]) => d));
});

test("X-Analytics: nocookies=1 exactly; WMF-Last-Access, not WMF-Last-Access-Global, the first one; other keys ignored; as the SQL's patterns say", () => {
  const xa = ["nocookies=1", "https=1;nocookies=1;x=2", "nocookies=10", "nocookies=0", "xnocookies=1", "WMF-Last-Access-Global=14-Dec-2015", "a=1;WMF-Last-Access-Global=1-Jan-2016;WMF-Last-Access=14-Dec-2015;b", "WMF-Last-Access=", "", "xWMF-Last-Access=1;WMF-Last-Access=2", "WMF-Last-Access=3;WMF-Last-Access=4", "WMF-Last-Access= 4-Dec-2015"];
  const header = delimited(pl.col("xa"));
  const frame = pl.DataFrame({ xa }).select(isCookieless(header).alias("n"), lastAccessValue(lastAccessPrefix(header)).alias("v"));
  assert.equal(frame.getColumn("n").toArray(), [true, true, false, false, false, false, false, false, false, false, false, false]);
  assert.equal(frame.getColumn("v").toArray(), [null, null, null, null, null, null, "14-Dec-2015", "", null, "2", "3", " 4-Dec-2015"]);
  // The regular expressions the SQL uses give the same answers.
  assert.equal(frame.getColumn("n").toArray(), xa.map((x) => new RegExp(NOCOOKIES_PATTERN).test(x)));
  assert.equal(frame.getColumn("v").toArray(), xa.map((x) => new RegExp(LAST_ACCESS_PATTERN).exec(x)?.[2] ?? null));
});

test("a value longer than any readable date is cut, and stays unreadable", () => {
  const values = ["14-Dec-2015x", "14-Dec-20155", "Mon, 14 Dec 2015 00:00:00 GMT", "14-Dec-2015"];
  const frame = pl.DataFrame({ xa: values.map((v) => `https=1;WMF-Last-Access=${v};WMF-Last-Access-Global=14-Dec-2015`) });
  const read = frame.select(cookieDate(lastAccessValue(lastAccessPrefix(delimited(pl.col("xa"))))).dt.strftime("%Y-%m-%d").alias("d"));
  assert.equal(read.getColumn("d").toArray(), [null, null, null, "2015-12-14"]);
});

test("terms print as SQL and evaluate in polars to the same answers", () => {
  assert.is(toSql(and(equals(column("a"), literal("it's")), not(missing(column("b"))))), "(a = 'it''s' AND NOT b IS NULL)");
  assert.is(toSql(or(before(column("d"), column("e")), literal(true))), "(d < e OR TRUE)");
  const rows = pl.DataFrame({
    agent_type: ["user", "user", "spider", "user"],
    is_pageview: [true, false, true, true],
    nocookies: [false, false, false, true],
    last_access: pl.Series("last_access", [new Date("2016-01-01"), null, new Date("2016-02-01"), null], pl.Date),
    period_start: pl.Series("period_start", [new Date("2016-01-15"), new Date("2016-01-15"), new Date("2016-01-15"), new Date("2016-01-15")], pl.Date),
  });
  const out = rows.select(toPolars(COUNTED).alias("counted"), toPolars(OLD_OR_NO_LAST_ACCESS).alias("old"));
  assert.equal(out.getColumn("counted").toArray(), [true, false, false, true]);
  assert.equal(out.getColumn("old").toArray(), [true, true, false, false]);
});

test.run();
