// Notebook parameters, papermill's convention: the cell tagged `parameters` holds the defaults,
// and a run injects a cell tagged `injected-parameters` right after it.
// https://papermill.readthedocs.io/en/latest/usage-parameterize.html
import ts from "typescript";
import { DataError } from "../errors";
import { sourceOf, tagsOf, type Cell, type CodeCell, type Notebook } from "./notebook";

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

/** The TypeScript source of the injected cell; keeps each declared type so a wrong value fails to compile there. */
export function injectedSource(values: Record<string, ParameterValue>, defaults: readonly ParameterDefault[]): string {
  const lines = ["// Parameters injected by the report runner"];
  for (const [name, value] of Object.entries(values)) {
    const type = defaults.find((d) => d.name === name)?.type;
    lines.push(`const ${name}${type ? `: ${type}` : ""} = ${JSON.stringify(value)};`);
  }
  return lines.join("\n");
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
  for (const d of defaults) if (d.value !== undefined) used[d.name] = d.value;
  const names = Object.keys(values);
  if (names.length === 0) return { notebook: nb, used };
  if (at < 0) {
    throw new DataError(`${file}: has no cell tagged "${PARAMETERS_TAG}", so it takes no parameters (given: ${names.join(", ")})`);
  }
  const known = new Set(defaults.map((d) => d.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const list = defaults.map((d) => d.name).join(", ") || "none";
    throw new DataError(`${file}: unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the notebook's parameters are: ${list}`);
  }
  Object.assign(used, values);
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
