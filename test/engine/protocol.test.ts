import { test } from "uvu";
import * as assert from "uvu/assert";
import { decode, DELIMITER, encode, newMessage, sign } from "../../src/engine/protocol";

test("signs the concatenated parts with HMAC-SHA256 (RFC 4231 test case 2)", () => {
  // key "Jefe", data "what do ya want for nothing?", split in two parts as a message would be.
  assert.is(sign("Jefe", ["what do ya ", "want for nothing?"]), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
});

test("an empty key means unsigned messages, as Jupyter allows", () => {
  assert.is(sign("", ["{}"]), "");
});

test("encode puts the delimiter, the signature and four JSON parts on the wire; decode reads them back", () => {
  const msg = newMessage("execute_request", "session-1", { code: "1 + 1" });
  const frames = encode("secret", msg);
  assert.is(frames[0], DELIMITER);
  assert.is(frames.length, 6);
  assert.is(frames[1], sign("secret", frames.slice(2)));
  // A ROUTER prefixes routing identities; decode must skip them.
  const back = decode("secret", [Buffer.from("identity"), ...frames.map((f) => Buffer.from(f))]);
  assert.equal(back.content, { code: "1 + 1" });
  assert.is(back.header.msg_type, "execute_request");
  assert.is(back.header.version, "5.3");
});

test("decode refuses a tampered message and one without a delimiter", () => {
  const frames = encode("secret", newMessage("status", "s", { execution_state: "idle" })).map((f) => Buffer.from(f));
  frames[5] = Buffer.from(JSON.stringify({ execution_state: "busy" }));
  assert.throws(() => decode("secret", frames), /bad HMAC/);
  assert.throws(() => decode("secret", [Buffer.from("x")]), /delimiter/);
});

test.run();
