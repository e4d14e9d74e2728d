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
  holds: boolean;
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

/** A share as a sentence quotes it: 0.8577 → "85.8 %" (to the digits that tell shares apart). */
export function asPercent(share: number): string {
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
 * shown struck through under a warning, and listed in the report's header.
 */
export function claim(text: string, holds: boolean): void {
  if (text.trim() === "") throw new DataError("claim(): the statement is empty");
  if (typeof holds !== "boolean") throw new DataError(`claim("${text}"): expected true or false for whether it holds, got ${String(holds)}`);
  const shown = holds ? text : `**⚠ Does not hold for the data this run read:** ~~${text.trim()}~~`;
  const plain = holds ? text : `⚠ DOES NOT HOLD for the data this run read: ${text}`;
  const value: Claim = { text, holds };
  emit({ "text/markdown": shown, "text/plain": plain, [CLAIM_MIME]: value });
}
