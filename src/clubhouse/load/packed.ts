// Reads the loader's packed rows — the raw values of a few columns, ',' between values and ';'
// between rows, as SQLite's concat and group_concat build them — straight into typed arrays.
// One pass over the bytes, no string or object per value.
//
// Values as the dataset writes them: whole numbers (a REAL like `12.0` too), 'null' or nothing for
// a missing value, and times like `2020-03-17T07:51:28.085566+00:00`.

export type FieldKind = "id" | "optional" | "time";

export interface PackedField {
  kind: FieldKind;
  /** Receives the values: whole numbers; NaN when missing; a time as milliseconds since the epoch (UTC). */
  into: Float64Array;
}

/** Where packed rows stopped being what was expected: the row within the text and the field. */
export interface PackedProblem {
  row: number;
  field: number;
}

const COMMA = 44;
const SEMICOLON = 59;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const COLON = 58;
const ZERO = 48;
const NINE = 57;
const T = 84;
const SPACE = 32;
const Z = 90;
const NULL = [110, 117, 108, 108]; // "null"

const isDigit = (c: number | undefined) => c !== undefined && c >= ZERO && c <= NINE;

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A time `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM]` in bytes[start, end) as milliseconds since
 * the epoch, to the microsecond (a double holds whole microseconds exactly up to the year 2255: the
 * fraction is recovered by rounding ms × 1000), the offset applied; without an offset the time is
 * taken as UTC. NaN if malformed.
 */
export function parseTime(b: Uint8Array, start: number, end: number): number {
  const num = (at: number, digits: number) => {
    let v = 0;
    for (let i = at; i < at + digits; i++) {
      const c = b[i];
      if (i >= end || !isDigit(c)) return NaN;
      v = v * 10 + (c! - ZERO);
    }
    return v;
  };
  const year = num(start, 4);
  const month = num(start + 5, 2);
  const day = num(start + 8, 2);
  const hour = num(start + 11, 2);
  const minute = num(start + 14, 2);
  const second = num(start + 17, 2);
  if (b[start + 4] !== MINUS || b[start + 7] !== MINUS || (b[start + 10] !== T && b[start + 10] !== SPACE) || b[start + 13] !== COLON || b[start + 16] !== COLON) return NaN;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  let p = start + 19;
  // The fraction to the microsecond, as the dataset writes it (digits past the sixth are dropped).
  let micros = 0;
  if (b[p] === DOT) {
    p++;
    if (p >= end || !isDigit(b[p])) return NaN;
    let digits = 0;
    for (; p < end && isDigit(b[p]); p++, digits++) if (digits < 6) micros = micros * 10 + (b[p]! - ZERO);
    for (; digits < 6; digits++) micros *= 10;
  }
  let offsetMinutes = 0;
  if (p < end && b[p] === Z) p++;
  else if (p < end && (b[p] === PLUS || b[p] === MINUS)) {
    const sign = b[p] === PLUS ? 1 : -1;
    const oh = num(p + 1, 2);
    const om = b[p + 3] === COLON ? num(p + 4, 2) : num(p + 3, 2);
    if (!(oh <= 23 && om <= 59)) return NaN;
    offsetMinutes = sign * (oh * 60 + om);
    p += b[p + 3] === COLON ? 6 : 5;
  }
  if (p !== end) return NaN;
  const local = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 - offsetMinutes * 60_000;
  return local + micros / 1000;
}

/** A whole number (optionally written `12.0`) in bytes[start, end); NaN if anything else. */
function parseWhole(b: Uint8Array, start: number, end: number): number {
  let p = start;
  const negative = b[p] === MINUS;
  if (negative) p++;
  let value = 0;
  const first = p;
  for (; p < end && isDigit(b[p]); p++) value = value * 10 + (b[p]! - ZERO);
  if (p === first) return NaN;
  if (p < end && b[p] === DOT) for (p++; p < end && b[p] === ZERO; p++);
  if (p !== end || value > Number.MAX_SAFE_INTEGER) return NaN;
  return negative ? -value : value;
}

const isNullText = (b: Uint8Array, start: number, end: number) =>
  end - start === 4 && b[start] === NULL[0] && b[start + 1] === NULL[1] && b[start + 2] === NULL[2] && b[start + 3] === NULL[3];

/** One value: a number, NaN for a missing optional value, or undefined when it is not acceptable. */
export function parseValue(kind: FieldKind, b: Uint8Array, start: number, end: number): number | undefined {
  if (kind === "optional" && (start === end || isNullText(b, start, end))) return NaN;
  const v = kind === "time" ? parseTime(b, start, end) : parseWhole(b, start, end);
  return Number.isNaN(v) ? undefined : v;
}

