// Prose that stays true after a refresh: `md` writes a sentence that quotes computed values, and
// `claim` states a fact about the data together with the check that it holds, so that a report
// whose data stopped supporting a sentence says so at the sentence, in its header and in the
// terminal (and fails the run with --strict) instead of printing it as true.
import { DataError } from "../errors";
import { emit } from "./emit";
import { formatDate, formatFloat, formatInteger } from "./values";

export const CLAIM_MIME = "application/vnd.analysis.claim+json";

export interface Claim {
  text: string;
  /** null: the data needed to check it are missing ("not checked on this data"), which is not a pass. */
  holds: boolean | null;
}

/** Characters Markdown would read as formatting, in a value quoted inside a sentence. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>()#+!|~]/g;

/** A value as a sentence quotes it: integers with thousands separators, other numbers to a few digits, dates as days. */
export function quote(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? formatInteger(value) : formatFloat(value);
  if (typeof value === "bigint") return formatInteger(value);
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return value.map(quote).join(", ");
  return String(value).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A share as a sentence quotes it: 0.8577 → "85.8 %" (to the digits that tell shares apart); "n/a" when missing. */
export function asPercent(share: number | null): string {
  if (share === null || Number.isNaN(share)) return "n/a";
  const p = share * 100;
  return `${Math.abs(p) >= 10 ? p.toFixed(0) : Math.abs(p) >= 1 ? p.toFixed(1) : p.toPrecision(2)} %`;
}

/** The sentence with its values quoted, as Markdown. */
export function markdownOf(strings: TemplateStringsArray, values: readonly unknown[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? quote(values[i]) : ""), "");
}

/** Displays Markdown that quotes computed values: md`Sign-ups peaked on ${day} with ${count} users.` */
export function md(strings: TemplateStringsArray, ...values: unknown[]): void {
  const text = markdownOf(strings, values);
  emit({ "text/markdown": text, "text/plain": text });
}

/**
 * Displays a statement about the data and records whether it holds: claim(`YouTube sessions are
 * shorter than Netflix sessions`, youtube.mean < netflix.mean). A statement that does not hold is
 * shown struck through under a warning, and listed in the report's header. `null` says the data
 * needed to check it are missing: the statement is shown as not checked, never as true.
 */
export function claim(text: string, holds: boolean | null): void {
  if (text.trim() === "") throw new DataError("claim(): the statement is empty");
  if (typeof holds !== "boolean" && holds !== null) throw new DataError(`claim("${text}"): expected true, false or null (cannot tell) for whether it holds, got ${String(holds)}`);
  const shown = holds === true ? text : holds === false ? `**⚠ Does not hold for the data this run read:** ~~${text.trim()}~~` : `**Not checked on this data** (what it needs is missing): ${text.trim()}`;
  const plain = holds === true ? text : holds === false ? `⚠ DOES NOT HOLD for the data this run read: ${text}` : `NOT CHECKED on this data (what it needs is missing): ${text}`;
  const value: Claim = { text, holds };
  emit({ "text/markdown": shown, "text/plain": plain, [CLAIM_MIME]: value });
}

/** A value a check needs: null or undefined when the data did not give it. */
type Maybe<T> = T | null | undefined;

/** a > b, or null when either is missing (missing is not zero). */
export function above<T extends number | string>(a: Maybe<T>, b: Maybe<T>): boolean | null {
  return a === null || a === undefined || b === null || b === undefined || Number.isNaN(a) || Number.isNaN(b) ? null : a > b;
}

/** a < b, or null when either is missing. */
export function below<T extends number | string>(a: Maybe<T>, b: Maybe<T>): boolean | null {
  return above(b, a);
}

/** a >= b, or null when either is missing. */
export function atLeast<T extends number | string>(a: Maybe<T>, b: Maybe<T>): boolean | null {
  const less = below(a, b);
  return less === null ? null : !less;
}

/**
 * Checks that must all hold, in three-valued logic: false if any is false, else null if any could not
 * be checked, else true.
 */
export function all(...checks: readonly (boolean | null)[]): boolean | null {
  if (checks.includes(false)) return false;
  return checks.includes(null) ? null : true;
}
