// The part of jsdom the sanitizer uses: a window to hand to DOMPurify. jsdom ships no types, and
// @types/jsdom is written for TypeScript 5.3 or newer (import attributes), which the compiler
// `npx tsc` finds here (tslab's 5.0) cannot read; so it is declared by hand, as small as what is called.
declare module "jsdom" {
  import type { WindowLike } from "dompurify";

  /** Where a page's console messages and jsdom's own errors go; a fresh one sends them nowhere. */
  export class VirtualConsole {}

  export class JSDOM {
    constructor(html?: string, options?: { virtualConsole?: VirtualConsole });
    readonly window: WindowLike;
  }
}
