// --pdf without Chromium: one line saying what to install, exit 2, nothing run or written.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { chromiumMissing, findChromium } from "../../src/report/pdf";
import { DEMO, runCli, scratch } from "../helpers";

test("Chromium is $CHROMIUM when set (and only then), else chromium on PATH", () => {
  const { dir, cleanup } = scratch();
  try {
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "chromium"), "#!/bin/sh\n", { mode: 0o755 });
    assert.equal(findChromium({ PATH: `/nowhere:${bin}` }), { path: join(bin, "chromium") });
    assert.equal(findChromium({ PATH: bin, CHROMIUM: "/opt/no/chrome" }), { missing: "$CHROMIUM names /opt/no/chrome, which does not exist" });
    assert.equal(findChromium({ PATH: "/nowhere" }), { missing: "no chromium on PATH ($CHROMIUM may name one)" });
    assert.is(chromiumMissing({ PATH: bin }), undefined);
    assert.match(chromiumMissing({ PATH: "/nowhere" }) ?? "", /install it with: apt-get install chromium$/);
  } finally {
    cleanup();
  }
});

test("report --pdf without Chromium: one line naming the install command, exit 2, no folder made, no kernel started", () => {
  const { dir, cleanup } = scratch();
  try {
    const out = join(dir, "out");
    for (const command of [["report", DEMO], ["reports"]]) {
      const r = runCli([...command, "--out", out, "--pdf"], { env: { CHROMIUM: join(dir, "no-chromium") } });
      assert.is(r.status, 2, r.stderr);
      assert.is(r.stdout, "");
      assert.is(r.stderr, `--pdf needs Chromium to print the report: $CHROMIUM names ${join(dir, "no-chromium")}, which does not exist; install it with: apt-get install chromium\n`);
      assert.not.ok(existsSync(out), "nothing written");
    }
    assert.equal(readdirSync(dir), []);
  } finally {
    cleanup();
  }
});

test("--pdf does not combine with --watch", () => {
  const r = runCli(["reports", "--pdf", "--watch"]);
  assert.is(r.status, 2);
  assert.match(r.stderr, "--pdf does not combine with --watch");
});

test.run();
