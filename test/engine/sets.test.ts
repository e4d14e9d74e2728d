// `npm run reports` with a manifest, on real kernels: a grid of three runs of one notebook, each a
// report of its own; when one run's input changes only that run runs again and the comparison page
// shows its new value in its column; the front page lists every report: up to date or not (and
// why), a claim that does not hold, a failed run pointing at its failed page; the last line names
// the page to open.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseArgs } from "../../src/engine/args";
import { writeOverview } from "../../src/engine/overview";
import type { Comparison } from "../../src/report/compare";
import { code, runCli, scratch, writeNotebook } from "../helpers";

function project(dir: string): void {
  const nbs = join(dir, "notebooks");
  const data = join(dir, "data");
  mkdirSync(nbs);
  mkdirSync(data);
  for (const [part, n] of [["a", 1], ["b", 2], ["c", 3]] as const) writeFileSync(join(data, `${part}.txt`), String(n));
  writeNotebook(nbs, "part.ipynb", [
    code(`const part: string = "a";`, ["parameters"]),
    code(`import { record } from "analysis/display";\nrecord("count", Number(require("node:fs").readFileSync("../data/" + part + ".txt", "utf8")));`),
  ]);
  // Not in the manifest: each gets its default run.
  writeNotebook(nbs, "claims.ipynb", [code(`import { claim, record } from "analysis/display";\nrecord("x", 1);\nclaim("The sky is green.", false);`)]);
  writeNotebook(nbs, "broken.ipynb", [code(`throw new Error("boom");`)]);
  writeFileSync(join(dir, "reports.json"), JSON.stringify({ reports: [{ notebook: "notebooks/part.ipynb", name: "part-{part}", grid: { part: ["a", "b", "c"] } }] }));
}

const counts = (out: string) => (JSON.parse(readFileSync(join(out, "part.compare.json"), "utf8")) as Comparison).numbers.find((n) => n.result === "count")?.values;

test("a grid of three: three reports; one input changes, only that run runs, the comparison shows its new value; the index says what is what", async () => {
  const { dir, cleanup } = scratch();
  try {
    project(dir);
    const out = join(dir, "out");
    const first = runCli(["reports", "--out", "out", "--jobs", "2"], { cwd: dir });
    assert.is(first.status, 1, "broken.ipynb fails");
    for (const name of ["part-a", "part-b", "part-c", "claims", "broken"]) assert.match(first.stderr, `${name}: runs: no earlier report`);
    assert.match(first.stderr, /^part-b \(notebooks\/part\.ipynb\): ran in /m);
    assert.equal(counts(out), [1, 2, 3]);
    assert.is(first.stdout.trim().split("\n").pop(), "open out/index.html");

    writeFileSync(join(dir, "data", "b.txt"), "20");
    const second = runCli(["reports", "--out", "out", "--jobs", "2"], { cwd: dir });
    assert.is(second.status, 1);
    assert.match(second.stderr, "part-b: runs: data/b.txt changed");
    assert.match(second.stderr, /part-a: up to date/);
    assert.match(second.stderr, /part-c: up to date/);
    assert.match(second.stderr, /claims: up to date/);
    assert.not.match(second.stderr, /part-[ac]: runs/);
    assert.equal(counts(out), [1, 20, 3]);
    const page = readFileSync(join(out, "part.compare.html"), "utf8");
    assert.match(page, /<th scope="col">part-a<\/th><th scope="col">part-b<\/th><th scope="col">part-c<\/th>/);
    assert.match(page, /<td class="num">1<\/td><td class="num differs">20<span class="delta">\+19 \(\+1900 %\)<\/span><\/td><td class="num differs">3<span class="delta">\+2 \(\+200 %\)<\/span><\/td>/);

    const index = readFileSync(join(out, "index.html"), "utf8");
    const row = (name: string) => new RegExp(`<tr><th scope="row">(<a href="${name}\\.html">)?${name}[^]*?</tr>`).exec(index)?.[0] ?? "";
    assert.match(row("part-b"), `<td class="status-ok">up to date</td>`);
    assert.match(row("part-b"), `<code>part = &quot;b&quot;</code>`);
    assert.match(row("part-b"), `<a href="part.compare.html">part</a>`);
    assert.match(row("part-b"), `<td>1 in 1 result</td>`, "its count changed at the last run");
    assert.match(row("part-a"), `<td>none</td><td><a href="part.compare.html">`, "nothing changed at its last run");
    assert.match(row("claims"), `<td class="holds-false"><details><summary>1 does not hold</summary><ul class="plain"><li>The sky is green.</li></ul></details></td>`);
    assert.match(row("broken"), /<td class="status-failed">the last run failed: failed at cell 1: [^<]*boom[^<]*\(<a href="broken\.failed\.html">its page<\/a>\)<\/td>/);
    assert.not.match(row("broken"), `href="broken.html"`, "no report to link to");

    // An input changes after the run: the front page, written again, says the report is not up to date and why.
    writeFileSync(join(dir, "data", "c.txt"), "30");
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await writeOverview(parseArgs(["reports", "--out", "out"], "notebooks"), []);
    } finally {
      process.chdir(cwd);
    }
    const stale = readFileSync(join(out, "index.html"), "utf8");
    assert.match(stale, /part-c<\/a>[^]*?<td class="status-stale">not up to date: data\/c\.txt changed<\/td>/);
    assert.match(stale, "5 reports, 2 not up to date, 1 with claims that do not hold; the latest run ");
  } finally {
    cleanup();
  }
});

test.run();
