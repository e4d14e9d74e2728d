import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulation } from "../../../src/uniques/simulate/simulation";
import { requestLine, timeOfDay, writeExtract } from "../../../src/uniques/simulate/write";
import { scratch } from "../../helpers";

test("a request is one tab-separated line in the extract's column order", () => {
  const line = requestLine("2016-01-15", { second: 3 * 3600 + 13 * 60 + 55, domain: "es.m.wikipedia.org", ip: "83.1.2.3", userAgent: "UA", acceptLanguage: "", xAnalytics: "nocookies=1", agentType: "user", isPageview: true });
  assert.is(line, "2016-01-15T03:13:55Z\tes.m.wikipedia.org\t83.1.2.3\tUA\t\tnocookies=1\tuser\ttrue");
  assert.is(timeOfDay(0), "00:00:00");
  assert.is(timeOfDay(12 * 3600 + 5), "12:00:05");
  assert.is(timeOfDay(86_399), "23:59:59");
});

test("writes the gzipped extract with its header and the truth beside it, leaving no temporary file", async () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "w.tsv.gz");
    const truthFile = join(dir, "truth.json");
    const written = await writeExtract(new Simulation({ seed: 3, scale: 0.002, days: 10 }), file, truthFile);
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    assert.is(lines[0], "dt\turi_host\tip\tuser_agent\taccept_language\tx_analytics\tagent_type\tis_pageview");
    assert.is(lines.length - 1, written.rows);
    assert.ok(lines.slice(1).every((l) => l.split("\t").length === 8));
    const truth = JSON.parse(readFileSync(truthFile, "utf8")) as { days: number; monthly: Record<string, number> };
    assert.is(truth.days, 10);
    assert.ok(Object.keys(truth.monthly).length > 10);
    assert.equal(readdirSync(dir).sort(), ["truth.json", "w.tsv.gz"]);
    assert.ok(existsSync(file));
  } finally {
    cleanup();
  }
});

test.run();
