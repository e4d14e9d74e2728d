import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { and, before, column, cookieDate, COUNTED, equals, literal, missing, not, OLD_OR_NO_LAST_ACCESS, or, toPolars, toSql } from "../../src/uniques/definition";

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
