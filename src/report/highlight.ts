// Syntax highlighting at export time, so code reads coloured with JavaScript off.
// highlight.js's "common" build: TypeScript for cells, and the usual languages of markdown fences.
import hljs from "highlight.js/lib/common";
import { escapeHtml } from "../display/values";

/** Highlighted HTML (hljs classes, styled by the report's CSS); an unknown language is escaped text. */
export function highlight(code: string, language = "typescript"): string {
  const lang = language.trim().toLowerCase();
  if (lang === "" || hljs.getLanguage(lang) === undefined) return escapeHtml(code);
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}
