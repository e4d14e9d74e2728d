// Up to date by content, end to end through the CLI (dist/, as `npm run report` runs it): the demo
// notebook on a copy of its CSV, touched, changed by one byte, run with a new parameter.
import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { code, DEMO, markdown, ROOT, runCli, scratch, writeNotebook } from "../helpers";

const cli = (args: string[]) => runCli(args);

test("a report is skipped while its inputs' bytes, parameters and notebook are unchanged, and re-run with what changed", () => {
  const { dir, cleanup } = scratch();
  try {
    const csv = join(dir, "visits.csv");
    const out = join(dir, "out");
    copyFileSync(join(ROOT, "data", "demo", "visits.csv"), csv);
    const report = (...more: string[]) => {
      const r = cli(["report", DEMO, "-p", "dataPath", csv, "--out", out, ...more]);
      assert.is(r.status, 0, r.stderr);
      return r.stderr;
    };
    const changes = () => JSON.parse(readFileSync(join(out, "demo.changes.json"), "utf8")) as unknown[];
    const html = () => readFileSync(join(out, "demo.html"), "utf8");

    assert.match(report(), "ran in");
    assert.equal(changes(), []);
    assert.match(html(), "No earlier run to compare with");
    const written = statSync(join(out, "demo.html")).mtimeMs;

    assert.match(report(), /^demo: up to date \(last run 20\d\d-/m);
    assert.is(statSync(join(out, "demo.html")).mtimeMs, written, "nothing was written");

    const later = new Date(Date.now() + 10_000);
    utimesSync(csv, later, later);
    assert.match(report(), "demo: up to date", "touched, same bytes");

    // One byte: Monday 2024-05-06 had 1,204 visits, now 1,205; the 14 days' total was 16,282.
    const text = readFileSync(csv, "utf8");
    assert.ok(text.includes("2024-05-06,Mon,1204,31"));
    writeFileSync(csv, text.replace("2024-05-06,Mon,1204,31", "2024-05-06,Mon,1205,31"));
    const rerun = report();
    assert.match(rerun, "visits.csv changed");
    assert.match(rerun, "since the last run: 1 change in 1 recorded result; largest moves: total_visits 16282 → 16283 (+0.0061 %)");
    assert.equal(changes(), [{ name: "total_visits", path: "", kind: "changed", before: 16282, after: 16283, relative: 1 / 16282 }]);
    assert.match(html(), "What changed since the last run");
    assert.match(html(), "<code>total_visits</code>");

    assert.match(report("-p", "topN", "2"), "(the parameters changed)");
    // The three busiest days were 05-16, 05-09, 05-14; the top two are the first two of them.
    assert.equal(changes(), [{ name: "busiest_days", path: "", kind: "changed", before: ["2024-05-16", "2024-05-09", "2024-05-14"], after: ["2024-05-16", "2024-05-09"] }]);
    assert.match(report("-p", "topN", "2"), "demo: up to date");
    assert.match(report("-p", "topN", "2", "--force"), "(--force)");
    assert.match(html(), "Nothing changed: every recorded result is the same");
  } finally {
    cleanup();
  }
});

test("a file read with fs and nothing declared counts; an absent one looked for counts, and its appearance makes the report stale", () => {
  const { dir, cleanup } = scratch();
  try {
    const sidecar = join(dir, "sidecar.json");
    const optional = join(dir, "optional.json");
    writeFileSync(sidecar, '{"n": 1}');
    const nb = writeNotebook(dir, "sidecar.ipynb", [
      code(`import { readFileSync, existsSync } from "fs";\nconst n: number = JSON.parse(readFileSync("sidecar.json", "utf8")).n + (existsSync("optional.json") ? 100 : 0);\nimport { record } from "analysis/display";\nrecord("n", n);`),
    ]);
    const out = join(dir, "out");
    const run = () => {
      const r = cli(["report", nb, "--out", out]);
      assert.is(r.status, 0, r.stderr);
      return r.stderr;
    };
    assert.match(run(), "ran in");
    const files = (JSON.parse(readFileSync(join(out, "sidecar.fingerprint.json"), "utf8")) as { fingerprint: { files: { path: string; kind: string }[] } }).fingerprint.files;
    assert.equal(files.map((f) => [f.path, f.kind]), [["optional.json", "absent"], ["sidecar.json", "file"]]);
    assert.match(run(), "up to date");
    writeFileSync(sidecar, '{"n": 2}');
    assert.match(run(), "sidecar.json changed");
    writeFileSync(optional, "{}");
    assert.match(run(), "optional.json appeared");
    assert.equal(JSON.parse(readFileSync(join(out, "sidecar.json"), "utf8")), { n: 102 });
  } finally {
    cleanup();
  }
});

test("claims: recorded with whether they hold, marked in the report and the terminal; --strict fails the run and keeps the last good report", () => {
  const { dir, cleanup } = scratch();
  try {
    const nb = writeNotebook(dir, "claims.ipynb", [
      markdown("# Claims"),
      code("const visits: number = 16282;", ["parameters"]),
      code('import { claim, md } from "analysis/display";\nmd`There were ${visits} visits.`;\nclaim("More than 10,000 people visited.", visits > 10000);'),
    ]);
    const out = join(dir, "out");
    const run = (...more: string[]) => cli(["report", nb, "--out", out, ...more]);
    const records = () => JSON.parse(readFileSync(join(out, "claims.json"), "utf8")) as Record<string, unknown>;

    const good = run();
    assert.is(good.status, 0, good.stderr);
    assert.equal(records()["claims"], [{ text: "More than 10,000 people visited.", holds: true }]);
    const html = readFileSync(join(out, "claims.html"), "utf8");
    assert.match(html, "There were 16,282 visits.");
    assert.not.match(html, `class="claims-banner"`);

    const untrue = run("-p", "visits", "9000");
    assert.is(untrue.status, 0, "a false claim alone does not fail the run");
    assert.match(untrue.stderr, "⚠ does not hold for this data: More than 10,000 people visited.");
    assert.equal(records()["claims"], [{ text: "More than 10,000 people visited.", holds: false }]);
    const marked = readFileSync(join(out, "claims.html"), "utf8");
    assert.match(marked, /class="claims-banner"[^]*More than 10,000 people visited\./);
    assert.match(marked, /class="output-markdown claim-false"/);
    assert.match(marked, "There were 9,000 visits.");

    // The same data with --strict: up to date, but its claim is false, so the command fails.
    assert.is(run("-p", "visits", "9000", "--strict").status, 1);
    run(); // back to the good data
    const strict = run("-p", "visits", "8000", "--strict");
    assert.is(strict.status, 1);
    assert.match(strict.stderr, "a claim does not hold (--strict): More than 10,000 people visited.");
    assert.equal(records()["claims"], [{ text: "More than 10,000 people visited.", holds: true }], "the last good report stays");
  } finally {
    cleanup();
  }
});

test("the library's worker threads (the unique-devices loader's) do not make the run read the whole environment: an unrelated variable changed leaves it up to date", () => {
  const { dir, cleanup } = scratch();
  try {
    const extract = join(ROOT, "data", "uniques", "webrequest.tsv.gz");
    const nb = writeNotebook(dir, "workers.ipynb", [
      markdown("# Requests"),
      code(`import { loadRequests } from "analysis/uniques/load/webrequest";\nconst requests = loadRequests(${JSON.stringify(extract)});\nrequests.counts.height`),
    ]);
    const out = join(dir, "out");
    const run = (value: string) => {
      const r = runCli(["report", nb, "--out", out], { env: { ANALYSIS_TEST_UNRELATED: value } });
      assert.is(r.status, 0, r.stderr);
      return r.stderr;
    };
    assert.match(run("one"), "ran in");
    const seal = JSON.parse(readFileSync(join(out, "workers.fingerprint.json"), "utf8")) as { fingerprint: { env: Record<string, unknown> } };
    assert.not.ok("ANALYSIS_TEST_UNRELATED" in seal.fingerprint.env, Object.keys(seal.fingerprint.env).join(", "));
    assert.match(run("two"), "workers: up to date");
  } finally {
    cleanup();
  }
});

test.run();
