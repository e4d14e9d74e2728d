import { test } from "uvu";
import * as assert from "uvu/assert";
import { joinLinks } from "../../src/jelly/join-events";
import { describeSessions, sessionsOf } from "../../src/jelly/sessions";
import { eventsFrame, magic } from "./events";

const NETFLIX = magic("https://www.netflix.com/watch/1");
const YOUTUBE = magic("https://www.youtube.com/watch?v=x");

// a: joins, rejoins on YouTube, disconnects 90 minutes after the first join → Netflix, 90 minutes.
// b: only a disconnect (its join fell before the window) → no site, 0 minutes.
// c: joins and rejoins, no disconnect → ends at the rejoin, 30 minutes.
// d: a single join → 0 minutes.
// e: its first event a join without a link, then a proper rejoin → no site (the first event decides).
// No uuid: dropped, as pandas' groupby drops NaN keys.
const events = eventsFrame([
  { at: 0, type: "join", uuid: "a", link: NETFLIX },
  { at: 5, type: "disconnect", uuid: "b" },
  { at: 10, type: "join", uuid: "c", link: YOUTUBE },
  { at: 20, type: "join", uuid: "a", link: YOUTUBE },
  { at: 25, type: "partyCreated" },
  { at: 40, type: "join", uuid: "c", link: YOUTUBE },
  { at: 50, type: "join", uuid: "d", link: NETFLIX },
  { at: 60, type: "join", uuid: "e", link: null },
  { at: 61, type: "join", uuid: "e", link: NETFLIX },
  { at: 70, type: "join", uuid: null, link: NETFLIX },
  { at: 90, type: "disconnect", uuid: "a" },
]);

test("one session per uuid: first to last event, site of the first event", () => {
  const sessions = sessionsOf(events, joinLinks(events));
  assert.equal(sessions.columns, ["uuid", "start", "end", "duration_ms", "events", "first_event", "disconnected", "link", "host"]);
  const rows = sessions.select("uuid", "duration_ms", "events", "first_event", "disconnected", "host").toRecords();
  assert.equal(rows, [
    { uuid: "a", duration_ms: 90 * 60_000, events: 3, first_event: "join", disconnected: true, host: "www.netflix.com" },
    { uuid: "b", duration_ms: 0, events: 1, first_event: "disconnect", disconnected: true, host: null },
    { uuid: "c", duration_ms: 30 * 60_000, events: 2, first_event: "join", disconnected: false, host: "www.youtube.com" },
    { uuid: "d", duration_ms: 0, events: 1, first_event: "join", disconnected: false, host: "www.netflix.com" },
    { uuid: "e", duration_ms: 60_000, events: 2, first_event: "join", disconnected: false, host: null },
  ]);
});

test("the counts that describe them", () => {
  const d = describeSessions(sessionsOf(events, joinLinks(events))).toRecords()[0];
  assert.equal(d, { sessions: 5, with_site: 3, starting_with_disconnect: 1, without_disconnect: 3, day_or_longer: 0 });
});

test.run();
