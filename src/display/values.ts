// How numbers and values read in tables: thousands separators, sensible decimals,
// and tiny values (p-values) in scientific notation rather than a misleading 0.
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const fourSignificant = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

export function formatInteger(x: number | bigint): string {
  return integer.format(x);
}

export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 1e-4) return x.toExponential(2);
  return abs >= 1 ? twoDecimals.format(x) : fourSignificant.format(x);
}

/** A Date as `2020-03-17` when it is midnight UTC, else `2020-03-17 07:51:28` (UTC). */
export function formatDate(d: Date): string {
  const iso = d.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}
