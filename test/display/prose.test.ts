import { test } from "uvu";
import * as assert from "uvu/assert";
import { above, all, asPercent, atLeast, below, captureDisplays, claim, CLAIM_MIME, md, quote } from "../../src/display";

test("md quotes computed values as a reader reads them, and escapes Markdown in quoted text", () => {
  const [shown] = captureDisplays(() => md`Sign-ups peaked on ${new Date("2021-02-05T00:00:00Z")} with ${1234567} users (${0.123456} of them *new*), led by ${"user_1*"}.`);
  assert.is(shown!.data["text/markdown"], "Sign-ups peaked on 2021-02-05 with 1,234,567 users (0.1235 of them *new*), led by user\\_1\\*.");
  assert.is(quote(["a", 2]), "a, 2");
  assert.equal([asPercent(0.85765), asPercent(0.0704), asPercent(0.001234)], ["86 %", "7.0 %", "0.12 %"]);
});

test("claim: a statement that holds is shown as it is; one that does not is marked, and both are recorded", () => {
  const [yes, no] = captureDisplays(() => {
    claim("YouTube sessions are shorter than Netflix sessions.", true);
    claim("Sign-ups explode from December 2020 to February 2021.", false);
  });
  assert.is(yes!.data["text/markdown"], "YouTube sessions are shorter than Netflix sessions.");
  assert.equal(yes!.data[CLAIM_MIME], { text: "YouTube sessions are shorter than Netflix sessions.", holds: true });
  assert.is(no!.data["text/markdown"], "**⚠ Does not hold for the data this run read:** ~~Sign-ups explode from December 2020 to February 2021.~~");
  assert.equal(no!.data[CLAIM_MIME], { text: "Sign-ups explode from December 2020 to February 2021.", holds: false });
  assert.throws(() => claim("", true), /the statement is empty/);
  assert.throws(() => claim("x", 1 as unknown as boolean), /expected true, false or null/);
});

test("claim(text, null): not checked on this data, recorded as such, never shown as true", () => {
  const [shown] = captureDisplays(() => claim("Mobile domains come out lower than desktop domains.", null));
  assert.equal(shown!.data[CLAIM_MIME], { text: "Mobile domains come out lower than desktop domains.", holds: null });
  assert.match(String(shown!.data["text/markdown"]), /^\*\*Not checked on this data\*\*/);
});

test("comparisons on values that may be missing: null (cannot tell), never a comparison with 0; all() in three-valued logic", () => {
  assert.equal([above(2, 1), above(1, 2), above(1, 1), above(null, 1), above(1, undefined), above(Number.NaN, 1)], [true, false, false, null, null, null]);
  assert.equal([below(1, 2), below(2, 1), below(null, 0), below("2020-08", "2020-09")], [true, false, null, true]);
  assert.equal([atLeast(0.2, 0.2), atLeast(0.1, 0.2), atLeast(undefined, 0.2)], [true, false, null]);
  // Kleene's strong three-valued conjunction: false wins, then unknown.
  assert.equal([all(true, true), all(true, null), all(null, false), all(false, true), all()], [true, null, false, false, true]);
  assert.is(asPercent(null), "n/a");
});

test.run();
