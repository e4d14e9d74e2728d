import { test } from "uvu";
import * as assert from "uvu/assert";
import { COLUMNS, NEEDED } from "../../../src/clubhouse/load/schema";

test("the dataset's ten columns in its order; the analysis reads five of them", () => {
  assert.equal(COLUMNS.map(([name]) => name), ["user_id", "name", "photo_url", "username", "twitter", "instagram", "num_followers", "num_following", "time_created", "invited_by_user_profile"]);
  assert.ok(NEEDED.every((c) => COLUMNS.some(([name]) => name === c)));
  assert.is(NEEDED.length, 5);
});

test.run();
