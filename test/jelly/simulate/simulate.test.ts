import { createHash } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulateHits, type Hit } from "../../../src/jelly/simulate/simulate";

const hits: Hit[] = [...simulateHits({ sessions: 5000, seed: 7 })];
const decoded = (h: Hit) => h._source["message_decoded"] as { type?: string; data?: { uuid?: string; clientState?: { currentlyWatching?: string } }; activeClients?: number } | undefined;

test("the same seed gives the same documents", () => {
  const hash = (hs: Iterable<Hit>) => {
    const h = createHash("sha256");
    for (const x of hs) h.update(JSON.stringify(x));
    return h.digest("hex");
  };
  assert.is(hash(simulateHits({ sessions: 5000, seed: 7 })), hash(hits));
  assert.is.not(hash(simulateHits({ sessions: 5000, seed: 8 })), hash(hits));
});

test("hits as scan yields them: daily filebeat indices, in index order, not in time order", () => {
  for (const h of hits.slice(0, 2000)) {
    const t = h._source["@timestamp"] as string;
    assert.is(h._index, `filebeat-7.9.1-${t.slice(0, 10).replace(/-/g, ".")}`);
    assert.match(h._id, /^[A-Za-z0-9_-]{20}$/);
    assert.is(h._source["message"], decoded(h) ? JSON.stringify(decoded(h)) : h._source["message"]);
  }
  const times = hits.map((h) => Date.parse(h._source["@timestamp"] as string));
  assert.ok(times.some((t, i) => i > 0 && t < (times[i - 1] as number)), "some documents come before earlier ones");
  assert.equal([...new Set(hits.map((h) => h._index))], [...new Set(hits.map((h) => h._index))].sort());
});

test("every kind of document and every link variant is there", () => {
  const types = new Set(hits.map((h) => decoded(h)?.type ?? (decoded(h)?.activeClients !== undefined ? "stats" : "none")));
  assert.equal([...types].sort(), ["disconnect", "join", "none", "partyCreated", "partyRemoved", "stats"]);
  const joins = hits.filter((h) => decoded(h)?.type === "join");
  const links = joins.map((h) => decoded(h)?.data?.clientState?.currentlyWatching);
  const count = (p: (l: string | undefined) => boolean) => links.filter(p).length;
  assert.ok(count((l) => /redirectURL=https%253A%252F%252F/.test(l ?? "")) > joins.length * 0.8, "magic links encoded twice, most");
  assert.ok(count((l) => /redirectURL=https%3A%2F%2F/.test(l ?? "")) > 0, "encoded once");
  assert.ok(count((l) => /^https:\/\/(?!join\.)[^?]*\?.*jellyPartyId=/.test(l ?? "") || /^https:\/\/(?!join\.).*&jellyPartyId=/.test(l ?? "")) > 0, "the site's URL with jellyPartyId");
  assert.ok(count((l) => l !== undefined && !l.includes("jellyPartyId") && l.startsWith("https://") && !l.startsWith("https://join.")) > 0, "the site's URL alone");
  assert.ok(count((l) => l === "undefined") > 0, "undefined");
  assert.ok(count((l) => l === undefined) > 0, "no clientState");
  assert.ok(count((l) => /%255Blocalhost%255D/.test(l ?? "")) > 0, "a host urllib refuses");
});

test("sessions without a disconnect, and disconnects whose join is before the window", () => {
  const byUuid = new Map<string, { t: number; type: string }[]>();
  for (const h of hits) {
    const d = decoded(h);
    const uuid = d?.data?.uuid;
    if (!uuid || (d?.type !== "join" && d?.type !== "disconnect")) continue;
    if (!byUuid.has(uuid)) byUuid.set(uuid, []);
    byUuid.get(uuid)!.push({ t: Date.parse(h._source["@timestamp"] as string), type: d.type });
  }
  const sessions = [...byUuid.values()].map((es) => es.sort((a, b) => a.t - b.t));
  assert.ok(Math.abs(sessions.length - 5000) < 150, `${sessions.length} sessions`);
  assert.ok(sessions.some((es) => es[0]!.type === "disconnect"), "a session starting with its disconnect");
  assert.ok(sessions.some((es) => es.every((e) => e.type === "join")), "a session without a disconnect");
  assert.ok(sessions.every((es) => es.every((e, i) => i === 0 || e.t > es[i - 1]!.t)), "no two events of a client at the same millisecond");
});

test.run();
