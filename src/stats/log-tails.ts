// Upper tail probabilities as log₁₀ p, computed in log space so that a p below the smallest double
// keeps its digits (t ≈ 38 with 73,000 degrees of freedom: p ≈ 10^-317.2, which is 0 as a double).
//
// Student's t, https://en.wikipedia.org/wiki/Student%27s_t-distribution#Cumulative_distribution_function
//   P(T ≥ t) = ½ I_x(ν/2, ½) for t > 0, x = ν/(ν + t²), I the regularised incomplete beta, with
//   ln I_x(a, b) = a ln x + b ln(1 − x) − ln a − ln B(a, b) + ln CF(a, b, x)
//   and CF the continued fraction of Numerical Recipes (§6.4, modified Lentz), which converges for
//   x < (a + 1)/(a + b + 2); beyond that, I_x(a, b) = 1 − I_{1−x}(b, a).
// Standard normal, https://en.wikipedia.org/wiki/Mills_ratio
//   ln P(Z ≥ z) = −z²/2 − ln √(2π) + ln R(z), R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))) (Laplace),
//   used from z = 8, where the fraction converges in a few dozen terms; below, Φ(−z) is an ordinary double.
// A negative statistic's upper tail is near 1: ln(1 − q) = log1p(−q) with q the tail of |t| or |z|.
import gammaDeltaRatio from "@stdlib/math-base-special-gamma-delta-ratio";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

const LN10 = Math.LN10;
const LN_SQRT_PI = 0.5 * Math.log(Math.PI);
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const TINY = 1e-300;
const EPS = 1e-16;
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * A tail probability as a double: `p` where it is a normal double, else 10^log10p. Below the
 * smallest normal double (2.2 × 10⁻³⁰⁸) a CDF's subnormal result has lost digits (stdlib's t CDF
 * gives 1.9 × 10⁻³¹⁸ where the tail is 4.5 × 10⁻³¹⁸); 10^log10p is the true value rounded.
 */
export function tailFromLog10(p: number, log10p: number): number {
  return p >= MIN_NORMAL ? p : 10 ** log10p;
}

/** log₁₀ P(T ≥ t) for Student's t with `df` degrees of freedom (df > 0, any real t). */
export function log10StudentTUpper(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return log10NormalUpper(t);
  if (t === 0) return Math.log10(0.5);
  const lnTail = lnStudentTUpperPositive(Math.abs(t), df);
  return (t > 0 ? lnTail : Math.log1p(-Math.exp(lnTail))) / LN10;
}

/** log₁₀ P(Z ≥ z) for the standard normal. */
export function log10NormalUpper(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const lnTail = lnNormalUpperPositive(Math.abs(z));
  return (z >= 0 ? lnTail : Math.log1p(-Math.exp(lnTail))) / LN10;
}

/** ln P(T ≥ t), t > 0. */
function lnStudentTUpperPositive(t: number, df: number): number {
  if (t === Infinity) return -Infinity;
  const a = df / 2;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2); // 1 − x without the cancellation
  // ln x and ln(1 − x) from t and ν, not from x: 1 − x cancels when t² ≪ ν.
  const lnX = -Math.log1p(t2 / df);
  const ln1mX = Math.log(t2) - Math.log(df + t2);
  // B(a, ½) = Γ(½) · Γ(a)/Γ(a + ½); the ratio comes whole, without subtracting two large lnΓ.
  const lnB = LN_SQRT_PI + Math.log(gammaDeltaRatio(a, 0.5));
  let lnI: number;
  if (x < (a + 1) / (a + 1.5 + 1)) {
    lnI = a * lnX + 0.5 * ln1mX - Math.log(a) - lnB + Math.log(betaFraction(a, 0.5, x));
  } else {
    const lnJ = 0.5 * ln1mX + a * lnX - Math.log(0.5) - lnB + Math.log(betaFraction(0.5, a, y));
    lnI = Math.log1p(-Math.exp(lnJ));
  }
  return lnI - Math.LN2;
}

/** The continued fraction of I_x(a, b), by the modified Lentz method. */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  const guard = (v: number) => (Math.abs(v) < TINY ? TINY : v);
  let c = 1;
  let d = 1 / guard(1 - (qab * x) / qap);
  let h = d;
  // Near the switch point the fraction needs O(√max(a, b)) terms.
  const limit = Math.ceil(200 + 20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= limit; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 / guard(1 + aa * d);
    c = guard(1 + aa / c);
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 / guard(1 + aa * d);
    c = guard(1 + aa / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta: the continued fraction for a = ${a}, b = ${b}, x = ${x} did not converge in ${limit} terms`);
}

/** ln P(Z ≥ z), z ≥ 0. */
function lnNormalUpperPositive(z: number): number {
  if (z < 8) return Math.log(normalCdf(-z, 0, 1));
  if (z === Infinity) return -Infinity;
  // Evaluated from the bottom: at z ≥ 8, 60 levels are far more than double precision needs.
  let f = z;
  for (let k = 60; k >= 1; k--) f = z + k / f;
  return -0.5 * z * z - LN_SQRT_2PI - Math.log(f);
}
