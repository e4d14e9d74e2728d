// reports.json: the runs it makes (a notebook's defaults, named runs, grids, and a default run for
// every notebook it does not list), and each way it can be wrong, refused as one line naming the
// manifest, the entry and what was expected, exit 2, before any kernel starts.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readManifest, valueProblem } from "../../src/engine/manifest";
import { code, runCli, scratch, writeNotebook } from "../helpers";

/** A project folder: notebooks/a.ipynb (string, number and union parameters, one undeclared), notebooks/b.ipynb (none), notebooks/py.ipynb (Python), notebooks/.draft.ipynb (hidden). */
function project(): { dir: string; cleanup: () => void; manifest: (json: unknown) => string } {
  const { dir, cleanup } = scratch();
  const nbs = join(dir, "notebooks");
  mkdirSync(nbs);
  writeNotebook(nbs, "a.ipynb", [code(`const month: string = "";\nconst topN: number = 3;\nconst mode: "fast" | "exact" = "fast";\nconst sizes: number[] = [1];\nconst limit = 10;`, ["parameters"]), code("console.log(month, topN);")]);
  writeNotebook(nbs, "b.ipynb", [code("console.log(1);")]);
  writeNotebook(nbs, ".draft.ipynb", [code("console.log(2);")]);
  const py = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } }, cells: [] };
  writeFileSync(join(nbs, "py.ipynb"), JSON.stringify(py));
  const manifest = (json: unknown) => {
    const file = join(dir, "reports.json");
    writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json, null, 2));
    return file;
  };
  return { dir, cleanup, manifest };
}

test("the issue's grid: one run per value, named by the template, a comparison named after it; unlisted notebooks run with their defaults, hidden ones not at all", () => {
  const { dir, cleanup, manifest } = project();
  try {
    const file = manifest({ reports: [{ notebook: "notebooks/a.ipynb", name: "a-{month}", grid: { month: ["2021-01", "2021-02", "2021-03"] } }] });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const plan = readManifest(file, "notebooks");
      assert.equal(
        plan.runs.filter((r) => r.notebook === "notebooks/a.ipynb").map((r) => [r.name, r.parameters, r.set]),
        [
          ["a-2021-01", { month: "2021-01" }, "a"],
          ["a-2021-02", { month: "2021-02" }, "a"],
          ["a-2021-03", { month: "2021-03" }, "a"],
        ],
      );
      assert.equal(plan.sets, [{ name: "a", notebook: "notebooks/a.ipynb", runs: ["a-2021-01", "a-2021-02", "a-2021-03"], grid: ["a-2021-01", "a-2021-02", "a-2021-03"] }]);
      // b and py are not listed: each gets its default run (py then fails as it does today, at its
      // run); .draft, hidden, gets none.
      assert.equal(plan.runs.slice(3).map((r) => [r.notebook, r.name, r.parameters]), [
        ["notebooks/b.ipynb", "b", {}],
        ["notebooks/py.ipynb", "py", {}],
      ]);
    } finally {
      process.chdir(cwd);
    }
  } finally {
    cleanup();
  }
});

test("a grid of two keys varies the first slowest; named values; fixed parameters; the defaults' run beside a grid in one set", () => {
  const { dir, cleanup, manifest } = project();
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const file = manifest({
      reports: [
        {
          notebook: "notebooks/a.ipynb",
          set: "a-months",
          parameters: { mode: "exact" },
          runs: [{ name: "a" }],
          name: "a-{month}-top{topN}",
          grid: { month: { all: "", jan: "2021-01" }, topN: [3, 5] },
        },
        { notebook: "notebooks/b.ipynb", name: "b-again" },
      ],
    });
    const plan = readManifest(file, "notebooks");
    assert.equal(
      plan.runs.map((r) => [r.name, r.parameters]),
      [
        ["a", { mode: "exact" }],
        ["a-all-top3", { mode: "exact", month: "", topN: 3 }],
        ["a-all-top5", { mode: "exact", month: "", topN: 5 }],
        ["a-jan-top3", { mode: "exact", month: "2021-01", topN: 3 }],
        ["a-jan-top5", { mode: "exact", month: "2021-01", topN: 5 }],
        ["b-again", {}],
        ["py", {}],
      ],
    );
    assert.equal(plan.sets, [{ name: "a-months", notebook: "notebooks/a.ipynb", runs: ["a", "a-all-top3", "a-all-top5", "a-jan-top3", "a-jan-top5"], grid: ["a-all-top3", "a-all-top5", "a-jan-top3", "a-jan-top5"] }]);
    assert.equal(plan.runs[5]?.set, undefined, "one run is no comparison");
  } finally {
    process.chdir(cwd);
    cleanup();
  }
});

