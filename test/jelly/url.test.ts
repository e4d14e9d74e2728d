// Expected values are what Python 3.11's urllib.parse returns for the same input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { queryValue, unquote, urlparse } from "../../src/jelly/url";

test("urlparse splits like Python's", () => {
  assert.equal(urlparse("https://WWW.Crave.CA:443/en/movie;x=1?q=1#frag"), {
    scheme: "https",
    netloc: "WWW.Crave.CA:443",
    path: "/en/movie",
    params: "x=1",
    query: "q=1",
    fragment: "frag",
  });
  // No scheme, no "//": everything is path (urlparse("www.netflix.com/watch/1").netloc == "").
  assert.is(urlparse("www.netflix.com/watch/1").netloc, "");
  assert.is(urlparse("www.netflix.com/watch/1").path, "www.netflix.com/watch/1");
  // Leading spaces and control characters are stripped, tabs and newlines removed anywhere.
  assert.is(urlparse("  https://play.stan.com.au/pro\ngrams").path, "/programs");
  assert.is(urlparse("about:blank").scheme, "about");
  assert.is(urlparse("about:blank").netloc, "");
});

test("urlparse refuses what Python refuses (ValueError)", () => {
  assert.throws(() => urlparse("http://[localhost]:3000/"), /address/);
  assert.throws(() => urlparse("http://[::1/"), /Invalid IPv6 URL/);
  assert.throws(() => urlparse("http://[1.2.3.4]/"), /IPv4/);
  // U+2100 ACCOUNT OF becomes "a/c" under NFKC.
  assert.throws(() => urlparse("https://\u2100.com/"), /NFKC/);
  assert.is(urlparse("http://[::1]:8080/v").netloc, "[::1]:8080");
});

test("unquote: UTF-8, replacement characters, stray percent signs left alone", () => {
  assert.is(unquote("caf%C3%A9"), "café");
  assert.is(unquote("bad%ZZ.com"), "bad%ZZ.com");
  assert.is(unquote("100%"), "100%");
  assert.is(unquote("%C3x"), "\ufffdx");
  assert.is(unquote("a+b"), "a+b");
  assert.is(unquote("%EF%BB%BFx"), "\ufeffx");
});

test("queryValue is parse_qs(query)[name][0]: first non-blank value, + as space", () => {
  assert.is(queryValue("a=1&redirectURL=x%2By+z&redirectURL=other", "redirectURL"), "x+y z");
  assert.is(queryValue("redirectURL=&redirectURL=second", "redirectURL"), "second");
  assert.is(queryValue("redirectURL&jellyPartyId=x", "redirectURL"), undefined);
  assert.is(queryValue("", "redirectURL"), undefined);
});

test.run();
