import { test } from "uvu";
import * as assert from "uvu/assert";
import { COLUMNS, dayOf, monthOf, NEEDED } from "../../src/clubhouse/schema";

test("days and months are UTC calendar days and months", () => {
  assert.is(dayOf(Date.parse("2020-03-17T23:59:59.999Z")), "2020-03-17");
  assert.is(dayOf(Date.parse("2020-03-18T00:30:00+01:00")), "2020-03-17");
  assert.is(monthOf(Date.parse("2020-05-31T23:30:00-01:00")), "2020-06");
});

test("the dataset's ten columns in its order; the analysis reads five of them", () => {
  assert.equal(COLUMNS.map(([name]) => name), ["user_id", "name", "photo_url", "username", "twitter", "instagram", "num_followers", "num_following", "time_created", "invited_by_user_profile"]);
  assert.ok(NEEDED.every((c) => COLUMNS.some(([name]) => name === c)));
  assert.is(NEEDED.length, 5);
});

test.run();
