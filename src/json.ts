// What parsed JSON is, for the code that walks it (recorded results, manifests, seals, documents).

/** A JSON object: neither null nor a list. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
