// formatPValue(p, log10p): a p-value as text, with its digits at any size.
//   p ≥ 10⁻⁴            three significant digits: "0.0794", "0.000121"
//   10⁻³⁰⁰ ≤ p < 10⁻⁴   "5.24 × 10⁻²¹⁰"
//   p < 10⁻³⁰⁰          "< 10⁻³⁰⁰ (log₁₀ p = −317.4)": near and below the smallest double, p itself
//                        is 0 or has lost digits, so the bound is given with log₁₀ p from log space.
// A missing or NaN p gives "–".

/** Below this, a p is told by its log₁₀: doubles keep full precision only down to about 2.2 × 10⁻³⁰⁸. */
export const LOG10_P_FLOOR = -300;

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
const superscript = (n: number) => [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join("");
const minus = (s: string) => s.replace("-", "−");

export function formatPValue(p: number | null | undefined, log10p?: number | null): string {
  const lg = log10p ?? (p === null || p === undefined ? NaN : Math.log10(p));
  if (Number.isNaN(lg)) return "–";
  if (lg < LOG10_P_FLOOR) return `< 10${superscript(LOG10_P_FLOOR)} (log₁₀ p = ${minus(lg.toFixed(1))})`;
  const value = p !== null && p !== undefined && p > 0 ? p : 10 ** lg;
  if (lg >= -4) return value.toPrecision(3);
  const [mantissa, exponent] = value.toExponential(2).split("e") as [string, string];
  return `${mantissa} × 10${superscript(Number(exponent))}`;
}
