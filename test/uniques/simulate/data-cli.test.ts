import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FULL_PATH, SAMPLE_PATH, SAMPLE_SCALE, SAMPLE_TRUTH_PATH, SEED } from "../../../src/uniques/simulate/data-cli";
import { monthlyUniques } from "../../../src/uniques/estimate";
import { loadRequests } from "../../../src/uniques/load/webrequest";
import { Simulation } from "../../../src/uniques/simulate/simulation";
import { readTruth } from "../../../src/uniques/load/truth";
import { errorByPlatform, truthError } from "../../../src/uniques/truth-error";
import { writeExtract } from "../../../src/uniques/simulate/write";
import { ROOT, scratch } from "../../helpers";

test("the sample is committed under data/uniques, the full extract under data/uniques/full", () => {
  assert.is(relative(ROOT, SAMPLE_PATH), "data/uniques/webrequest.tsv.gz");
  assert.is(relative(ROOT, SAMPLE_TRUTH_PATH), "data/uniques/truth.json");
  assert.is(relative(ROOT, FULL_PATH), "data/uniques/full/webrequest.tsv.gz");
});

test("the committed sample and its truth are what the seeded simulation writes", async () => {
  const { dir, cleanup } = scratch();
  try {
    const file = join(dir, "sample.tsv.gz");
    const truth = join(dir, "truth.json");
    await writeExtract(new Simulation({ seed: SEED, scale: SAMPLE_SCALE }), file, truth);
    assert.ok(gunzipSync(readFileSync(file)).equals(gunzipSync(readFileSync(SAMPLE_PATH))), "same requests");
    const { what_if: _, ...committed } = JSON.parse(readFileSync(SAMPLE_TRUTH_PATH, "utf8")) as Record<string, unknown>;
    assert.equal(JSON.parse(readFileSync(truth, "utf8")), committed);
  } finally {
    cleanup();
  }
});

test("the what-if runs in the committed truth start from the same world: 'as simulated' is the sample's own error", () => {
  const truth = readTruth(SAMPLE_TRUTH_PATH);
  assert.is(truth.whatIfScale, SAMPLE_SCALE);
  const own = errorByPlatform(truthError(monthlyUniques(loadRequests(SAMPLE_PATH)), truth)).select("platform", "estimate", "truth").toRecords();
  const asSimulated = truth.whatIf?.filter(pl.col("scenario").eq(pl.lit("as simulated")));
  assert.equal(asSimulated?.select("platform", "estimate", "truth").toRecords(), own);
  assert.equal(truth.whatIf?.getColumn("scenario").toArray(), ["as simulated", "as simulated", "without carrier NAT", "without carrier NAT", "without changing addresses", "without changing addresses"]);
});

test.run();
