// Cross-check: the original's pandas code (reference/jelly_party.py, the seed's code
// run on a file) against this library, on the committed sample and on small files whose timestamps
// have milliseconds, microseconds or nanoseconds. Counts must be equal, t and p equal to 1e-9
// relative. Skipped, with the reason, where pandas or scipy cannot be imported.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ANALYSIS_COLUMNS } from "../../src/jelly/load/columns";
import { SAMPLE_PATH } from "../../src/jelly/simulate/data-cli";
import { joinLinks } from "../../src/jelly/join-events";
import { loadEvents } from "../../src/jelly/load/load-events";
import { originalMinutesOf } from "../../src/jelly/metrics";
import { sessionsOf } from "../../src/jelly/sessions";
import { scratch } from "../helpers";
import { crossCheck } from "../reference";
import { magic } from "./events";
import { agree, PANDAS } from "./reference-agree";

crossCheck(test, "the pandas reference (reference/jelly_party.py) and this library agree on the committed sample", PANDAS, (python) => agree(python, SAMPLE_PATH));

// Sessions whose length sits one unit of the file's precision below or above a whole minute, and
// whose start lies past a whole millisecond: cut to milliseconds, as JavaScript's Date would, the
// "just under" ones would end a millisecond later and count a whole minute more.
const T0 = BigInt(Date.UTC(2020, 5, 1)) * 1_000_000n; // ns
const MINUTE = 60_000_000_000n;
const NETFLIX = [1, 3, 8, 21, 55, 89, 1441, 2, 44, 13];
const YOUTUBE = [1, 2, 3, 5, 8, 13, 1, 2, 34, 4];
const PRECISIONS = [
  { name: "milliseconds", digits: 3, unit: 1_000_000n },
  { name: "microseconds", digits: 6, unit: 1_000n },
  { name: "nanoseconds", digits: 9, unit: 1n },
];

function iso(ns: bigint, digits: number): string {
  const seconds = ns / 1_000_000_000n;
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, "0");
  if (fraction.slice(digits) !== "0".repeat(9 - digits)) throw new Error(`${ns} has more digits than ${digits}`);
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction.slice(0, digits)}Z`;
}

interface Planned {
  host: string;
  start: bigint;
  end: bigint;
}

function plan(unit: bigint): Planned[] {
  const sessions: Planned[] = [];
  const add = (host: string, minutes: number[]) =>
    minutes.forEach((k, i) => {
      const start = T0 + BigInt(sessions.length) * 10n * MINUTE + 500n * unit;
      const length = BigInt(k) * MINUTE + (i % 3 === 2 ? unit : -unit);
      sessions.push({ host, start, end: start + length });
    });
  add("www.netflix.com", NETFLIX);
  add("www.youtube.com", YOUTUBE);
  return sessions;
}

function ndjson(sessions: Planned[], digits: number): string {
  const hit = (ns: bigint, decoded: Record<string, unknown>) =>
    JSON.stringify({ _index: "filebeat-7.9.1-2020.06.01", _id: `${ns}`, _source: { "@timestamp": iso(ns, digits), message_decoded: decoded } });
  return sessions
    .flatMap((s, i) => [
      hit(s.start, { type: "join", data: { uuid: `u${i}`, clientState: { currentlyWatching: magic(`https://${s.host}/watch/${i}`) } } }),
      hit(s.end, { type: "disconnect", data: { uuid: `u${i}` } }),
    ])
    .join("\n");
}

for (const { name, digits, unit } of PRECISIONS) {
  crossCheck(test, `timestamps with ${name}: the library keeps them, and agrees with the pandas reference`, PANDAS, async (python) => {
    const planned = plan(unit);
    const { dir, cleanup } = scratch();
    try {
      const path = join(dir, `events-${digits}.ndjson`);
      writeFileSync(path, ndjson(planned, digits));
      await agree(python, path);

      // By hand: each session's exact length, and its whole minutes (k − 1 just under k minutes).
      const events = await loadEvents(path, { columns: ANALYSIS_COLUMNS });
      const sessions = sessionsOf(events.frame, joinLinks(events.frame));
      const byUuid = new Map((sessions.select("uuid", "duration_ms").toRecords() as { uuid: string; duration_ms: number }[]).map((r) => [r.uuid, r.duration_ms]));
      planned.forEach((s, i) => assert.is(byUuid.get(`u${i}`), Number(s.end - s.start) / 1e6, `u${i}`));
      const minutes = originalMinutesOf(sessions, "www.netflix.com");
      assert.equal([...minutes].sort((a, b) => a - b), NETFLIX.map((k, i) => (k === 1441 ? 0 : i % 3 === 2 ? k : k - 1) % 1440).sort((a, b) => a - b));
      if (unit < 1_000_000n) {
        // What milliseconds would have said: the check above would fail.
        const cut = planned.filter((s) => s.host === "www.netflix.com").map((s) => Math.floor(Number((s.end / 1_000_000n - s.start / 1_000_000n) / 1000n) / 60) % 1440);
        assert.not.equal([...cut].sort((a, b) => a - b), [...minutes].sort((a, b) => a - b));
      }
    } finally {
      cleanup();
    }
  });
}

test.run();
