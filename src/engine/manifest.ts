// What `npm run reports` makes: the runs a manifest (reports.json at the project's root) lists,
// and one run with its defaults for each notebook in notebooks/ it does not list. A run is a
// notebook, a report name (its files: NAME.html, NAME.json, ...) and the parameters it is given.
// The manifest is checked whole before any kernel starts; each problem is one line naming the
// manifest, the entry and what was expected.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { DataError } from "../errors";
import { checkKernel, notebooksIn, readNotebook, reportName, sourceOf, type Cell } from "../notebook/notebook";
import type { ParameterDefault, ParameterValue } from "./parameters";
import { isObject } from "../json";

// The parameters' parser (TypeScript's) is loaded only when a manifest is read.
const parameters = () => require("./parameters") as typeof import("./parameters");

export interface Run {
  notebook: string;
  /** The report's file name without suffix. */
  name: string;
  /** The values given to the run (injected after the notebook's parameters cell); {} runs its defaults. */
  parameters: Record<string, ParameterValue>;
  /** The comparison (NAME.compare.html) this run belongs to, when its entry makes more than one run. */
  set?: string;
}

/** Runs of one entry compared side by side on reports/NAME.compare.html, in the entry's order. */
export interface RunSet {
  name: string;
  notebook: string;
  runs: string[];
  /** The runs its grid made, in the grid's order (the comparison's charts draw these); empty without a grid. */
  grid: string[];
}

export interface Plan {
  runs: Run[];
  sets: RunSet[];
}

/** A report name is also a file name: letters, digits, `-` and `_`, so that `.compare`, `.failed` and the set's suffixes stay apart. */
export const REPORT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export const MANIFEST = "reports.json";

/** The run `npm run report -- NOTEBOOK` makes: named after the notebook unless `--name`. */
export function runOf(notebook: string, parameters: Record<string, ParameterValue> = {}, name = reportName(notebook)): Run {
  return { notebook, name, parameters };
}

const ENTRY_KEYS = ["notebook", "name", "parameters", "grid", "runs", "set"];
const RUN_KEYS = ["name", "parameters"];

