import { test } from "uvu";
import * as assert from "uvu/assert";
import { domainName, ipv4, MALFORMED_DATES, PROJECTS } from "../../../src/uniques/simulate/world";
import { epochDay } from "../../../src/calendar";

test("projects from about a hundred devices a day to tens of thousands, with desktop and mobile domains", () => {
  const sizes = PROJECTS.map((p) => p.dailyDevices);
  assert.ok(Math.min(...sizes) <= 120 && Math.max(...sizes) >= 20_000);
  const es = PROJECTS.find((p) => p.bucket === "es.wikipedia");
  assert.ok(es);
  assert.is(domainName(es, false), "es.wikipedia.org");
  assert.is(domainName(es, true), "es.m.wikipedia.org");
});

test("addresses are dotted quads in the given ranges; mangled dates are not cookie dates", () => {
  const ip = ipv4([83], 12345);
  assert.match(ip, /^83\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
  assert.is(ipv4([83], 12345), ip);
  assert.equal(MALFORMED_DATES.map((f) => f(epochDay("2015-12-14"))), ["undefined", "", "14-Dec-15", "2015-12-14"]);
});

test.run();
