// Session durations for the simulator: right-skewed, with many very short sessions. A mixture of
//   - very short sessions (exponential, mean 0.4 minutes): a failed magic link, a quick look;
//   - sessions left open for a day or more (uniform in 24–36 hours), rare;
//   - a log-normal body whose mean and variance are solved so that the whole mixture has the
//     target mean and standard deviation.
import type { Random } from "../../stats/random";

export interface DurationModel {
  shortShare: number;
  dayShare: number;
  mu: number;
  sigma: number;
}

const SHORT_MEAN = 0.4;
const DAY_FROM = 24 * 60;
const DAY_TO = 36 * 60;
const DAY_MEAN = (DAY_FROM + DAY_TO) / 2;
const DAY_SECOND_MOMENT = (DAY_FROM * DAY_FROM + DAY_FROM * DAY_TO + DAY_TO * DAY_TO) / 3;

export function durationModel(meanMinutes: number, stdMinutes: number, shortShare: number): DurationModel {
  const secondMoment = stdMinutes * stdMinutes + meanMinutes * meanMinutes;
  // Day-long sessions weigh heavily on the variance: at most 15% of it, and 2 in 10,000.
  const dayShare = Math.min(0.0002, (0.15 * stdMinutes * stdMinutes) / DAY_SECOND_MOMENT);
  const bodyShare = 1 - shortShare - dayShare;
  const bodyMean = (meanMinutes - shortShare * SHORT_MEAN - dayShare * DAY_MEAN) / bodyShare;
  const bodySecond = (secondMoment - shortShare * 2 * SHORT_MEAN * SHORT_MEAN - dayShare * DAY_SECOND_MOMENT) / bodyShare;
  const bodyVariance = Math.max(bodySecond - bodyMean * bodyMean, 0.05 * bodyMean * bodyMean);
  const sigma2 = Math.log(1 + bodyVariance / (bodyMean * bodyMean));
  return { shortShare, dayShare, mu: Math.log(bodyMean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** One duration in minutes. */
export function drawDuration(model: DurationModel, random: Random): number {
  const u = random.next();
  if (u < model.shortShare) return random.exponential(SHORT_MEAN);
  if (u < model.shortShare + model.dayShare) return DAY_FROM + (DAY_TO - DAY_FROM) * random.next();
  return Math.exp(model.mu + model.sigma * random.normal());
}
