// tslab type-checks every cell against the declarations an import reaches. Vega-Lite's (with
// vega-typings, ~500 KB) made each notebook's import cell ~0.2 s slower, so the public .d.ts of
// what notebooks import must not reach them; nor polars' (~450 KB, ~0.1 s) for the displays and
// for an analysis whose notebook does not use polars itself (clubhouse). Reads dist/: `npm test`
// builds it first.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";

const DIST = resolve(__dirname, "..", "dist");
const VEGA = /^vega(-lite|-typings)?(\/|$)/;

/** The .d.ts a relative specifier names: `./chart`, `./chart.js` or `./jelly` (its index.d.ts). */
function declarationOf(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, "");
  return [`${base}.d.ts`, join(base, "index.d.ts")].find(exists);
}

/** Each package the declarations reachable from `entry` import, with the file that first imports it. */
function packagesReached(entry: string, read: (path: string) => string, exists: (path: string) => boolean): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(read(file), true, true);
    const specifiers = [...info.importedFiles, ...info.referencedFiles, ...info.typeReferenceDirectives].map((r) => r.fileName);
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) {
        const target = declarationOf(file, specifier, exists);
        assert.ok(target, `${file}: cannot find the declarations of ${specifier}`);
        queue.push(target);
      } else if (!packages.has(specifier)) {
        packages.set(specifier, file);
      }
    }
  }
  return packages;
}

test("the walk follows export-from, import type and import() types, and sees through comments", () => {
  const files = new Map([
    ["/d/index.d.ts", 'export { a } from "./a";\nexport * from "./b/index.js";'],
    ["/d/a.d.ts", '// an example: import x from "not-a-package"\nexport declare const a: import("./c").C;'],
    ["/d/b/index.d.ts", 'import type { DataFrame } from "nodejs-polars";\nexport declare const b: DataFrame;'],
    ["/d/c.d.ts", 'import type { TopLevelSpec } from "vega-lite";\nexport type C = TopLevelSpec;'],
  ]);
  const reached = packagesReached("/d/index.d.ts", (p) => files.get(p)!, (p) => files.has(p));
  assert.equal([...reached], [
    ["nodejs-polars", "/d/b/index.d.ts"],
    ["vega-lite", "/d/c.d.ts"],
  ]);
});

for (const area of ["display", "clubhouse", "jelly", "uniques"]) {
  test(`analysis/${area}: its public declarations do not reach vega-lite, vega or vega-typings`, () => {
    const reached = packagesReached(join(DIST, area, "index.d.ts"), (p) => readFileSync(p, "utf8"), existsSync);
    const vega = [...reached].filter(([name]) => VEGA.test(name)).map(([name, file]) => `${file.slice(DIST.length + 1)} imports ${name}`);
    assert.equal(vega, []);
  });
}

for (const area of ["display", "clubhouse"]) {
  test(`analysis/${area}: its public declarations do not reach nodejs-polars`, () => {
    const reached = packagesReached(join(DIST, area, "index.d.ts"), (p) => readFileSync(p, "utf8"), existsSync);
    const polars = [...reached].filter(([name]) => name.startsWith("nodejs-polars")).map(([name, file]) => `${file.slice(DIST.length + 1)} imports ${name}`);
    assert.equal(polars, []);
  });
}

test.run();
