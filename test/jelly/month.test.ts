// One month of a snapshot: a hand-made one from 28 May to 4 June 2020, with a session across the
// midnight between the months, cut by the library and by the test's own text filter on each
// line's @timestamp, the second one run through the pandas reference.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DataError } from "../../src/errors";
import { joinLinks } from "../../src/jelly/join-events";
import { ANALYSIS_COLUMNS } from "../../src/jelly/load/columns";
import { loadEvents } from "../../src/jelly/load/load-events";
import { eventsInMonth, monthCoverage } from "../../src/jelly/month";
import { sessionsOf } from "../../src/jelly/sessions";
import { SAMPLE_PATH } from "../../src/jelly/simulate/data-cli";
import { scratch } from "../helpers";
import { crossCheck } from "../reference";
import { magic } from "./events";
import { agree, PANDAS } from "./reference-agree";

const MINUTE = 60_000;
const FROM = Date.UTC(2020, 4, 28);
const NETFLIX = [30, 95, 47, 180, 62, 121, 3, 88];
const YOUTUBE = [4, 12, 1, 35, 7, 20, 2, 9];

function hit(ms: number, decoded: Record<string, unknown>): string {
  return JSON.stringify({ _index: "filebeat-7.9.1-2020.05.28", _id: `${ms}-${JSON.stringify(decoded).length}`, _source: { "@timestamp": new Date(ms).toISOString(), message_decoded: decoded } });
}

const join_ = (ms: number, uuid: string, host: string) => hit(ms, { type: "join", data: { uuid, clientState: { currentlyWatching: magic(`https://${host}/watch/${uuid}`) } } });
const leave = (ms: number, uuid: string) => hit(ms, { type: "disconnect", data: { uuid } });

/** Eight days of sessions every three hours, Netflix and YouTube in turn, and one across midnight on 31 May. */
function snapshot(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 64; i++) {
    const start = FROM + i * 180 * MINUTE + 7 * MINUTE;
    const netflix = i % 2 === 0;
    const minutes = (netflix ? NETFLIX : YOUTUBE)[(i >> 1) % 8]!;
    lines.push(join_(start, `u${i}`, netflix ? "www.netflix.com" : "www.youtube.com"), leave(start + minutes * MINUTE, `u${i}`));
  }
  lines.push(join_(Date.UTC(2020, 4, 31, 23, 30), "across", "www.netflix.com"), leave(Date.UTC(2020, 5, 1, 0, 40), "across"));
  return lines;
}

async function written(lines: string[], name: string, dir: string) {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return { path, events: await loadEvents(path, { columns: ANALYSIS_COLUMNS }) };
}

test("a session across the months' midnight is cut there: its join in May's report, its disconnect in June's", async () => {
  const { dir, cleanup } = scratch();
  try {
    const { events } = await written(snapshot(), "events.ndjson", dir);
    const may = eventsInMonth(events, "2020-05");
    const june = eventsInMonth(events, "2020-06");
    assert.is(may.documents + june.documents, events.documents);
    const session = (e: typeof may) =>
      (sessionsOf(e.frame, joinLinks(e.frame)).toRecords() as { uuid: string; host: string | null; duration_ms: number; first_event: string }[]).find((s) => s.uuid === "across")!;
    assert.equal([session(may).host, session(may).duration_ms, session(may).first_event], ["www.netflix.com", 0, "join"]);
    assert.equal([session(june).host, session(june).duration_ms, session(june).first_event], [null, 0, "disconnect"]);
    // The whole snapshot has it whole: 70 minutes.
    assert.is(session(events).duration_ms, 70 * MINUTE);
    assert.match(monthCoverage(june, "2020-06"), "2020-06 only");
    assert.match(monthCoverage(june, "2020-06"), "events from 2020-06-01 to 2020-06-04 (UTC)");
  } finally {
    cleanup();
  }
});

test("an empty month is the whole snapshot; a bad month, or one without events, is a DataError saying what was expected", async () => {
  const events = await loadEvents(SAMPLE_PATH, { columns: ANALYSIS_COLUMNS });
  assert.is(eventsInMonth(events, ""), events);
  assert.is(eventsInMonth(events, "2020-06").frame.height, events.frame.height, "the sample is one week of June 2020");
  for (const bad of ["2020-13", "June", "2020-6", "2020-06-01"]) {
    assert.throws(() => eventsInMonth(events, bad), (e: unknown) => e instanceof DataError && e.message.includes(`month = "${bad}"`) && e.message.includes("YYYY-MM"));
  }
  assert.throws(() => eventsInMonth(events, "2020-07"), (e: unknown) => e instanceof DataError && /no events in that month \(its events span 2020-06-01 to 2020-06-0\d\)/.test(e.message));
});

for (const month of ["2020-05", "2020-06"]) {
  crossCheck(test, `${month} alone agrees with the pandas reference run on the snapshot's lines of that month`, PANDAS, async (python) => {
    const { dir, cleanup } = scratch();
    try {
      const lines = snapshot();
      const { events } = await written(lines, "events.ndjson", dir);
      const cut = await written(lines.filter((l) => l.includes(`"@timestamp":"${month}-`)), `${month}.ndjson`, dir);
      assert.ok(cut.events.documents > 20 && cut.events.documents < events.documents);
      await agree(python, cut.path, eventsInMonth(events, month));
    } finally {
      cleanup();
    }
  });
}

test.run();
