// vega's browser builds, inlined once into reports that have charts: the live views run
// offline, from the file alone.
import { readFileSync } from "node:fs";
import { scriptForInline } from "./inline";

// vega-interpreter evaluates vega's expressions without `Function`, so the page's CSP needs no 'unsafe-eval'.
const VENDOR = ["vega/build/vega.min.js", "vega-interpreter/build/vega-interpreter.min.js", "vega-tooltip/build/vega-tooltip.min.js"] as const;

let cached: string[] | undefined;

function vendorScript(module: string): string {
  let file: string;
  let js: string;
  try {
    file = require.resolve(module);
    js = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`cannot inline ${module} into the report (${(e as Error).message}); expected it in node_modules, run npm install`);
  }
  // The source map is not inlined; a comment pointing at it would only make devtools ask for it.
  return scriptForInline(js.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
}

/** The scripts' text, in order, defining the globals `vega` (with `vega.expressionInterpreter`) and `vegaTooltip`. */
export function chartRuntimeScripts(): string[] {
  cached ??= VENDOR.map((m) => vendorScript(m));
  return cached;
}
