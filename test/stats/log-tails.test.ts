// Far tails against 50-digit arithmetic (mpmath). Every expected value below was computed once with
//   python3 -c "import mpmath as m; m.mp.dps = 50; t, df = m.mpf('38'), m.mpf(73000);
//     print(m.nstr(m.log10(m.betainc(df/2, m.mpf(1)/2, 0, df/(df + t*t), regularized=True)/2), 17))"
// (Student's t upper tail, t ≥ 0; for t < 0, log10(1 − that of |t|)) and
//   python3 -c "import mpmath as m; m.mp.dps = 50; print(m.nstr(m.log10(m.ncdf(-m.mpf('38'))), 17))"
// (standard normal upper tail), with each case's t, df or z put in. The last test recomputes a grid
// with mpmath where Python has it.
import { spawnSync } from "node:child_process";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { log10NormalUpper, log10StudentTUpper } from "../../src/stats/log-tails";
import { crossCheck, pythonWith } from "../reference";

function close(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

// [t, df, log10 P(T ≥ t)]
const STUDENT: [number, number, number][] = [
  [38, 73000, -312.4745938894192],
  [38.3, 73000, -317.35127534491895], // the whole-minute test on ~80,000 sessions: p ≈ 10^-317.2
  [37.5, 1e6, -307.12192453538695],
  [300, 200, -266.96732474918351],
  [1000, 100000, -52072.512653022873],
  [40, 1000, -209.28071628267048],
  [100, 5, -9.0231913368352865],
  [8, 1e7, -15.206096699361711],
  [4, 73000, -4.4989076028754454],
  [5, 3, -2.1137225806460161],
  [2, 10, -1.4354047376094083],
  [1.5, 17.776, -1.1215752585108102],
  [10, 1, -1.4985912860054673],
  [0.1, 73000, -0.33707952714593883],
  [0.001, 2, -0.30133719678516917],
  [-3, 20, -0.0015392363783811424],
];

// [z, log10 P(Z ≥ z)]
const NORMAL: [number, number][] = [
  [1000, -217150.64004199439],
  [100, -2173.8715428690344],
  [40, -349.43700645934584],
  [38, -315.53978970396251],
  [20, -88.560095343075592],
  [10, -23.118053405486076],
  [8.5, -17.023212973749166],
  [8, -15.206142551017155],
  [7.9, -14.855576141380922],
  [3, -2.8696990359293691],
  [0.5, -0.51069198926524077],
  [-2, -0.0099943795341087089],
  [-9, -4.9013971704574007e-20],
];

test("Student's t upper tail in log space: 1e-6 relative on log10 p against mpmath, far below the doubles and in ordinary ranges", () => {
  for (const [t, df, expected] of STUDENT) close(log10StudentTUpper(t, df), expected, 1e-6, `t = ${t}, df = ${df}`);
  // As a double the first cases are 0: that is what the log space is for.
  assert.is(tCdf(-38, 73000), 0);
});

test("where p is an ordinary double, log10 p agrees with the p of stdlib's t CDF", () => {
  for (const [t, df] of STUDENT) {
    const p = tCdf(-t, df);
    if (p > 1e-300) close(log10StudentTUpper(t, df), Math.log10(p), 1e-9, `t = ${t}, df = ${df}`);
  }
});

test("standard normal upper tail in log space against mpmath, and against stdlib's Φ where it is a double", () => {
  for (const [z, expected] of NORMAL) close(log10NormalUpper(z), expected, 1e-6, `z = ${z}`);
  // A negative z's tail is near 1, where log10(Φ(−z)) rounds to 0: only the positive ones compare.
  for (const [z] of NORMAL.filter(([z]) => z > 0)) {
    const p = normalCdf(-z, 0, 1);
    if (p > 1e-300) close(log10NormalUpper(z), Math.log10(p), 1e-9, `z = ${z}`);
  }
});

test("edges: t = 0 is ½, infinite t is log 0, infinite df is the normal, NaN stays NaN", () => {
  assert.is(log10StudentTUpper(0, 12), Math.log10(0.5));
  assert.is(log10StudentTUpper(Infinity, 12), -Infinity);
  assert.is(log10StudentTUpper(-Infinity, 12), 0);
  assert.is(log10StudentTUpper(3, Infinity), log10NormalUpper(3));
  assert.ok(Number.isNaN(log10StudentTUpper(NaN, 3)));
  assert.ok(Number.isNaN(log10StudentTUpper(1, 0)));
  close(log10NormalUpper(0), Math.log10(0.5), 1e-15, "z = 0");
  assert.is(log10NormalUpper(Infinity), -Infinity);
});

// (mpmath's betainc gives up near t = 150 with millions of df, where p ≈ 10^-4900.)
const GRID_T = [0.5, 3, 12, 38.3, 75];
const GRID_DF = [1, 4.5, 30, 999.5, 73000, 1e6];
const GRID_Z = [0.2, 6, 8.01, 30, 37.6, 500];

crossCheck(test, "a grid of t, df and z recomputed with mpmath at 50 digits", pythonWith(["mpmath"]), (python) => {
  const script = `
import json, sys, mpmath as m
m.mp.dps = 50
q = json.load(sys.stdin)
half = m.mpf(1) / 2
t = [[float(m.log10(m.betainc(m.mpf(df) / 2, half, 0, m.mpf(df) / (m.mpf(df) + m.mpf(x) ** 2), regularized=True) / 2)) for df in q["df"]] for x in q["t"]]
z = [float(m.log10(m.ncdf(-m.mpf(x)))) for x in q["z"]]
print(json.dumps({"t": t, "z": z}))
`;
  const run = spawnSync(python, ["-c", script], { input: JSON.stringify({ t: GRID_T, df: GRID_DF, z: GRID_Z }), encoding: "utf8" });
  assert.is(run.status, 0, run.stderr);
  const expected = JSON.parse(run.stdout) as { t: number[][]; z: number[] };
  GRID_T.forEach((t, i) => GRID_DF.forEach((df, j) => close(log10StudentTUpper(t, df), expected.t[i]![j]!, 1e-6, `t = ${t}, df = ${df}`)));
  GRID_Z.forEach((z, i) => close(log10NormalUpper(z), expected.z[i]!, 1e-6, `z = ${z}`));
});

test.run();
