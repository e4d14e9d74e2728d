// The loader's fast path at the level of bytes (tally-text.ts puts it together): lines of a text
// extract counted by what the method reads, without a string per field.
import { CountTable } from "./count-table";
import { AGENT_TYPES, COLUMNS } from "./schema";

const enum Role {
  Other,
  Dt,
  Host,
  Ip,
  UserAgent,
  AcceptLanguage,
  XAnalytics,
  AgentType,
  IsPageview,
}
const ROLE: Record<(typeof COLUMNS)[number], Role> = {
  dt: Role.Dt,
  uri_host: Role.Host,
  ip: Role.Ip,
  user_agent: Role.UserAgent,
  accept_language: Role.AcceptLanguage,
  x_analytics: Role.XAnalytics,
  agent_type: Role.AgentType,
  is_pageview: Role.IsPageview,
};
const bytes = (s: string) => Uint8Array.from(Buffer.from(s, "latin1"));
/** In AGENT_TYPES' order: a tally key holds the index. */
const [USER, SPIDER, AUTOMATED] = AGENT_TYPES.map(bytes) as [Uint8Array, Uint8Array, Uint8Array];
const TRUE = bytes("true");
const FALSE = bytes("false");
const NOCOOKIES = bytes("nocookies=1");
const LAST_ACCESS = bytes("WMF-Last-Access=");
/** Bytes of a WMF-Last-Access value kept: a readable date has at most 11, so any value cut stays unreadable. */
const VALUE_BYTES = 13;
const MAX_HOSTS = 1 << 16;
const MAX_DAYS = 1 << 12;

/** Byte strings numbered in order of first sight. */
export class Interner {
  private slots = new Int32Array(1 << 10);
  private hashes: number[] = [];
  private starts: number[] = [];
  private pool = new Uint8Array(1 << 12);
  private poolSize = 0;

  id(b: Uint8Array, s: number, e: number, h: number): number {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return this.insert(slot, b, s, e, h);
      if (this.hashes[id] === h && this.same(id, b, s, e)) return id;
    }
  }

  get size(): number {
    return this.hashes.length;
  }

  text(id: number): string {
    return Buffer.from(this.pool.buffer, this.starts[id]!, this.starts[id + 1]! - this.starts[id]!).toString("utf8");
  }

  private same(id: number, b: Uint8Array, s: number, e: number): boolean {
    const at = this.starts[id]!;
    if (this.starts[id + 1]! - at !== e - s) return false;
    for (let i = 0; i < e - s; i++) if (this.pool[at + i] !== b[s + i]) return false;
    return true;
  }

  private insert(slot: number, b: Uint8Array, s: number, e: number, h: number): number {
    const id = this.hashes.length;
    if (this.starts.length === 0) this.starts.push(0);
    while (this.poolSize + (e - s) > this.pool.length) {
      const larger = new Uint8Array(this.pool.length * 2);
      larger.set(this.pool);
      this.pool = larger;
    }
    this.pool.set(b.subarray(s, e), this.poolSize);
    this.poolSize += e - s;
    this.starts.push(this.poolSize);
    this.hashes.push(h);
    this.slots[slot] = id + 1;
    if (this.hashes.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.hashes.forEach((h, id) => {
      let slot = h & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    });
  }
}

export function fnv(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h;
}

function equals(b: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word[i]) return false;
  return true;
}

function startsWith(b: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  if (e - s < word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word[i]) return false;
  return true;
}

const digit = (c: number) => c >= 48 && c <= 57;

