import { test } from "uvu";
import * as assert from "uvu/assert";
import { BROKEN, tailSites, TOP_SITES } from "../../../src/jelly/simulate/sites";
import { Random } from "../../../src/stats/random";

test("the top 12 carry the original's table", () => {
  assert.is(TOP_SITES.length, 12);
  const netflix = TOP_SITES.find((s) => s.host === "www.netflix.com")!;
  assert.is(netflix.sessions, 9436);
  assert.is(netflix.joinsPerSession, 27758 / 9436);
  assert.equal([netflix.meanMinutes, netflix.stdMinutes], [47.5, 73.5]);
  assert.ok(BROKEN.some((s) => s.host === "www.crunchyroll.com") && BROKEN.some((s) => s.host === "www3.animeflv.net"));
});

test("the tail: distinct hosts, none big enough to enter the top 12", () => {
  const random = new Random(3);
  const tail = tailSites({ sessions: 150_000, sites: 8000, next: () => random.next() });
  assert.is(tail.length, 8000);
  assert.is(new Set([...tail, ...TOP_SITES, ...BROKEN].map((s) => s.host)).size, 8000 + 12 + BROKEN.length);
  assert.ok(Math.abs(tail.reduce((a, s) => a + s.sessions, 0) - 150_000) < 1e-6);
  const crave = TOP_SITES.find((s) => s.host === "www.crave.ca")!;
  const biggest = Math.max(...tail.map((s) => s.sessions * s.joinsPerSession));
  assert.ok(biggest < crave.sessions * crave.joinsPerSession, `biggest tail site: ${biggest} joins`);
});

test.run();