test("values against declared types: primitives, literal unions, arrays, objects, Record; undeclared by the default's kind", () => {
  const p = (type: string | undefined, value?: unknown) => ({ name: "x", ...(type ? { type } : {}), ...(value !== undefined ? { value: value as never } : {}) });
  assert.is(valueProblem("2021-01", p("string")), undefined);
  assert.is(valueProblem(202101, p("string")), `202101 is not a string (declared string)`);
  assert.is(valueProblem(5, p("number")), undefined);
  assert.is(valueProblem("5", p("number")), `"5" is not a number (declared number)`);
  assert.is(valueProblem(true, p("boolean")), undefined);
  assert.is(valueProblem("exact", p(`"fast" | "exact"`)), undefined);
  assert.is(valueProblem("slow", p(`"fast" | "exact"`)), `"slow" is not "fast" or "exact" (declared "fast" | "exact")`);
  assert.is(valueProblem(null, p("string | null")), undefined);
  assert.is(valueProblem([1, 2], p("number[]")), undefined);
  assert.is(valueProblem([1, "2"], p("readonly number[]")), `[1,"2"] is not an array whose item 1 is a number (declared readonly number[])`);
  assert.is(valueProblem([1, 2], p("Array<number>")), undefined);
  assert.is(valueProblem(["a", 1], p("[string, number]")), undefined);
  assert.is(valueProblem({ from: "2021-01" }, p("{ from: string; to?: string }")), undefined);
  assert.is(valueProblem({}, p("{ from: string; to?: string }")), `{} is not an object with "from" (declared { from: string; to?: string })`);
  assert.is(valueProblem({ from: "a", extra: 1 }, p("{ from: string }")), `{"from":"a","extra":1} is not an object without "extra" (it declares from) (declared { from: string })`);
  assert.is(valueProblem({ a: 1 }, p("Record<string, number>")), undefined);
  // A named type is the injected cell's to check.
  assert.is(valueProblem("anything", p("Minutes")), undefined);
  // Undeclared: the kind of the default.
  assert.is(valueProblem(5, p(undefined, 10)), undefined);
  assert.is(valueProblem("5", p(undefined, 10)), `"5" is not a number (like its default 10)`);
  assert.is(valueProblem("x", p(undefined)), undefined);
});

