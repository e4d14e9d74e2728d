import { test } from "uvu";
import * as assert from "uvu/assert";
import { asPercent, captureDisplays, claim, CLAIM_MIME, md, quote } from "../../src/display";

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
  assert.throws(() => claim("x", 1 as unknown as boolean), /expected true or false/);
});

test.run();
