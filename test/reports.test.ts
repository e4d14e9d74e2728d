// Golden reports: every notebook in notebooks/, run on its committed data with its default
// parameters, records what its committed reports/NAME.json holds, compared by the runner's own
// results diff (numbers within a relative 1e-9, table rows matched by their key columns). A change
// that moves a recorded number fails here, naming the result and the move; when the move is meant,
// `npm run reports` writes the NAME.json to commit with the change.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffRecords, percent, where, type Change } from "../src/notebook/changes";
import { runNotebook } from "../src/engine/runner";
import { ROOT } from "./helpers";

const NOTEBOOKS = readdirSync(join(ROOT, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

const committed = (name: string) => JSON.parse(readFileSync(join(ROOT, "reports", `${name}.json`), "utf8")) as Record<string, unknown>;

function move(c: Change): string {
  const value = (v: unknown) => JSON.stringify(v) ?? "undefined";
  if (c.kind === "added") return `${where(c)}: added, ${value(c.after)}`;
  if (c.kind === "removed") return `${where(c)}: removed, was ${value(c.before)}`;
  return `${where(c)}: ${value(c.before)} → ${value(c.after)}${c.relative !== undefined ? ` (${percent(c.relative)})` : ""}`;
}

/** The failure message: what moved between the committed results and this run's, or undefined when nothing did. */
function moved(name: string, before: Record<string, unknown>, after: Record<string, unknown>): string | undefined {
  const changes = diffRecords(before, after);
  if (changes.length === 0) return undefined;
  const shown = changes.slice(0, 20).map(move);
  const more = changes.length > shown.length ? [`… and ${changes.length - shown.length} more`] : [];
  return [`reports/${name}.json: ${changes.length} recorded value${changes.length === 1 ? "" : "s"} moved`, ...shown, ...more].join("\n  ");
}

test("a moved number is named with its result, its row and the move; floating-point noise is not a move", () => {
  const before = committed("unique-devices");
  const daily = before["daily"] as Array<Record<string, unknown>>;
  const row = daily[7]!;
  const bumped = (by: number) => ({ ...before, daily: daily.map((r) => (r === row ? { ...r, estimate: (r["estimate"] as number) * by } : r)) });
  const message = moved("unique-devices", before, bumped(1.01)) ?? "";
  assert.match(message, "reports/unique-devices.json: 1 recorded value moved");
  assert.match(message, `daily[domain=${String(row["domain"])}, day=${String(row["day"])}].estimate: ${String(row["estimate"])} → `);
  assert.match(message, "(+1.0 %)");
  assert.is(moved("unique-devices", before, bumped(1 + 1e-12)), undefined);
  assert.ok(NOTEBOOKS.length >= 4, `the notebooks are found (${NOTEBOOKS.join(", ")})`);
});

for (const notebook of NOTEBOOKS) {
  const name = notebook.replace(/\.ipynb$/, "");
  test(`${notebook} on its committed data records what reports/${name}.json holds`, async () => {
    const before = committed(name);
    assert.ok(Object.keys(before).length > 0, `reports/${name}.json holds results`);
    const run = await runNotebook(join(ROOT, "notebooks", notebook), { timeoutMs: 120_000 });
    assert.is(run.failure, undefined, `${notebook} failed at cell ${(run.failure?.cellIndex ?? 0) + 1}: ${run.failure?.message ?? ""}`);
    // What the run would write as NAME.json.
    const after = JSON.parse(JSON.stringify(run.records)) as Record<string, unknown>;
    const message = moved(name, before, after);
    assert.ok(message === undefined, message);
  });
}

test.run();