/** Each bad manifest, the line it gets; checked through the CLI: exit 2, one line, nothing written, no kernel. */
const BAD: [string, unknown, RegExp][] = [
  ["invalid JSON, with where", `{"reports": [\n  {"notebook": "notebooks/a.ipynb",}\n]}`, /^reports\.json: not JSON: .* at line 2 column \d+$/],
  ["not an object", [], /^reports\.json: expected an object \{"reports": \[\.\.\.\]\}, got an array$/],
  ["unknown top-level key", { reports: [], report: [] }, /^reports\.json: unknown key "report"; the manifest has only "reports"$/],
  ["unknown entry key", { reports: [{ notebook: "notebooks/a.ipynb", params: {} }] }, /^reports\.json: reports\[0\]: unknown key "params"; an entry takes notebook, name, parameters, grid, runs, set$/],
  ["missing notebook", { reports: [{ notebook: "notebooks/nope.ipynb" }] }, /^reports\.json: reports\[0\] \(notebooks\/nope\.ipynb\): notebooks\/nope\.ipynb: cannot read the notebook \(ENOENT\)$/],
  ["no notebook key", { reports: [{ name: "x" }] }, /^reports\.json: reports\[0\]: "notebook" must be the path of a notebook/],
  ["another kernel", { reports: [{ notebook: "notebooks/py.ipynb" }] }, /^reports\.json: reports\[0\] \(notebooks\/py\.ipynb\): notebooks\/py\.ipynb: its kernel is Python 3 \(python3\), language python; the runner runs TypeScript notebooks on tslab$/],
  ["unknown parameter", { reports: [{ notebook: "notebooks/a.ipynb", parameters: { monht: "2021-01" } }] }, /^reports\.json: reports\[0\] \(notebooks\/a\.ipynb\): parameters: unknown parameter "monht"; the notebook's parameters are: month, topN, mode, sizes, limit$/],
  ["wrong type", { reports: [{ notebook: "notebooks/a.ipynb", name: "a-{topN}", grid: { topN: [3, "five"] } }] }, /^reports\.json: reports\[0\] \(notebooks\/a\.ipynb\): grid\.topN: parameter topN: "five" is not a number \(declared number\)$/],
  ["duplicate names", { reports: [{ notebook: "notebooks/a.ipynb", name: "x" }, { notebook: "notebooks/b.ipynb", name: "x" }] }, /^reports\.json: reports\[1\] \(notebooks\/b\.ipynb\): name: the name x is taken by reports\[0\] \(notebooks\/a\.ipynb\): each run needs its own files$/],
  ["a listed name an unlisted notebook takes", { reports: [{ notebook: "notebooks/a.ipynb", name: "b" }] }, /^notebooks\/b\.ipynb is not in the manifest and would run as b, a name the manifest gives another run: list it with a name of its own$/],
  ["a name unsafe as a file name", { reports: [{ notebook: "notebooks/a.ipynb", name: "../a" }] }, /^reports\.json: reports\[0\] \(notebooks\/a\.ipynb\): name: the name "\.\.\/a" is not a report name/],
  ["a grid value that makes an unsafe name", { reports: [{ notebook: "notebooks/a.ipynb", name: "a-{month}", grid: { month: ["2021/01"] } }] }, /grid \{"month":"2021\/01"\}: the name "a-2021\/01" is not a report name/],
  ["a template key not in the grid", { reports: [{ notebook: "notebooks/a.ipynb", name: "a-{month}-{topN}", grid: { month: ["x"] } }] }, /^reports\.json: reports\[0\] \(notebooks\/a\.ipynb\): the name "a-\{month\}-\{topN\}" uses \{topN\}, which is not a key of the grid \(month\)$/],
  ["a grid key the template does not use", { reports: [{ notebook: "notebooks/a.ipynb", name: "a-{month}", grid: { month: ["x"], topN: [1, 2] } }] }, /the name "a-\{month\}" does not use \{topN\}: the grid's runs would share their files$/],
  ["an empty grid", { reports: [{ notebook: "notebooks/a.ipynb", name: "a", grid: {} }] }, /^reports\.json: reports\[0\] \(notebooks\/a\.ipynb\): "grid" must be an object of parameter → values, with at least one parameter, got \{\}$/],
  ["a grid key with no values", { reports: [{ notebook: "notebooks/a.ipynb", name: "a-{month}", grid: { month: [] } }] }, /grid\.month is empty: a grid of no runs$/],
  ["a grid without a name", { reports: [{ notebook: "notebooks/a.ipynb", grid: { month: ["x"] } }] }, /a grid needs "name", a template using each of its keys/],
  ["two sets of one name", { reports: [{ notebook: "notebooks/a.ipynb", name: "a-{topN}", grid: { topN: [1, 2] } }, { notebook: "notebooks/a.ipynb", name: "a-{month}", grid: { month: ["x", "y"] } }] }, /reports\[1\] \(notebooks\/a\.ipynb\): the comparison a is already another entry's: give this one a "set" of its own$/],
];

test("each bad manifest: one line naming the manifest, the entry and what was expected; exit 2; nothing written", () => {
  const { dir, cleanup, manifest } = project();
  try {
    for (const [what, json, line] of BAD) {
      manifest(json);
      const run = runCli(["reports", "--out", "out"], { cwd: dir, timeout: 30_000 });
      assert.is(run.status, 2, `${what}: ${run.stderr}`);
      assert.is(run.stderr.split("\n").filter((l) => l !== "").length, 1, `${what}: one line\n${run.stderr}`);
      assert.match(run.stderr.trim(), line, what);
      assert.not.ok(readdirSync(dir).includes("out"), `${what}: nothing written`);
    }
    // --manifest names another file, which must exist.
    const run = runCli(["reports", "--manifest", "elsewhere.json"], { cwd: dir, timeout: 30_000 });
    assert.is(run.status, 2);
    assert.match(run.stderr.trim(), /^elsewhere\.json: cannot read the manifest \(ENOENT\)$/);
  } finally {
    cleanup();
  }
});

test("report --name: a name safe as a file name; reports takes no --name", () => {
  const bad = runCli(["report", "notebooks/demo.ipynb", "--name", "a/b"]);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /^--name "a\/b": a report name is letters, digits, - and _/);
  const reports = runCli(["reports", "--name", "x"]);
  assert.is(reports.status, 2);
  assert.match(reports.stderr, /^--name applies to one notebook/);
});

test.run();