/** DT_PATTERN (webrequest.ts) on bytes: `YYYY-MM-DD[T ]hh:mm:ss`, a fraction, then `Z`, `+00:00` or nothing. */
export function dtShape(b: Uint8Array, s: number, e: number): boolean {
  if (e - s < 19) return false;
  if (!(digit(b[s]!) && digit(b[s + 1]!) && digit(b[s + 2]!) && digit(b[s + 3]!) && b[s + 4] === 45 && digit(b[s + 5]!) && digit(b[s + 6]!) && b[s + 7] === 45 && digit(b[s + 8]!) && digit(b[s + 9]!))) return false;
  if (b[s + 10] !== 84 && b[s + 10] !== 32) return false;
  const h0 = b[s + 11]!;
  const h1 = b[s + 12]!;
  if (!((h0 === 48 || h0 === 49) && digit(h1)) && !(h0 === 50 && h1 >= 48 && h1 <= 51)) return false;
  if (!(b[s + 13] === 58 && b[s + 14]! >= 48 && b[s + 14]! <= 53 && digit(b[s + 15]!) && b[s + 16] === 58 && b[s + 17]! >= 48 && b[s + 17]! <= 53 && digit(b[s + 18]!))) return false;
  let q = s + 19;
  if (q < e && b[q] === 46) {
    q++;
    if (q >= e || !digit(b[q]!)) return false;
    while (q < e && digit(b[q]!)) q++;
  }
  if (q === e) return true;
  if (b[q] === 90) return q + 1 === e;
  return e - q === 6 && b[q] === 43 && b[q + 1] === 48 && b[q + 2] === 48 && b[q + 3] === 58 && b[q + 4] === 48 && b[q + 5] === 48;
}

/** A day the calendar has (proleptic Gregorian, as polars reads `%Y-%m-%d`); years outside 1000–9999 are left to the plain path. */
function calendarDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The last signature hashed, two 32-bit lanes. */
const signature = new Int32Array(2);

/**
 * hash(ip, user_agent, accept_language) in 64 bits, two 32-bit lanes (FNV-1a, and a multiply and
 * rotate); each field's length goes in after it, so that no other split of the same bytes into
 * three fields hashes alike.
 */
function hashSignature(b: Uint8Array, s0: number, e0: number, s1: number, e1: number, s2: number, e2: number): void {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x3c6ef372 | 0;
  for (let field = 0; field < 3; field++) {
    const from = field === 0 ? s0 : field === 1 ? s1 : s2;
    const to = field === 0 ? e0 : field === 1 ? e1 : e2;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x9e3779b1);
      h2 = (h2 << 13) | (h2 >>> 19);
    }
    h1 = Math.imul(h1 ^ (0x100 + to - from), 0x01000193);
    h2 = Math.imul(h2 + 0x100 + to - from, 0x9e3779b1);
    h2 = (h2 << 13) | (h2 >>> 19);
  }
  signature[0] = h1;
  signature[1] = h2;
}

/**
 * Counts lines: per host, day, agent type, pageview flag, nocookies and last-access value (the
 * tally), and per host, day and signature (the counted cookie-less requests). A method answers
 * null, or why the fast path declines the file.
 */
export class RequestTally {
  readonly hosts = new Interner();
  /** WMF-Last-Access values, cut to VALUE_BYTES; a tally key holds the value's id + 1, 0 when absent. */
  readonly values = new Interner();
  readonly days: string[] = [];
  readonly counts = new CountTable(1 << 16);
  /** Keys: host << 12 | day, and the signature's two 32-bit halves. */
  readonly signatures = new CountTable(1 << 16);
  rows = 0;
  private readonly dayIds = new Map<number, number>();
  private roles: Role[] = [];
  private lastDayNumber = -1;
  private lastDayId = -1;

  /** The header's names: which column is which. */
  header(names: string[]): string | null {
    if (names.some((name) => name.includes("\r")) || new Set(names).size !== names.length) return "an unusual header";
    for (const c of COLUMNS) if (!names.includes(c)) return `no column ${c}`;
    this.roles = names.map((name) => ROLE[name as keyof typeof ROLE] ?? Role.Other);
    return null;
  }

