import { test } from "uvu";
import * as assert from "uvu/assert";
import { slugify, Slugger } from "../../src/report/slug";

test("slugs are lowercase words joined by dashes, accents dropped", () => {
  assert.is(slugify("Visits per day"), "visits-per-day");
  assert.is(slugify("  Top-N: the 3 busiest days!  "), "top-n-the-3-busiest-days");
  assert.is(slugify("Übersicht & Größe"), "ubersicht-große");
  assert.is(slugify("cell_3"), "cell-3", "never an underscore, so never one of the report's own ids");
  assert.is(slugify("?!"), "section");
});

test("repeated headings get distinct ids, skipping ids a real heading already took", () => {
  const s = new Slugger();
  assert.equal(["Results", "Results", "Results 1", "Results"].map((t) => s.id(t)), ["results", "results-1", "results-1-1", "results-2"]);
});

test.run();
