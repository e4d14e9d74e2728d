import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SAMPLE_PATH, SAMPLE_SEED, SAMPLE_SESSIONS } from "../../../src/jelly/simulate/data-cli";
import { simulateHits } from "../../../src/jelly/simulate/simulate";

test("the committed sample is exactly what the simulator writes (npm run data reproduces it)", () => {
  const committed = createHash("sha256").update(gunzipSync(readFileSync(SAMPLE_PATH))).digest("hex");
  const hash = createHash("sha256");
  for (const hit of simulateHits({ sessions: SAMPLE_SESSIONS, seed: SAMPLE_SEED })) hash.update(`${JSON.stringify(hit)}\n`);
  assert.is(hash.digest("hex"), committed);
});

test.run();
