import { test } from "uvu";
import * as assert from "uvu/assert";
import { hostsOf, joinLinks, topHosts, unparsedLinks, unparsedSummary } from "../../src/jelly/join-events";
import { eventsFrame, magic } from "./events";

const NETFLIX = magic("https://www.netflix.com/watch/80117470?trackId=1");
const YOUTUBE = magic("https://www.youtube.com/watch?v=oOYA-jsWTmc");
const HULU = magic("https://www.hulu.com/watch/1");

const events = eventsFrame([
  { at: 0, type: "join", uuid: "a", link: NETFLIX },
  { at: 1, type: "join", uuid: "b", link: YOUTUBE },
  { at: 2, type: "disconnect", uuid: "a" },
  { at: 3, type: "join", uuid: "c", link: NETFLIX },
  { at: 4, type: "join", uuid: "d", link: "https://www.netflix.com/watch/80117470?jellyPartyId=x" },
  { at: 5, type: "join", uuid: "e", link: null },
  { at: 6, type: "join", uuid: "f", link: YOUTUBE },
  { at: 7, type: "join", uuid: "g", link: HULU },
  { at: 8, type: "partyCreated" },
  { at: 9, type: "join", uuid: "h", link: "undefined" },
]);

test("every join with its link taken apart, in time order", () => {
  const joins = joinLinks(events);
  assert.equal(joins.columns, ["line", "time", "uuid", "link", "host", "path", "query", "problem"]);
  assert.equal(joins.getColumn("uuid").toArray(), ["a", "b", "c", "d", "e", "f", "g", "h"]);
  assert.equal(joins.getColumn("host").toArray(), ["www.netflix.com", "www.youtube.com", "www.netflix.com", null, null, "www.youtube.com", "www.hulu.com", null]);
  assert.equal(joins.getColumn("path").toArray()[0], "/watch/80117470");
  assert.equal(joins.getColumn("query").toArray()[1], "v=oOYA-jsWTmc");
  assert.equal(joins.getColumn("problem").toArray(), [null, null, null, "no redirectURL", "no link", null, null, "no redirectURL"]);
});

test("top hosts by joins, most first, equal counts in host order", () => {
  const top = topHosts(joinLinks(events), 12);
  assert.equal(top.toRecords(), [
    { host: "www.netflix.com", joins: 2 },
    { host: "www.youtube.com", joins: 2 },
    { host: "www.hulu.com", joins: 1 },
  ]);
  assert.equal(hostsOf(topHosts(joinLinks(events), 1)), ["www.netflix.com"]);
});

test("joins without a site, counted by reason, with an example", () => {
  assert.equal(unparsedLinks(joinLinks(events)).toRecords(), [
    { problem: "no redirectURL", joins: 2, example: "https://www.netflix.com/watch/80117470?jellyPartyId=x" },
    { problem: "no link", joins: 1, example: "(none)" },
  ]);
  const summary = unparsedSummary(joinLinks(events));
  assert.equal([summary.joins, summary.unparsed, summary.by_problem.length], [8, 3, 2]);
});

test.run();