/** "line 3 column 7" for a JSON.parse error's position, when it gives one. */
function jsonPosition(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message.replace(/ in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "")} at line ${line} column ${column}`;
}

// ---- parameter values against their declared types ----

type Check = { ok: true } | { ok: false; expected: string } | { ok: "unknown" };
const OK: Check = { ok: true };
const UNKNOWN: Check = { ok: "unknown" };

function kindOf(v: ParameterValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

/**
 * Whether a JSON value fits a declared type, for the types parameters are declared with: the
 * primitives, literal types, unions, arrays, tuples, object types and Record<string, T>. Other
 * types (a named type, a Date) give "unknown": the run's injected cell is then what checks.
 */
function fits(value: ParameterValue, type: import("typescript").TypeNode, ts: typeof import("typescript")): Check {
  const want = (ok: boolean, expected: string): Check => (ok ? OK : { ok: false, expected });
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword:
      return want(typeof value === "string", "a string");
    case ts.SyntaxKind.NumberKeyword:
      return want(typeof value === "number", "a number");
    case ts.SyntaxKind.BooleanKeyword:
      return want(typeof value === "boolean", "true or false");
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return OK;
    case ts.SyntaxKind.UndefinedKeyword:
    case ts.SyntaxKind.NeverKeyword:
      return { ok: false, expected: "no value JSON can give" };
  }
  if (ts.isParenthesizedTypeNode(type)) return fits(value, type.type, ts);
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return fits(value, type.type, ts);
  if (ts.isLiteralTypeNode(type)) {
    const l = type.literal;
    if (l.kind === ts.SyntaxKind.NullKeyword) return want(value === null, "null");
    if (l.kind === ts.SyntaxKind.TrueKeyword) return want(value === true, "true");
    if (l.kind === ts.SyntaxKind.FalseKeyword) return want(value === false, "false");
    if (ts.isStringLiteral(l)) return want(value === l.text, JSON.stringify(l.text));
    if (ts.isNumericLiteral(l)) return want(value === Number(l.text), l.text);
    if (ts.isPrefixUnaryExpression(l) && ts.isNumericLiteral(l.operand)) return want(value === -Number(l.operand.text), `-${l.operand.text}`);
    return UNKNOWN;
  }
  if (ts.isUnionTypeNode(type)) {
    const checks = type.types.map((t) => fits(value, t, ts));
    if (checks.some((c) => c.ok === true)) return OK;
    if (checks.some((c) => c.ok === "unknown")) return UNKNOWN;
    return { ok: false, expected: checks.map((c) => (c.ok === false ? c.expected : "")).join(" or ") };
  }
  const arrayOf = (element: import("typescript").TypeNode): Check => {
    if (!Array.isArray(value)) return { ok: false, expected: "an array" };
    for (let i = 0; i < value.length; i++) {
      const c = fits(value[i] as ParameterValue, element, ts);
      if (c.ok !== true) return c.ok === false ? { ok: false, expected: `an array whose item ${i} is ${c.expected}` } : c;
    }
    return OK;
  };
  if (ts.isArrayTypeNode(type)) return arrayOf(type.elementType);
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const args = type.typeArguments ?? [];
    const name = type.typeName.text;
    if ((name === "Array" || name === "ReadonlyArray") && args.length === 1) return arrayOf(args[0] as import("typescript").TypeNode);
    if (name === "Record" && args.length === 2 && (args[0] as import("typescript").TypeNode).kind === ts.SyntaxKind.StringKeyword) {
      if (!isObject(value)) return { ok: false, expected: "an object" };
      for (const [k, v] of Object.entries(value)) {
        const c = fits(v, args[1] as import("typescript").TypeNode, ts);
        if (c.ok !== true) return c.ok === false ? { ok: false, expected: `an object whose ${JSON.stringify(k)} is ${c.expected}` } : c;
      }
      return OK;
    }
    return UNKNOWN;
  }
  if (ts.isTupleTypeNode(type)) {
    const elements = type.elements;
    if (elements.some((e) => ts.isNamedTupleMember(e) || ts.isOptionalTypeNode(e) || ts.isRestTypeNode(e))) return UNKNOWN;
    if (!Array.isArray(value) || value.length !== elements.length) return { ok: false, expected: `an array of ${elements.length}` };
    for (let i = 0; i < elements.length; i++) {
      const c = fits(value[i] as ParameterValue, elements[i] as import("typescript").TypeNode, ts);
      if (c.ok !== true) return c.ok === false ? { ok: false, expected: `an array whose item ${i} is ${c.expected}` } : c;
    }
    return OK;
  }
  if (ts.isTypeLiteralNode(type)) {
    if (!isObject(value)) return { ok: false, expected: "an object" };
    const declared = new Map<string, import("typescript").PropertySignature>();
    for (const m of type.members) {
      if (!ts.isPropertySignature(m) || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) || m.type === undefined) return UNKNOWN;
      declared.set(m.name.text, m);
    }
    for (const [k, m] of declared) {
      if (!(k in value)) {
        if (m.questionToken) continue;
        return { ok: false, expected: `an object with ${JSON.stringify(k)}` };
      }
      const c = fits(value[k] as ParameterValue, m.type as import("typescript").TypeNode, ts);
      if (c.ok !== true) return c.ok === false ? { ok: false, expected: `an object whose ${JSON.stringify(k)} is ${c.expected}` } : c;
    }
    const extra = Object.keys(value).find((k) => !declared.has(k));
    return extra === undefined ? OK : { ok: false, expected: `an object without ${JSON.stringify(extra)} (it declares ${[...declared.keys()].join(", ") || "nothing"})` };
  }
  return UNKNOWN;
}

/**
 * Why `value` cannot be the parameter's value, or undefined when it can: against its declared
 * type, or, undeclared, the kind of its default (a number for `const topN = 3`).
 */
export function valueProblem(value: ParameterValue, parameter: ParameterDefault): string | undefined {
  if (parameter.type !== undefined) {
    const ts = require("typescript") as typeof import("typescript");
    const file = ts.createSourceFile("t.ts", `let x: ${parameter.type};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    const decl = (file.statements[0] as import("typescript").VariableStatement).declarationList.declarations[0];
    if (decl?.type === undefined) return undefined;
    const c = fits(value, decl.type, ts);
    return c.ok === false ? `${JSON.stringify(value)} is not ${c.expected} (declared ${parameter.type})` : undefined;
  }
  if (parameter.value === undefined || parameter.value === null) return undefined;
  const expected = kindOf(parameter.value);
  return kindOf(value) === expected ? undefined : `${JSON.stringify(value)} is not ${expected} (like its default ${JSON.stringify(parameter.value)})`;
}

