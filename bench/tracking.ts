// npm run bench -- tracking: what tracking the kernel's reads costs (src/engine/track/), as a user
// waits: each notebook through the report CLI on its full-size data, `--force`, with the tracking
// on (the preload library) and off (ANALYSIS_TRACKING=off), in pairs whose order alternates;
// medians and the ratio. Then the up-to-date check of the four notebooks, nothing changed.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { median } from "./lib/common";
import { wall } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "dist", "engine", "cli.js");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const NOTEBOOKS = join(ROOT, "notebooks");
const data = (...p: string[]) => join(ROOT, "data", ...p);

const CASES: { notebook: string; parameters: Record<string, string>; needs: string[] }[] = [
  { notebook: "demo", parameters: {}, needs: [] },
  { notebook: "clubhouse", parameters: { dbPath: data("clubhouse", "full", "users.db") }, needs: [data("clubhouse", "full", "users.db")] },
  { notebook: "jelly-party", parameters: { eventsPath: data("jelly", "full", "events.ndjson.gz") }, needs: [data("jelly", "full", "events.ndjson.gz")] },
  {
    notebook: "unique-devices",
    parameters: { webrequestPath: data("uniques", "full", "webrequest.tsv.gz"), truthPath: data("uniques", "full", "truth.json") },
    needs: [data("uniques", "full", "webrequest.tsv.gz"), data("uniques", "full", "truth.json")],
  },
];

async function main(): Promise<void> {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, ".tmp", "bench-tracking-"));
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  try {
    console.log(`tracking's cost, ${RUNS} pairs each, --force, node ${process.version}`);
    console.log(`${"notebook".padEnd(16)}${"off s".padStart(7)}${"on s".padStart(7)}  on/off (median of pair ratios)`);
    for (const c of CASES) {
      const missing = c.needs.filter((f) => !existsSync(f));
      if (missing.length > 0) {
        console.log(`${c.notebook.padEnd(16)}skipped: ${missing.map((f) => relative(ROOT, f)).join(", ")} missing; write it with \`npm run data -- --full\``);
        continue;
      }
      const args = ["report", join(NOTEBOOKS, `${c.notebook}.ipynb`), "--force", "--out", join(scratch, c.notebook), ...Object.entries(c.parameters).flatMap(([k, v]) => ["-p", k, relative(NOTEBOOKS, v)])];
      const off: number[] = [];
      const on: number[] = [];
      await wall([CLI, ...args]); // warms the page cache and writes the first report
      for (let i = 0; i < RUNS; i++) {
        const pair = i % 2 === 0 ? (["off", "on"] as const) : (["on", "off"] as const);
        for (const which of pair) (which === "off" ? off : on).push(await wall([CLI, ...args], which === "off" ? { env: { ANALYSIS_TRACKING: "off" } } : {}));
      }
      const ratios = on.map((x, i) => x / (off[i] as number));
      console.log(`${c.notebook.padEnd(16)}${fmt(median(off))}${fmt(median(on))}  ${median(ratios).toFixed(3)} (pairs ${ratios.map((r) => r.toFixed(3)).join(", ")})`);
    }
    // The up-to-date check: the four committed-sample reports, nothing changed since their run.
    const out = join(scratch, "all");
    await wall([CLI, "reports", "--out", out]);
    const checks: number[] = [];
    for (let i = 0; i < RUNS; i++) checks.push(await wall([CLI, "reports", "--out", out]));
    console.log(`up-to-date check of the four notebooks (npm run reports, nothing changed): median ${median(checks).toFixed(3)} s (min ${Math.min(...checks).toFixed(3)}, max ${Math.max(...checks).toFixed(3)})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
