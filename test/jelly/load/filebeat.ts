// Puts documents into a real search node the way filebeat does: an index template with filebeat's
// mapping for the fields the analysis reads (filebeat-template.json: `@timestamp` as date_nanos,
// strings as keywords), then the bulk API, each hit into its own `_index` under its own `_id`.
// Plain HTTP (fetch), not the clients the pull uses, so the pull is tested from outside.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { ROOT } from "../../helpers";

export interface Hit {
  _index: string;
  _id: string;
  _source: Record<string, unknown>;
}

export const SAMPLE = join(ROOT, "data", "jelly", "sample.ndjson.gz");

/** The hits of a snapshot file (gzip or not), one a line. */
export function readHits(file: string): Hit[] {
  const bytes = readFileSync(file);
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Hit);
}

/** One request to the node's REST API; the answer's JSON, or an error naming the request and the answer. */
export async function nodeRequest(url: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const ndjson = typeof body === "string";
  const response = await fetch(new URL(path, url), {
    method,
    headers: { "content-type": ndjson ? "application/x-ndjson" : "application/json" },
    ...(body !== undefined ? { body: ndjson ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function putFilebeatTemplate(url: string): Promise<void> {
  const template = JSON.parse(readFileSync(join(__dirname, "filebeat-template.json"), "utf8")) as unknown;
  await nodeRequest(url, "PUT", "/_index_template/filebeat", template);
}

/** Indexes (or re-indexes, under the same _id) the hits with the bulk API, then refreshes. */
export async function bulkIndex(url: string, hits: readonly Hit[], batch = 5000): Promise<void> {
  for (let start = 0; start < hits.length; start += batch) {
    const lines = hits.slice(start, start + batch).flatMap((h) => [JSON.stringify({ index: { _index: h._index, _id: h._id } }), JSON.stringify(h._source)]);
    const answer = await nodeRequest(url, "POST", "/_bulk", `${lines.join("\n")}\n`);
    if (answer["errors"] !== false) {
      const items = answer["items"] as { index: { _id: string; error?: unknown } }[];
      const bad = items.find((i) => i.index.error);
      throw new Error(`bulk: ${bad?.index._id} was refused: ${JSON.stringify(bad?.index.error).slice(0, 300)}`);
    }
  }
  await nodeRequest(url, "POST", "/filebeat*/_refresh");
}

/** Removes every filebeat index (between scenarios). */
export async function deleteFilebeatIndices(url: string): Promise<void> {
  const indices = (await nodeRequest(url, "GET", "/_cat/indices/filebeat*?format=json&expand_wildcards=all")) as unknown as { index: string }[] | Record<string, unknown>;
  for (const { index } of Array.isArray(indices) ? indices : []) await nodeRequest(url, "DELETE", `/${index}`);
}

/** The hits in time order, ties in file order: what a pull in time order gives back. */
export function byTime(hits: readonly Hit[]): Hit[] {
  return hits
    .map((hit, i) => ({ hit, i, ms: Date.parse(hit._source["@timestamp"] as string) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.hit);
}
