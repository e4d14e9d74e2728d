import { test } from "uvu";
import * as assert from "uvu/assert";
import { mechanismEffects } from "../../../src/uniques/simulate/mechanisms";

test("what-if runs: the same devices and truth in every scenario; carrier NAT touches phones only", () => {
  const rows = mechanismEffects({ seed: 11, scale: 0.004 }, ["carrierNat"]).toRecords() as Array<Record<string, number | string>>;
  assert.equal(rows.map((r) => [r["scenario"], r["platform"]]), [["as simulated", "desktop"], ["as simulated", "mobile"], ["without carrier NAT", "desktop"], ["without carrier NAT", "mobile"]]);
  const [baseDesktop, baseMobile, desktop, mobile] = rows as unknown as Array<{ truth: number; estimate: number; change: number; relative_error: number }>;
  if (!baseDesktop || !baseMobile || !desktop || !mobile) throw new Error("four rows expected");
  assert.is(desktop.truth, baseDesktop.truth);
  assert.is(mobile.truth, baseMobile.truth);
  assert.is(desktop.estimate, baseDesktop.estimate);
  assert.is(desktop.change, 0);
  assert.is(mobile.change, (mobile.estimate - baseMobile.estimate) / mobile.truth);
  assert.ok(mobile.estimate > baseMobile.estimate, "without NAT more phones look unique");
  assert.is(baseMobile.relative_error, baseMobile.estimate / baseMobile.truth - 1);
});

test.run();
