// The library notebooks import: `import { show, chart, record } from "analysis"`,
// or one area at a time: `import { show } from "analysis/display"`.
export * from "./display";
export { readCsv } from "./io/csv";
export { DataError } from "./errors";
