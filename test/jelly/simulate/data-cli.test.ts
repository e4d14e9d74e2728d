import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MONTHS_PATH, SAMPLE_PATH, SAMPLE_SEED, SAMPLE_SESSIONS } from "../../../src/jelly/simulate/data-cli";
import { simulateHits } from "../../../src/jelly/simulate/simulate";

test("the committed sample is exactly what the simulator writes (npm run data reproduces it)", () => {
  const committed = createHash("sha256").update(gunzipSync(readFileSync(SAMPLE_PATH))).digest("hex");
  const hash = createHash("sha256");
  for (const hit of simulateHits({ sessions: SAMPLE_SESSIONS, seed: SAMPLE_SEED })) hash.update(`${JSON.stringify(hit)}\n`);
  assert.is(hash.digest("hex"), committed);
});

test("the committed months sample is the same sessions spread over the whole window, June to 5 October 2020", () => {
  const committed = createHash("sha256").update(gunzipSync(readFileSync(MONTHS_PATH))).digest("hex");
  const hash = createHash("sha256");
  const months = new Set<string>();
  for (const hit of simulateHits({ sessions: SAMPLE_SESSIONS, seed: SAMPLE_SEED, span: 1 })) {
    hash.update(`${JSON.stringify(hit)}\n`);
    months.add(String(hit._source["@timestamp"]).slice(0, 7));
  }
  assert.is(hash.digest("hex"), committed);
  assert.equal([...months].sort(), ["2020-06", "2020-07", "2020-08", "2020-09", "2020-10"]);
});

test.run();
