// Text placed inside <script> elements: the HTML parser ends a script at the first `</script`
// whatever the JavaScript around it, and `<!--` switches it into a mode where that can go wrong.

/** JSON for `<script type="application/json">`: `<` becomes \u003c, which JSON.parse reads back as `<`. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * JavaScript for an inline <script>. In real code `</script` and `<!--` only occur inside strings,
 * regexes or comments, where `\x3C` reads as `<` (in strings and regexes, `u` flag included).
 */
export function scriptForInline(js: string): string {
  return js.replace(/<(\/script|!--)/gi, "\\x3C$1");
}
