import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Notebook } from "../../src/notebook/notebook";
import ts from "typescript";
import { injectedSource, injectParameters, parseDefaults, parseValue, setParameter, type ParameterValue } from "../../src/engine/parameters";

const notebook = (): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Title" },
    { cell_type: "code", metadata: { tags: ["parameters"] }, source: 'const dataPath: string = "../data/x.csv";\nlet topN = 3;\nconst since = new Date();', outputs: [], execution_count: null },
    { cell_type: "code", metadata: {}, source: "console.log(topN)", outputs: [], execution_count: null },
  ],
});

test("command-line values are JSON when they parse, strings otherwise (papermill's rule)", () => {
  assert.is(parseValue("3"), 3);
  assert.is(parseValue("true"), true);
  assert.equal(parseValue("[1,2]"), [1, 2]);
  assert.is(parseValue('"3"'), "3");
  assert.is(parseValue("../data/x.csv"), "../data/x.csv");
  assert.is(parseValue("null"), null);
});

test("defaults: names, declared types and literal values of the top-level declarations", () => {
  assert.equal(parseDefaults(notebook().cells[1]!.source as string), [
    { name: "dataPath", type: "string", value: "../data/x.csv" },
    { name: "topN", value: 3 },
    { name: "since" },
  ]);
  assert.equal(parseDefaults("const a = -2.5, b = [1, 'x'], c = { k: true, n: null };"), [
    { name: "a", value: -2.5 },
    { name: "b", value: [1, "x"] },
    { name: "c", value: { k: true, n: null } },
  ]);
});

test("the injected cell keeps declared types, so a wrong value fails to compile in that cell", () => {
  const defaults = parseDefaults('const dataPath: string = "a";\nconst n = 1;');
  assert.is(injectedSource({ dataPath: "b.csv", n: 5 }, defaults), '// Parameters injected by the report runner\nconst dataPath: string = "b.csv";\nconst n = 5;');
});

test("injection puts a cell tagged injected-parameters right after the parameters cell", () => {
  const { notebook: nb, used } = injectParameters(notebook(), { topN: 5 }, "demo.ipynb");
  assert.is(nb.cells.length, 4);
  assert.equal(nb.cells[2]!.metadata["tags"], ["injected-parameters"]);
  assert.match(nb.cells[2]!.source as string, /const topN = 5;/);
  assert.equal(used, { dataPath: "../data/x.csv", topN: 5 });
  // Injecting into an executed notebook replaces its injected cell instead of stacking another.
  const again = injectParameters(nb, { topN: 7 }, "demo.ipynb").notebook;
  assert.is(again.cells.length, 4);
  assert.match(again.cells[2]!.source as string, /const topN = 7;/);
});

test("unknown parameter names are an error that lists the known ones", () => {
  assert.throws(() => injectParameters(notebook(), { topn: 5 }, "demo.ipynb"), (e: Error) =>
    e.message === "demo.ipynb: unknown parameter topn; the notebook's parameters are: dataPath, topN, since",
  );
  const bare = notebook();
  bare.cells[1]!.metadata = {};
  assert.throws(() => injectParameters(bare, { topN: 5 }, "x.ipynb"), /no cell tagged "parameters"/);
});

test("a number JSON cannot hold is an error naming the parameter, not a silent null", () => {
  // `-p topN 1e400`: JSON.parse gives Infinity, which JSON.stringify would inject as null.
  assert.is(parseValue("1e400"), Infinity);
  assert.throws(() => injectParameters(notebook(), { topN: parseValue("1e400") }, "demo.ipynb"), (e: Error) =>
    e.name === "DataError" && e.message.startsWith("demo.ipynb: parameter topN is Infinity, a number JSON cannot hold"),
  );
  assert.throws(() => injectParameters(notebook(), { topN: NaN }, "demo.ipynb"), /parameter topN is NaN/);
  assert.throws(() => injectParameters(notebook(), { topN: parseValue('[1, {"k": -1e999}]') }, "demo.ipynb"), /parameter topN\[1\]\.k is -Infinity/);
});

test("__proto__ and other names that are no declared identifier are unknown names", () => {
  // As the CLI collects them: an own property, so the name is not lost in the prototype.
  const values: Record<string, ParameterValue> = {};
  setParameter(values, "__proto__", "x");
  assert.equal(Object.keys(values), ["__proto__"]);
  assert.throws(() => injectParameters(notebook(), values, "demo.ipynb"), (e: Error) =>
    e.message === "demo.ipynb: unknown parameter __proto__; the notebook's parameters are: dataPath, topN, since",
  );
  assert.throws(() => injectParameters(notebook(), { "top-N": 1, toString: 2 }, "demo.ipynb"), /unknown parameters top-N, toString;/);
});

test("U+2028 and U+2029 in a value are escaped, so the injected cell compiles and keeps them", () => {
  const value = "line\u2028separator\u2029paragraph";
  const source = injectedSource({ dataPath: value }, parseDefaults('const dataPath: string = "a";'));
  assert.not.match(source, /[\u2028\u2029]/);
  const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  assert.equal(out.diagnostics, []);
  // The string the cell declares is the value itself.
  const declared = new Function(`${out.outputText.replace(/^export \{\};?$/m, "")}; return dataPath;`)() as string;
  assert.is(declared, value);
  // (Unescaped, tslab's cell splits at U+2028 and reports "Unterminated string literal".)
});

test.run();
