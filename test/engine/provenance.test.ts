import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { sha256File } from "../../src/engine/provenance";
import { scratch } from "../helpers";

test("sha256File gives the published SHA-256 test vectors, and the one-shot digest of a file read in several blocks", async () => {
  const { dir, cleanup } = scratch();
  try {
    // FIPS 180-2, appendix B: "abc", and one million times "a".
    writeFileSync(join(dir, "abc"), "abc");
    writeFileSync(join(dir, "million"), "a".repeat(1_000_000));
    assert.is(await sha256File(join(dir, "abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert.is(await sha256File(join(dir, "million")), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 2.5 MB: three 1 MB reads, the last one short.
    const content = Buffer.alloc(2_500_000, "clubhouse ");
    writeFileSync(join(dir, "blocks"), content);
    assert.is(await sha256File(join(dir, "blocks")), createHash("sha256").update(content).digest("hex"));
    await sha256File(join(dir, "missing")).then(
      () => assert.unreachable("a missing file has no hash"),
      (e: Error) => assert.match(e.message, /ENOENT/),
    );
  } finally {
    cleanup();
  }
});

test.run();