  /** Counts the lines of `b`, whole lines each ending in a newline. */
  lines(b: Uint8Array): string | null {
    const { roles, hosts, values, days, counts, signatures } = this;
    const fields = roles.length;
    const last = fields - 1;
    let lastDayNumber = this.lastDayNumber;
    let lastDayId = this.lastDayId;
    let rows = 0;
    let p = 0;
    // memchr through Buffer's indexOf finds tabs and newlines faster than a loop over the bytes.
    const find = Buffer.from(b.buffer, b.byteOffset, b.length);
    const end = b.length;
    // The first tab after p: a line's last field is checked to hold none before its newline, and
    // the tab found then is the next line's first.
    let tab = find.indexOf(9, p);
    while (p < end) {
      const newline = find.indexOf(10, p);
      if (b[newline - 1] === 13) return "a carriage return";
      let host = -1;
      let day = -1;
      let agent = -1;
      let pageview = -1;
      let nocookies = 0;
      let lastAccess = 0;
      let ipStart = 0;
      let ipEnd = 0;
      let uaStart = 0;
      let uaEnd = 0;
      let alStart = 0;
      let alEnd = 0;
      for (let f = 0; f < fields; f++) {
        const s = p;
        let e: number;
        if (f < last) {
          if (tab < 0 || tab > newline) return "a ragged line";
          e = tab;
          tab = find.indexOf(9, tab + 1);
        } else {
          if (tab >= 0 && tab < newline) return "a ragged line";
          e = newline;
        }
        p = e + 1;
        switch (roles[f]) {
          case Role.Dt: {
            if (!dtShape(b, s, e)) return "a dt the checks reject";
            const number = ((b[s]! - 48) * 1000 + (b[s + 1]! - 48) * 100 + (b[s + 2]! - 48) * 10 + (b[s + 3]! - 48)) * 10000 + ((b[s + 5]! - 48) * 10 + (b[s + 6]! - 48)) * 100 + (b[s + 8]! - 48) * 10 + (b[s + 9]! - 48);
            if (number !== lastDayNumber) {
              let id = this.dayIds.get(number);
              if (id === undefined) {
                if (!calendarDay(Math.floor(number / 10000), Math.floor(number / 100) % 100, number % 100)) return "a day the calendar does not have";
                id = days.length;
                this.dayIds.set(number, id);
                days.push(Buffer.from(b.buffer, b.byteOffset + s, 10).toString("latin1"));
              }
              lastDayNumber = number;
              lastDayId = id;
            }
            day = lastDayId;
            break;
          }
          case Role.Host:
            host = hosts.id(b, s, e, fnv(b, s, e));
            break;
          case Role.Ip:
            ipStart = s;
            ipEnd = e;
            break;
          case Role.UserAgent:
            uaStart = s;
            uaEnd = e;
            break;
          case Role.AcceptLanguage:
            alStart = s;
            alEnd = e;
            break;
          case Role.AgentType:
            agent = equals(b, s, e, USER) ? 0 : equals(b, s, e, SPIDER) ? 1 : equals(b, s, e, AUTOMATED) ? 2 : -1;
            if (agent < 0) return "an agent_type the checks reject";
            break;
          case Role.IsPageview:
            pageview = equals(b, s, e, TRUE) ? 1 : equals(b, s, e, FALSE) ? 0 : -1;
            if (pageview < 0) return "an is_pageview the checks reject";
            break;
          case Role.XAnalytics: {
            // Key by key: `nocookies=1` exactly, and the first `WMF-Last-Access=` (not -Global).
            let seen = false;
            for (let q = s; q <= e; ) {
              let r = find.indexOf(59, q);
              if (r < 0 || r > e) r = e;
              if (b[q] === 110 && equals(b, q, r, NOCOOKIES)) nocookies = 1;
              else if (!seen && b[q] === 87 && startsWith(b, q, r, LAST_ACCESS)) {
                seen = true;
                const v = q + LAST_ACCESS.length;
                const ve = Math.min(r, v + VALUE_BYTES);
                lastAccess = values.id(b, v, ve, fnv(b, v, ve)) + 1;
              }
              q = r + 1;
            }
            break;
          }
        }
      }
      if (host >= MAX_HOSTS || day >= MAX_DAYS) return "more hosts or days than the fast path's keys hold";
      counts.add((host << 16) | (day << 4) | (agent << 2) | (pageview << 1) | nocookies, lastAccess, 0, 1);
      if (nocookies === 1 && agent === 0 && pageview === 1) {
        hashSignature(b, ipStart, ipEnd, uaStart, uaEnd, alStart, alEnd);
        signatures.add((host << 12) | day, signature[0]!, signature[1]!, 1);
      }
      rows++;
    }
    this.lastDayNumber = lastDayNumber;
    this.lastDayId = lastDayId;
    this.rows += rows;
    return null;
  }
}
