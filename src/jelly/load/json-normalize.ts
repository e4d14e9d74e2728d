// Column names as pandas' json_normalize gives them
// (https://pandas.pydata.org/docs/reference/api/pandas.json_normalize.html): nested objects become
// "a.b.c"; lists and scalars (null included) are values; an empty object gives no column at all.
// flatten(doc) makes every column of a document; lookup(doc, segments) reads one.
import { isObject } from "../../json";

export function flatten(doc: Record<string, unknown>, prefix = "", out: [string, unknown][] = []): [string, unknown][] {
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) flatten(value as Record<string, unknown>, name, out);
    else out.push([name, value]);
  }
  return out;
}

/**
 * The value at a dotted path, as json_normalize would name it. A key may itself contain dots
 * ({"client.geo": {...}} gives the same names as {"client": {"geo": {...}}}): where a key is missing,
 * keys made of several segments are tried.
 */
export function lookup(value: unknown, segments: readonly string[], i: number): unknown {
  let v = value;
  for (let j = i; j < segments.length; j++) {
    if (!isObject(v)) return undefined; // a scalar or a list on the way: no such column
    const next = v[segments[j] as string];
    if (next === undefined) return hasDottedKey(v, segments[j] as string) ? lookupDotted(v, segments, j) : undefined;
    v = next;
  }
  return isObject(v) ? undefined : v; // an object is not a column: its leaves are
}

function hasDottedKey(object: Record<string, unknown>, segment: string): boolean {
  for (const key in object) if (key.startsWith(`${segment}.`)) return true;
  return false;
}

function lookupDotted(value: unknown, segments: readonly string[], i: number): unknown {
  if (i === segments.length) return isObject(value) ? undefined : value;
  if (!isObject(value)) return undefined;
  let key = segments[i] as string;
  for (let j = i; j < segments.length; j++) {
    if (j > i) key += `.${segments[j]}`;
    if (key in value) {
      const found = lookupDotted(value[key], segments, j + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
