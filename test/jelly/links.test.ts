import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeUntilStable, parseLink } from "../../src/jelly/links";

const MAGIC = "https://join.jelly-party.com/?redirectURL=";

test("the original's example: a magic link encoded twice", () => {
  const link = `${MAGIC}https%253A%252F%252Fwww.youtube.com%252Fwatch%253Fv%253DoOYA-jsWTmc&jellyPartyId=smart-contraries-border-firmly`;
  assert.equal(parseLink(link), { host: "www.youtube.com", path: "/watch", query: "v=oOYA-jsWTmc", problem: null });
});

test("older clients: the target encoded once", () => {
  const link = `${MAGIC}https%3A%2F%2Fwww.netflix.com%2Fwatch%2F80117470%3FtrackId%3D14170286&jellyPartyId=calm-otters-sing-loudly`;
  assert.equal(parseLink(link), { host: "www.netflix.com", path: "/watch/80117470", query: "trackId=14170286", problem: null });
});

test("the host is kept as urllib gives it (case, port), as the original counted it", () => {
  assert.is(parseLink(`${MAGIC}https%253A%252F%252FWWW.Crave.CA%253A443%252Fen`).host, "WWW.Crave.CA:443");
  assert.is(parseLink(`${MAGIC}https%253A%252F%252Fwww.caf%25C3%25A9.fr%252F`).host, "www.café.fr");
  // A truncated link still has a (bogus) host: the original counted it too.
  assert.is(parseLink(`${MAGIC}https%253A%252F%252Fwww.netfl`).host, "www.netfl");
});

test("decoding repeats until stable: a target encoded three times still has its host", () => {
  // The original decoded twice and got netloc "" (path "https%3A%2F%2Fwww.hulu.com%2Fwatch") here.
  assert.is(parseLink(`${MAGIC}https%25253A%25252F%25252Fwww.hulu.com%25252Fwatch`).host, "www.hulu.com");
  assert.is(decodeUntilStable("a%252520b"), "a b");
  assert.is(decodeUntilStable("100%"), "100%");
});

test("what has no usable redirect is named, not dropped", () => {
  const none = { host: null, path: null, query: null };
  assert.equal(parseLink("https://www.netflix.com/watch/80117470?jellyPartyId=calm-otters-sing-loudly"), { ...none, problem: "no redirectURL" });
  assert.equal(parseLink("undefined"), { ...none, problem: "no redirectURL" });
  assert.equal(parseLink(`${MAGIC}&jellyPartyId=x`), { ...none, problem: "no redirectURL" });
  assert.equal(parseLink(null), { ...none, problem: "no link" });
  assert.equal(parseLink(undefined), { ...none, problem: "no link" });
  assert.equal(parseLink(`${MAGIC}http%253A%252F%252F%255Blocalhost%255D%253A3000%252F`), { ...none, problem: "malformed URL" });
  assert.equal(parseLink(`${MAGIC}www.netflix.com%252Fwatch%252F1`), { host: null, path: "www.netflix.com/watch/1", query: "", problem: "no host in redirect" });
});

test.run();
