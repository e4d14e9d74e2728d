// flatten(doc): a nested JSON document as [dotted name, value] pairs, as pandas' json_normalize
// names columns (https://pandas.pydata.org/docs/reference/api/pandas.json_normalize.html):
// nested objects become "a.b.c"; lists and scalars (null included) are values; an empty object
// gives no column at all.

export function flatten(doc: Record<string, unknown>, prefix = "", out: [string, unknown][] = []): [string, unknown][] {
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) flatten(value as Record<string, unknown>, name, out);
    else out.push([name, value]);
  }
  return out;
}
