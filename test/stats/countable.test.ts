import { test } from "uvu";
import * as assert from "uvu/assert";
import { countable } from "../../src/stats/countable";

test("counting pays up to a range of four slots a number plus 1024", () => {
  assert.ok(countable(0, 1024, 0), "a few small numbers");
  assert.not.ok(countable(0, 1025, 0));
  assert.ok(countable(10, 10 + 4 * 1000 + 1024, 1000));
  assert.not.ok(countable(10, 10 + 4 * 1000 + 1025, 1000));
  assert.not.ok(countable(0, 2 ** 31, 1_300_000), "user ids up to two billion among 1.3 million users");
});

test.run();
