// Notebook parameters, papermill's convention: the cell tagged `parameters` holds the defaults,
// and a run injects a cell tagged `injected-parameters` right after it.
// https://papermill.readthedocs.io/en/latest/usage-parameterize.html
import ts from "typescript";
import { DataError } from "../errors";
import { sourceOf, tagsOf, type Cell, type CodeCell, type Notebook } from "../notebook/notebook";

export type ParameterValue = string | number | boolean | null | ParameterValue[] | { [key: string]: ParameterValue };

export interface ParameterDefault {
  name: string;
  /** The declared type as written (`string`, `number[]`), if any. */
  type?: string;
  /** The default when it is a literal (string, number, boolean, null, array or object of those). */
  value?: ParameterValue;
}

export const PARAMETERS_TAG = "parameters";
export const INJECTED_TAG = "injected-parameters";

/** A parameter name is a JavaScript identifier (the injected cell declares it as a `const`). */
export const PARAMETER_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * Sets `values[name]` as an own property, so that a name such as `__proto__` stays a name (and is
 * then refused as unknown) instead of replacing the object's prototype.
 */
export function setParameter(values: Record<string, ParameterValue>, name: string, value: ParameterValue): void {
  Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
}

/** A command-line value: JSON when it parses as JSON (`3`, `true`, `[1,2]`, `"x"`), otherwise the string itself. */
export function parseValue(text: string): ParameterValue {
  try {
    return JSON.parse(text) as ParameterValue;
  } catch {
    return text;
  }
}

function literal(node: ts.Expression): ParameterValue | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return -Number(node.operand.text);
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map(literal);
    return items.every((v) => v !== undefined) ? (items as ParameterValue[]) : undefined;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const obj: Record<string, ParameterValue> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return undefined;
      const v = literal(p.initializer);
      if (v === undefined) return undefined;
      obj[p.name.text] = v;
    }
    return obj;
  }
  return undefined;
}

/** The top-level `const`/`let`/`var` declarations of a parameters cell, in order. */
export function parseDefaults(source: string): ParameterDefault[] {
  const file = ts.createSourceFile("parameters.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: ParameterDefault[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      const value = decl.initializer ? literal(decl.initializer) : undefined;
      found.push({
        name: decl.name.text,
        ...(decl.type ? { type: decl.type.getText(file) } : {}),
        ...(value !== undefined ? { value } : {}),
      });
    }
  }
  return found;
}

export function findParametersCell(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === "code" && tagsOf(c).includes(PARAMETERS_TAG));
}

/**
 * The TypeScript source of the injected cell; keeps each declared type so a wrong value fails to compile there.
 * JSON leaves U+2028 and U+2029 unescaped, and tslab splits a cell's lines at them ("Unterminated string
 * literal"): they are escaped.
 */
export function injectedSource(values: Record<string, ParameterValue>, defaults: readonly ParameterDefault[]): string {
  const lines = ["// Parameters injected by the report runner"];
  for (const [name, value] of Object.entries(values)) {
    const type = defaults.find((d) => d.name === name)?.type;
    const json = JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    lines.push(`const ${name}${type ? `: ${type}` : ""} = ${json};`);
  }
  return lines.join("\n");
}

/** Where in `value` a number JSON cannot hold sits (`topN`, `sizes[2]`, `opts.k`), or undefined. */
function nonFinite(value: ParameterValue, at: string): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${at} is ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonFinite(value[i] as ParameterValue, `${at}[${i}]`);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonFinite(v, PARAMETER_NAME.test(k) ? `${at}.${k}` : `${at}[${JSON.stringify(k)}]`);
      if (bad) return bad;
    }
  }
  return undefined;
}

export interface Parameterised {
  notebook: Notebook;
  /** Every parameter's value for this run: the literal defaults, overridden by the given values. */
  used: Record<string, ParameterValue>;
}

/**
 * Returns a copy of the notebook with the given values injected after its parameters cell
 * (replacing an earlier injected cell). Unknown names are an error that lists the known ones.
 */
export function injectParameters(nb: Notebook, values: Record<string, ParameterValue>, file: string): Parameterised {
  const at = findParametersCell(nb);
  const defaults = at < 0 ? [] : parseDefaults(sourceOf(nb.cells[at] as Cell));
  const used: Record<string, ParameterValue> = {};
  for (const d of defaults) if (d.value !== undefined) setParameter(used, d.name, d.value);
  const names = Object.keys(values);
  if (names.length === 0) return { notebook: nb, used };
  if (at < 0) {
    throw new DataError(`${file}: has no cell tagged "${PARAMETERS_TAG}", so it takes no parameters (given: ${names.join(", ")})`);
  }
  // Only a declared identifier is a parameter: `__proto__`, `a-b` or `toString` are unknown names.
  const known = new Set(defaults.map((d) => d.name));
  const unknown = names.filter((n) => !known.has(n) || !PARAMETER_NAME.test(n));
  if (unknown.length > 0) {
    const list = defaults.map((d) => d.name).join(", ") || "none";
    throw new DataError(`${file}: unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the notebook's parameters are: ${list}`);
  }
  for (const name of names) {
    const bad = nonFinite(values[name] as ParameterValue, name);
    if (bad) throw new DataError(`${file}: parameter ${bad}, a number JSON cannot hold (beyond ±1.8e308, or NaN); give a finite number`);
  }
  for (const name of names) setParameter(used, name, values[name] as ParameterValue);
  const injected: CodeCell = {
    cell_type: "code",
    id: "injected-parameters",
    metadata: { tags: [INJECTED_TAG] },
    source: injectedSource(values, defaults),
    execution_count: null,
    outputs: [],
  };
  const cells = nb.cells.filter((c) => !tagsOf(c).includes(INJECTED_TAG));
  const paramAt = findParametersCell({ ...nb, cells });
  cells.splice(paramAt + 1, 0, injected);
  return { notebook: { ...nb, cells }, used };
}
