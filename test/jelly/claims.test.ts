// The notebook's conclusion is a claim checked against the data: on the sample YouTube sessions
// are shorter than Netflix sessions; on the same sample with the two sites' names swapped in every
// link, they are longer, and the claim must come out false.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, scratch } from "../helpers";

const NOTEBOOK = join(ROOT, "notebooks", "jelly-party.ipynb");
const CONCLUSION = "People watch differently on different platforms: YouTube sessions are shorter than Netflix sessions, by the means and by the ranks.";

function claimsOf(eventsPath: string, out: string): Map<string, boolean> {
  const r = spawnSync(process.execPath, [join(ROOT, "dist", "engine", "cli.js"), "report", NOTEBOOK, "-p", "eventsPath", eventsPath, "--out", out], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
  assert.is(r.status, 0, r.stderr);
  const claims = JSON.parse(readFileSync(join(out, "jelly-party.json"), "utf8")).claims as { text: string; holds: boolean }[];
  return new Map(claims.map((c) => [c.text, c.holds]));
}

test("YouTube shorter than Netflix: true on the sample, false when the two sites trade places", () => {
  const { dir, cleanup } = scratch();
  try {
    const sample = join(ROOT, "data", "jelly", "sample.ndjson.gz");
    assert.is(claimsOf(sample, join(dir, "sample")).get(CONCLUSION), true);

    const text = gunzipSync(readFileSync(sample)).toString("utf8");
    assert.ok(text.includes("www.youtube.com") && text.includes("www.netflix.com"));
    const swapped = text.replaceAll("www.youtube.com", "\u0000").replaceAll("www.netflix.com", "www.youtube.com").replaceAll("\u0000", "www.netflix.com");
    const file = join(dir, "swapped.ndjson.gz");
    writeFileSync(file, gzipSync(swapped));
    const claims = claimsOf(file, join(dir, "swapped"));
    assert.is(claims.get(CONCLUSION), false);
    const html = readFileSync(join(dir, "swapped", "jelly-party.html"), "utf8");
    assert.match(html, /class="claims-banner"[^]*YouTube sessions are shorter than Netflix sessions/);
  } finally {
    cleanup();
  }
});

test.run();
