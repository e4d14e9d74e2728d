import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { firstBinTallest, leadingHostsAre, meansUnderADay, shortShareRange } from "../../src/jelly/findings";

test("the leading hosts, in any order; the means and deviations under a day (1,440 minutes)", () => {
  const top = pl.DataFrame({ host: ["a", "b", "c", "d"], joins: [9, 8, 7, 6] });
  assert.ok(leadingHostsAre(top, ["b", "a", "c"]));
  assert.not.ok(leadingHostsAre(top, ["a", "b", "d"]));
  assert.is(leadingHostsAre(top.head(2), ["a", "b", "c"]), null, "fewer rows than hosts: cannot tell");
  assert.ok(meansUnderADay(pl.DataFrame({ mean_minutes_exact: [30, null], std_minutes_exact: [1439.9, 5] })));
  assert.not.ok(meansUnderADay(pl.DataFrame({ mean_minutes_exact: [30, 1440], std_minutes_exact: [5, 5] })));
});

test("the first bin towers over the rest only when strictly the tallest", () => {
  assert.ok(firstBinTallest({ edges: [0, 1, 2, 3], counts: [10, 3, 9] }));
  assert.not.ok(firstBinTallest({ edges: [0, 1, 2, 3], counts: [10, 10, 1] }));
  assert.is(firstBinTallest({ edges: [], counts: [] }), null);
  assert.is(firstBinTallest({ edges: [0, 1, 2], counts: [0, 0] }), null, "no values: cannot tell");
  assert.is(meansUnderADay(pl.DataFrame({ mean_minutes_exact: [null], std_minutes_exact: [null] })), null);
});

test("shares of sessions under a minute", () => {
  const shares = pl.DataFrame({ host: ["a", "b", "c"], share: [0.3, 0.8, null] });
  assert.equal(shortShareRange(shares), { min: 0.3, max: 0.8 });
  assert.equal(shortShareRange(shares, ["a"]), { min: 0.3, max: 0.3 });
  assert.is(shortShareRange(shares, ["c"]), null);
});

test.run();