/** Where the value starting at `start` ends: the next ',' or ';', or the end. */
function valueEnd(b: Uint8Array, start: number, end: number): number {
  let p = start;
  while (p < end && b[p] !== COMMA && b[p] !== SEMICOLON) p++;
  return p;
}

/**
 * The usual time, `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`, read in place; anything else (another
 * offset, a malformed value) goes to parseTime. Returns the value and where it ended, or -1.
 */
function fastTime(b: Uint8Array, p: number, end: number, out: Float64Array, at: number): number {
  if (p + 25 > end || b[p + 4] !== MINUS || b[p + 7] !== MINUS || b[p + 10] !== T || b[p + 13] !== COLON || b[p + 16] !== COLON) return -1;
  const y0 = b[p]! - ZERO, y1 = b[p + 1]! - ZERO, y2 = b[p + 2]! - ZERO, y3 = b[p + 3]! - ZERO;
  const m0 = b[p + 5]! - ZERO, m1 = b[p + 6]! - ZERO, d0 = b[p + 8]! - ZERO, d1 = b[p + 9]! - ZERO;
  const h0 = b[p + 11]! - ZERO, h1 = b[p + 12]! - ZERO, i0 = b[p + 14]! - ZERO, i1 = b[p + 15]! - ZERO;
  const s0 = b[p + 17]! - ZERO, s1 = b[p + 18]! - ZERO;
  // A digit d has d >= 0 and 9 - d >= 0: one OR of all of them is negative if any byte is not a digit.
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | i0 | i1 | s0 | s1 | (9 - y0) | (9 - y1) | (9 - y2) | (9 - y3) | (9 - m0) | (9 - m1) | (9 - d0) | (9 - d1) | (9 - h0) | (9 - h1) | (9 - i0) | (9 - i1) | (9 - s0) | (9 - s1)) < 0) return -1;
  const hour = h0 * 10 + h1;
  const minute = i0 * 10 + i1;
  const second = s0 * 10 + s1;
  if (hour > 23 || minute > 59 || second > 59) return -1;
  let q = p + 19;
  let micros = 0;
  if (b[q] === DOT) {
    q++;
    let digits = 0;
    for (; q < end && b[q]! >= ZERO && b[q]! <= NINE; q++, digits++) if (digits < 6) micros = micros * 10 + (b[q]! - ZERO);
    if (digits === 0) return -1;
    for (; digits < 6; digits++) micros *= 10;
  }
  // "+00:00" then a separator or the end.
  if (q + 6 > end || b[q] !== PLUS || b[q + 1] !== ZERO || b[q + 2] !== ZERO || b[q + 3] !== COLON || b[q + 4] !== ZERO || b[q + 5] !== ZERO) return -1;
  q += 6;
  if (q < end && b[q] !== COMMA && b[q] !== SEMICOLON) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  out[at] = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + micros / 1000;
  return q;
}

/**
 * Parses `bytes` into `fields`, writing rows from `offset` on. Returns how many rows it read, or
 * the first row and field that is not acceptable (a missing required value, a malformed one, a
 * row with too few or too many values). Plain digits and the usual times are read in place; any
 * other value goes through parseValue.
 */
export function parsePacked(bytes: Uint8Array, fields: readonly PackedField[], offset: number): { rows: number } | PackedProblem {
  const width = fields.length;
  const end = bytes.length;
  const isTime = fields.map((f) => f.kind === "time");
  const into = fields.map((f) => f.into);
  let row = 0;
  let p = 0;
  while (p < end) {
    for (let f = 0; f < width; f++) {
      const target = into[f]!;
      const last = f === width - 1;
      const separator = last ? SEMICOLON : COMMA;
      const start = p;
      if (isTime[f]) {
        const q = fastTime(bytes, p, end, target, offset + row);
        if (q >= 0) {
          p = q + 1;
          continue;
        }
      } else {
        let v = 0;
        let c = bytes[p]!;
        while (c >= ZERO && c <= NINE && p < end) {
          v = v * 10 + (c - ZERO);
          c = bytes[++p]!;
        }
        if (p > start && (p < end ? c === separator : last) && v <= Number.MAX_SAFE_INTEGER) {
          target[offset + row] = v;
          p++;
          continue;
        }
      }
      // Anything else: find the value's end and read it the careful way.
      p = valueEnd(bytes, start, end);
      const value = parseValue(fields[f]!.kind, bytes, start, p);
      if (value === undefined || !(p < end ? bytes[p] === separator : last)) return { row, field: f };
      target[offset + row] = value;
      p++;
    }
    row++;
  }
  return { rows: row };
}
