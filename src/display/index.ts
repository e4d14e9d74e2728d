// What notebooks call to show things and keep results.
export { chart, themed, VEGALITE_MIME, type ChartSpec } from "./chart";
export { captureDisplays, emit, type Display, type MimeBundle } from "./emit";
export { escapeHtml, formatDate, formatFloat, formatInteger } from "./values";
export { above, all, asPercent, atLeast, below, claim, CLAIM_MIME, md, quote, type Claim } from "./prose";
export { record, SCRAP_MIME, type Scrap } from "./record";
export { show } from "./show";
export { tableHtml, tableText, type TableOptions } from "./table";
export { FONT, PALETTE, theme } from "./theme";