// ---- the manifest ----

/** A notebook as the manifest names it: found, a TypeScript notebook, and its parameters. */
interface Listed {
  path: string;
  parameters: ParameterDefault[];
}

/** Reads and checks the manifest `file`; notebooks are named relative to its folder and given back relative to the current folder. */
export function readManifest(file: string, notebooksDir = "notebooks"): Plan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DataError(`${file}: cannot read the manifest (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${file}: not JSON: ${jsonPosition(text, (e as Error).message)}`);
  }
  const plan = planOf(json, file);
  return withUnlisted(plan, notebooksDir);
}

/** The manifest's runs, then one default run for each notebook in `notebooksDir` that it does not list. */
function withUnlisted(plan: Plan, notebooksDir: string): Plan {
  let files: string[] = [];
  try {
    files = notebooksIn(notebooksDir);
  } catch {
    // no notebooks folder: only what the manifest lists
  }
  const listed = new Set(plan.runs.map((r) => resolve(r.notebook)));
  const names = new Set(plan.runs.map((r) => r.name));
  const extra: Run[] = [];
  for (const f of files) {
    const path = relative(process.cwd(), resolve(notebooksDir, f));
    if (listed.has(resolve(path))) continue;
    const run = runOf(path);
    if (names.has(run.name)) throw new DataError(`${notebooksDir}/${f} is not in the manifest and would run as ${run.name}, a name the manifest gives another run: list it with a name of its own`);
    extra.push(run);
  }
  return { runs: [...plan.runs, ...extra], sets: plan.sets };
}

