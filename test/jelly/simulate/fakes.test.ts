import { test } from "uvu";
import * as assert from "uvu/assert";
import { citySampler, client, documentId, slug, uuid, videoUrl } from "../../../src/jelly/simulate/fakes";
import { Random } from "../../../src/stats/random";

test("ids, uuids and party slugs look like the real ones", () => {
  const r = new Random(1);
  assert.match(documentId(r), /^[A-Za-z0-9_-]{20}$/);
  assert.match(uuid(r), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(slug(r), /^[a-z]+-[a-z]+-[a-z]+-[a-z]+ly$/);
});

test("video URLs follow each site's path pattern, on the site's host", () => {
  const r = new Random(2);
  assert.match(videoUrl("www.netflix.com", r), /^https:\/\/www\.netflix\.com\/watch\/\d{8}\?trackId=\d{8}$/);
  assert.match(videoUrl("www.youtube.com", r), /^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}$/);
  assert.is(new URL(videoUrl("some.tail-site.tv", r)).host, "some.tail-site.tv");
});

test("a regional site's clients are mostly in its country", () => {
  const r = new Random(3);
  const city = citySampler(r);
  let india = 0;
  for (let i = 0; i < 1000; i++) if (client(r, city("IN")).geo.country_iso_code === "IN") india++;
  assert.ok(india > 750, `${india} of 1000`);
  assert.match(client(r, city()).ip, /^\d+\.\d+\.\d+\.0$/);
});

test.run();
