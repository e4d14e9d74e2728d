import { test } from "uvu";
import * as assert from "uvu/assert";
import { drawDuration, durationModel } from "../../../src/jelly/simulate/durations";
import { Random } from "../../../src/stats/random";

/** The mixture's mean and second moment, from its definition (exponential 0.4, uniform 24–36 h, log-normal). */
function moments(m: ReturnType<typeof durationModel>): [number, number] {
  const body = 1 - m.shortShare - m.dayShare;
  const [a, b] = [1440, 2160];
  const mean = m.shortShare * 0.4 + m.dayShare * ((a + b) / 2) + body * Math.exp(m.mu + m.sigma ** 2 / 2);
  const second = m.shortShare * 2 * 0.16 + m.dayShare * ((a * a + a * b + b * b) / 3) + body * Math.exp(2 * m.mu + 2 * m.sigma ** 2);
  return [mean, second];
}

test("the mixture has the target mean and standard deviation (the original's Netflix: 47.5 and 73.5)", () => {
  const model = durationModel(47.5, 73.5, 0.36);
  const [mean, second] = moments(model);
  assert.ok(Math.abs(mean - 47.5) < 1e-9, `mean ${mean}`);
  assert.ok(Math.abs(Math.sqrt(second - mean * mean) - 73.5) < 1e-9, `std ${Math.sqrt(second - mean * mean)}`);
  assert.ok(model.dayShare > 0 && model.dayShare <= 0.0002);
});

test("draws: many very short sessions, the mean near its target", () => {
  const model = durationModel(30.5, 72.5, 0.42);
  const random = new Random(11);
  const n = 200_000;
  let sum = 0;
  let short = 0;
  for (let i = 0; i < n; i++) {
    const d = drawDuration(model, random);
    sum += d;
    if (d < 1) short++;
  }
  assert.ok(Math.abs(sum / n - 30.5) < 1.5, `mean ${sum / n}`);
  // 42% are drawn from the very short sessions (exponential, mean 0.4 minutes), 92% of which end within a minute.
  assert.ok(short / n > 0.38 && short / n < 0.45, `share under a minute ${short / n}`);
});

test.run();