/** The runs and sets of a parsed manifest; `file` is named in each problem. */
export function planOf(json: unknown, file: string): Plan {
  const fail = (what: string): never => {
    throw new DataError(`${file}: ${what}`);
  };
  if (!isObject(json)) fail(`expected an object {"reports": [...]}, got ${Array.isArray(json) ? "an array" : JSON.stringify(json)}`);
  const top = json as Record<string, unknown>;
  for (const k of Object.keys(top)) if (k !== "reports") fail(`unknown key ${JSON.stringify(k)}; the manifest has only "reports"`);
  const entries = top["reports"];
  if (!Array.isArray(entries)) fail(`"reports" must be a list of entries, got ${JSON.stringify(entries ?? null)}`);
  const base = dirname(file);
  const notebooks = new Map<string, Listed>();
  const runs: Run[] = [];
  const sets: RunSet[] = [];
  const names = new Map<string, string>();
  const setNames = new Set<string>();
  (entries as unknown[]).forEach((entry, i) => {
    const where = `reports[${i}]`;
    const bad = (what: string): never => fail(`${where}: ${what}`);
    if (!isObject(entry)) bad(`expected an object with "notebook", got ${JSON.stringify(entry)}`);
    const e = entry as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!ENTRY_KEYS.includes(k)) bad(`unknown key ${JSON.stringify(k)}; an entry takes ${ENTRY_KEYS.join(", ")}`);
    if (typeof e["notebook"] !== "string" || e["notebook"] === "") bad(`"notebook" must be the path of a notebook, e.g. "notebooks/demo.ipynb"`);
    const notebookPath = relative(process.cwd(), resolve(base, e["notebook"] as string));
    const at = `${where} (${e["notebook"] as string})`;
    const problem = (what: string): never => fail(`${at}: ${what}`);
    const nb = notebooks.get(notebookPath) ?? listNotebook(notebookPath, at, fail);
    notebooks.set(notebookPath, nb);
    const checkParameters = (values: unknown, label: string): Record<string, ParameterValue> => {
      if (values === undefined) return {};
      if (!isObject(values)) problem(`${label} must be an object of parameter values, got ${JSON.stringify(values)}`);
      const out: Record<string, ParameterValue> = {};
      for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
        checkValue(k, v as ParameterValue, label);
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    };
    const checkValue = (k: string, v: ParameterValue, label: string) => {
      const declared = nb.parameters.find((d) => d.name === k);
      if (declared === undefined || !parameters().PARAMETER_NAME.test(k)) problem(`${label}: unknown parameter ${JSON.stringify(k)}; the notebook's parameters are: ${nb.parameters.map((d) => d.name).join(", ") || "none"}`);
      const wrong = valueProblem(v, declared as ParameterDefault);
      if (wrong) problem(`${label}: parameter ${k}: ${wrong}`);
    };
    const fixed = checkParameters(e["parameters"], "parameters");
    const made: Run[] = [];
    const add = (name: unknown, parameters: Record<string, ParameterValue>, label: string) => {
      if (typeof name !== "string" || !REPORT_NAME.test(name)) problem(`${label}: the name ${JSON.stringify(name)} is not a report name (letters, digits, - and _, at most 100, starting with a letter or digit: it names the report's files)`);
      const earlier = names.get(name as string);
      if (earlier !== undefined) problem(`${label}: the name ${name as string} is taken by ${earlier}: each run needs its own files`);
      names.set(name as string, at);
      made.push({ notebook: notebookPath, name: name as string, parameters });
    };
    if (e["runs"] !== undefined) {
      if (!Array.isArray(e["runs"]) || e["runs"].length === 0) problem(`"runs" must be a list of {"name", "parameters"}, at least one`);
      (e["runs"] as unknown[]).forEach((r, j) => {
        const label = `runs[${j}]`;
        if (!isObject(r)) problem(`${label}: expected {"name": ..., "parameters": {...}}, got ${JSON.stringify(r)}`);
        for (const k of Object.keys(r as object)) if (!RUN_KEYS.includes(k)) problem(`${label}: unknown key ${JSON.stringify(k)}; a run takes name and parameters`);
        const rr = r as Record<string, unknown>;
        add(rr["name"], { ...fixed, ...checkParameters(rr["parameters"], `${label}.parameters`) }, label);
      });
    }
    const listed = made.length;
    if (e["grid"] !== undefined) {
      if (typeof e["name"] !== "string") problem(`a grid needs "name", a template using each of its keys, e.g. "demo-{topN}"`);
      for (const [values, part] of gridRuns(e["grid"], e["name"] as string, (what) => problem(what), checkValue)) add(part, { ...fixed, ...values }, `grid ${JSON.stringify(values)}`);
    } else if (e["runs"] === undefined) {
      add(e["name"] ?? reportName(notebookPath), fixed, "name");
    } else if (e["name"] !== undefined) {
      problem(`"name" names a single run or a grid's template; in "runs" each run has its own name`);
    }
    if (e["set"] !== undefined && (typeof e["set"] !== "string" || !REPORT_NAME.test(e["set"]))) problem(`"set" must be a name for its comparison page (letters, digits, - and _), got ${JSON.stringify(e["set"])}`);
    if (made.length > 1) {
      const setName = (e["set"] as string | undefined) ?? (typeof e["name"] === "string" && e["grid"] !== undefined ? setOfTemplate(e["name"]) : reportName(notebookPath));
      if (!REPORT_NAME.test(setName)) problem(`its comparison needs a name: add "set"`);
      if (setNames.has(setName)) problem(`the comparison ${setName} is already another entry's: give this one a "set" of its own`);
      setNames.add(setName);
      sets.push({ name: setName, notebook: notebookPath, runs: made.map((r) => r.name), grid: made.slice(listed).map((r) => r.name) });
      runs.push(...made.map((r) => ({ ...r, set: setName })));
    } else {
      if (e["set"] !== undefined) problem(`"set" names a comparison of several runs; this entry makes one`);
      runs.push(...made);
    }
  });
  return { runs, sets };
}

