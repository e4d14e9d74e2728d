// `_source.@timestamp` to the nanosecond: filebeat writes milliseconds, Elasticsearch's date_nanos
// micro- or nanoseconds, and pandas keeps nanoseconds, so the digits are read here rather than by
// JavaScript's Date, which keeps milliseconds only.
export interface Timestamp {
  /** Whole milliseconds since the epoch, UTC. */
  ms: number;
  /** Nanoseconds past that millisecond, 0–999,999. */
  subMs: number;
}

// Polars' Datetime("ns") spans 1677-09-21 to 2262-04-11 (pandas' Timestamp the same); a margin of a day.
const NS_MIN_MS = -9_223_286_400_000;
const NS_MAX_MS = 9_223_286_400_000;
const BAD_TIME = "an ISO 8601 time";
const OUT_OF_RANGE = "a time between 1677 and 2262 (nanosecond timestamps)";

/**
 * An ISO 8601 time, `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH[:]MM|±HH]`, to the nanosecond,
 * the calendar checked (Date.parse takes 2020-02-30 for March 1st). Digits past the ninth are
 * dropped (pandas keeps nanoseconds). A time without a zone is UTC, as pandas reads it.
 * Returns what was expected when the text is no such time.
 */
export function parseTimestamp(text: string): Timestamp | string {
  const end = text.length;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (code(text, 4) !== MINUS || code(text, 7) !== MINUS || !(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return BAD_TIME;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanos = 0;
  let p = 10;
  const separator = code(text, p);
  if (separator === T_UPPER || separator === T_LOWER || separator === SPACE) {
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    if (code(text, 13) !== COLON || !(hour <= 23 && minute <= 59)) return BAD_TIME;
    p = 16;
    if (code(text, p) === COLON) {
      second = digitsAt(text, 17, 2);
      if (!(second <= 59)) return BAD_TIME;
      p = 19;
      if (code(text, p) === DOT || code(text, p) === COMMA) {
        let scale = 100_000_000;
        const first = ++p;
        for (; p < end; p++) {
          const c = text.charCodeAt(p) - ZERO;
          if (c < 0 || c > 9) break;
          nanos += c * scale;
          scale = scale === 1 ? 0 : scale / 10; // past the ninth digit: dropped
        }
        if (p === first) return BAD_TIME;
      }
    }
    const zone = code(text, p);
    if (zone === Z_UPPER || zone === Z_LOWER) p++;
    else if (zone === PLUS || zone === MINUS) {
      const oh = digitsAt(text, p + 1, 2);
      p += 3;
      let om = 0;
      if (code(text, p) === COLON) p++;
      if (p < end) {
        om = digitsAt(text, p, 2);
        p += 2;
      }
      if (!(oh <= 23 && om <= 59)) return BAD_TIME;
      minute -= (zone === MINUS ? -1 : 1) * (oh * 60 + om);
    }
    if (p !== end) return BAD_TIME;
  } else if (p !== end) return BAD_TIME;
  // Date.UTC reads the years 0–99 as 1900–1999: those are out of range anyway.
  if (year < 1677) return OUT_OF_RANGE;
  const whole = Date.UTC(year, month - 1, day, hour, minute, second);
  if (whole < NS_MIN_MS || whole > NS_MAX_MS) return OUT_OF_RANGE;
  return { ms: whole + Math.floor(nanos / 1e6), subMs: nanos % 1e6 };
}

const [ZERO, MINUS, PLUS, COLON, DOT, COMMA, SPACE, T_UPPER, T_LOWER, Z_UPPER, Z_LOWER] = [..."0-+:., TtZz"].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number, number, number];

/** The char code at `at`, or −1 past the end. */
function code(text: string, at: number): number {
  return at < text.length ? text.charCodeAt(at) : -1;
}

/** `count` decimal digits at `at` as a number, or NaN. */
function digitsAt(text: string, at: number, count: number): number {
  if (at + count > text.length) return NaN;
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