/** "jelly-party-{month}" → "jelly-party": the template without its placeholders and the separators around them. */
function setOfTemplate(template: string): string {
  return template.replace(/[-_]*\{[^}]*\}/g, "").replace(/^[-_]+/, "");
}

/**
 * The runs of a grid, in order (the first key varies slowest), each as its values and its name.
 * A key's values are a list (each value goes into the name as written: "2021-01", 5) or an
 * object naming each value ({"all": "", "june": "../data/demo/visits-june.csv"}).
 */
function gridRuns(grid: unknown, template: string, problem: (what: string) => never, checkValue: (k: string, v: ParameterValue, label: string) => void): [Record<string, ParameterValue>, string][] {
  if (!isObject(grid) || Object.keys(grid).length === 0) problem(`"grid" must be an object of parameter → values, with at least one parameter, got ${JSON.stringify(grid)}`);
  const keys = Object.keys(grid as object);
  const placeholders = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
  for (const p of placeholders) if (!keys.includes(p)) problem(`the name ${JSON.stringify(template)} uses {${p}}, which is not a key of the grid (${keys.join(", ")})`);
  for (const k of keys) if (!placeholders.includes(k)) problem(`the name ${JSON.stringify(template)} does not use {${k}}: the grid's runs would share their files`);
  let product: [Record<string, ParameterValue>, Record<string, string>][] = [[{}, {}]];
  for (const k of keys) {
    const given = (grid as Record<string, unknown>)[k];
    let pairs: [string, ParameterValue][];
    if (Array.isArray(given)) {
      pairs = given.map((v) => {
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") problem(`grid.${k}: ${JSON.stringify(v)} cannot go into a file name; name the values with an object: {"name": value, ...}`);
        return [String(v), v as ParameterValue];
      });
    } else if (isObject(given)) {
      pairs = Object.entries(given) as [string, ParameterValue][];
    } else {
      return problem(`grid.${k} must be a list of values or an object of named values, got ${JSON.stringify(given)}`);
    }
    if (pairs.length === 0) problem(`grid.${k} is empty: a grid of no runs`);
    for (const [, v] of pairs) checkValue(k, v, `grid.${k}`);
    product = product.flatMap(([values, parts]) => pairs.map(([part, v]): [Record<string, ParameterValue>, Record<string, string>] => [{ ...values, [k]: v }, { ...parts, [k]: part }]));
  }
  return product.map(([values, parts]) => [values, template.replace(/\{([^}]*)\}/g, (_m, k: string) => parts[k] as string)]);
}

/** The notebook an entry names: it exists, is a TypeScript notebook, and declares these parameters. */
function listNotebook(path: string, at: string, fail: (what: string) => never): Listed {
  if (!path.endsWith(".ipynb")) fail(`${at}: "notebook" must name a .ipynb file`);
  let nb;
  try {
    nb = readNotebook(path);
    checkKernel(nb, path);
  } catch (e) {
    if (e instanceof DataError) fail(`${at}: ${e.message}`);
    throw e;
  }
  const { findParametersCell, parseDefaults } = parameters();
  const cell = findParametersCell(nb);
  return { path, parameters: cell < 0 ? [] : parseDefaults(sourceOf(nb.cells[cell] as Cell)) };
}
