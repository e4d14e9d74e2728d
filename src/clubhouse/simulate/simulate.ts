// A seeded simulator of the Clubhouse `user` table, shaped like the real one: two founders on
// 17 March 2020, a slow beta, sign-ups exploding from December 2020 to February 2021; a
// heavy-tailed invite tree in which most inviters bring one or two friends (at full size about
// 320 k bring exactly one and 96 k exactly two, the original's counts); some inviters whose own
// rows are gone (deleted accounts, about 140 at full size), as in a real crawl; followers
// heavy-tailed and higher for early and inviting users. Only numbers here; write.ts makes the table.
import { Random } from "../../stats/random";
import { DAY_MS } from "../../calendar";

export interface SimulationOptions {
  userCount: number;
  seed: number;
}

export interface SimulatedUsers {
  /** Ascending, in order of sign-up. */
  userId: Int32Array;
  /** The inviter's user id, or -1 for none. Some inviters are not in `userId` (deleted accounts). */
  invitedBy: Int32Array;
  followers: Int32Array;
  following: Int32Array;
  /** Microseconds since the epoch (UTC): the dataset's times carry microseconds. */
  createdMicros: Float64Array;
}

/** The full dataset's size and its share of users without an inviter (3,214 of 1,300,515). */
export const FULL_USERS = 1_300_515;
const NO_INVITER_SHARE = 3214 / FULL_USERS;
const DELETED_SHARE = 0.0003;
const FOUNDERS = [
  { id: 4, time: "2020-03-17T07:51:28.085566Z", followers: 4_187_268, following: 599 },
  { id: 5, time: "2020-03-17T14:36:19.468976Z", followers: 3_718_334, following: 1861 },
];

/** Sign-ups per day at a few dates (the shape only: the counts are scaled to the number of users). */
const GROWTH: readonly (readonly [string, number])[] = [
  ["2020-03-18", 3],
  ["2020-04-20", 25],
  ["2020-06-01", 45],
  ["2020-08-01", 60],
  ["2020-09-15", 150],
  ["2020-10-20", 500],
  ["2020-11-20", 1800],
  ["2020-12-20", 4500],
  ["2021-01-10", 5000],
  ["2021-01-23", 16000],
  ["2021-02-06", 21000],
  ["2021-02-20", 13000],
  ["2021-03-08", 8000],
];

/** Log-linear interpolation of GROWTH, a weekly rhythm and some day-to-day noise. */
function dailyWeights(rng: Random): { firstDay: number; weights: Float64Array } {
  const knots = GROWTH.map(([d, r]) => [Date.parse(`${d}T00:00:00Z`) / DAY_MS, Math.log(r)] as const);
  const firstDay = knots[0]![0];
  const lastDay = knots[knots.length - 1]![0];
  const weights = new Float64Array(lastDay - firstDay + 1);
  let k = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    while (k < knots.length - 2 && knots[k + 1]![0] <= day) k++;
    const [d0, r0] = knots[k]!;
    const [d1, r1] = knots[k + 1]!;
    const logRate = r0 + ((r1 - r0) * (day - d0)) / (d1 - d0);
    const weekday = 1 + 0.08 * Math.sin((2 * Math.PI * day) / 7);
    weights[day - firstDay] = Math.exp(logRate + 0.1 * rng.normal()) * weekday;
  }
  return { firstDay, weights };
}

/** Sign-up times for `count` users after the founders, ascending, in microseconds. */
function signupTimes(count: number, rng: Random): Float64Array {
  const { firstDay, weights } = dailyWeights(rng);
  const total = weights.reduce((a, b) => a + b, 0);
  const times = new Float64Array(count);
  // Systematic rounding: the per-day counts add up to `count` exactly.
  let cumulative = rng.next();
  let placed = 0;
  for (let d = 0; d < weights.length && placed < count; d++) {
    cumulative += (weights[d]! / total) * count;
    const upTo = Math.min(count, Math.floor(cumulative));
    for (; placed < upTo; placed++) times[placed] = ((firstDay + d) * DAY_MS + rng.next() * DAY_MS) * 1000;
  }
  for (; placed < count; placed++) times[placed] = ((firstDay + weights.length - 1) * DAY_MS + rng.next() * DAY_MS) * 1000;
  times.sort();
  return times.map(Math.floor);
}

/** Pareto with scale `xm` and shape `alpha`: P(X > x) = (xm / x)^alpha, a heavy tail. */
function pareto(rng: Random, xm: number, alpha: number): number {
  return xm / Math.pow(1 - rng.next(), 1 / alpha);
}

/**
 * How many friends a user could invite: most nobody, many one or two, a Pareto tail. Invitations
 * are then taken up by later users at random, so late users fill fewer of theirs. The tail is cut
 * at a few thousand (a 40th of a small database).
 */
function capacity(rng: Random, most: number): number {
  const u = rng.next();
  if (u < 0.415) return 0;
  if (u < 0.748) return 1;
  if (u < 0.89) return 2;
  return Math.min(most, Math.floor(pareto(rng, 3, 1.34)));
}

export function simulateUsers({ userCount, seed }: SimulationOptions): SimulatedUsers {
  if (!Number.isInteger(userCount) || userCount < FOUNDERS.length) throw new RangeError(`simulateUsers: userCount must be an integer >= ${FOUNDERS.length}, got ${userCount}`);
  const rng = new Random(seed);
  const deleted = Math.round(userCount * DELETED_SHARE);
  const mostInvites = Math.min(3000, Math.ceil(userCount / 40));
  const n = userCount + deleted;

  const created = new Float64Array(n);
  FOUNDERS.forEach((f, i) => (created[i] = Date.parse(f.time) * 1000 + Number(f.time.slice(23, 26))));
  created.set(signupTimes(n - FOUNDERS.length, rng), FOUNDERS.length);

  const ids = new Int32Array(n);
  FOUNDERS.forEach((f, i) => (ids[i] = f.id));
  for (let i = FOUNDERS.length, id = 8; i < n; i++, id += 1 + (rng.next() < 0.2 ? rng.int(4) : 0)) ids[i] = id;

  // Users without an inviter: the founders, the first beta testers, a scattering of others.
  const roots = Math.max(FOUNDERS.length, Math.round(userCount * NO_INVITER_SHARE));
  const isRoot = new Uint8Array(n);
  const early = Math.min(roots, 12);
  for (let i = 0; i < early; i++) isRoot[i] = 1;
  for (let placed = early; placed < roots; ) {
    const i = early + rng.int(n - early);
    if (!isRoot[i]) {
      isRoot[i] = 1;
      placed++;
    }
  }

  // Each invited user takes an open invitation of an earlier user, uniformly at random.
  const parent = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  let slots = new Int32Array(1024);
  let open = 0;
  const offer = (i: number, k: number) => {
    if (open + k > slots.length) {
      const grown = new Int32Array(Math.max(slots.length * 2, open + k));
      grown.set(slots.subarray(0, open));
      slots = grown;
    }
    slots.fill(i, open, open + k);
    open += k;
  };
  for (let i = 0; i < n; i++) {
    if (!isRoot[i]) {
      // Never without an inviter: if every invitation is taken, an earlier user gets one more.
      if (open === 0) offer(rng.int(i), 1);
      const s = rng.int(open);
      const p = slots[s]!;
      slots[s] = slots[--open]!;
      parent[i] = p;
      children[p]!++;
    }
    offer(i, i < FOUNDERS.length ? 40 : i < early ? 8 : capacity(rng, mostInvites));
  }

  // Deleted accounts: rows gone, their friends still name them as inviter.
  const gone = new Uint8Array(n);
  for (let placed = 0; placed < deleted; ) {
    const i = early + rng.int(n - early);
    if (!gone[i] && !isRoot[i]) {
      gone[i] = 1;
      placed++;
    }
  }

  const out: SimulatedUsers = {
    userId: new Int32Array(userCount),
    invitedBy: new Int32Array(userCount),
    followers: new Int32Array(userCount),
    following: new Int32Array(userCount),
    createdMicros: new Float64Array(userCount),
  };
  for (let i = 0, j = 0; i < n; i++) {
    if (gone[i]) continue;
    const founder = FOUNDERS[i];
    const earliness = 1 - i / n;
    const logFollowers = 3.4 + 1.2 * rng.normal() + 0.9 * Math.log1p(children[i]!) + 2.5 * earliness ** 4;
    const followers = founder ? founder.followers : Math.min(3_000_000, Math.floor(Math.exp(logFollowers)));
    const logFollowing = 4.2 + 0.9 * rng.normal() + 0.25 * (logFollowers - 3.4);
    out.userId[j] = ids[i]!;
    out.invitedBy[j] = parent[i]! >= 0 ? ids[parent[i]!]! : -1;
    out.followers[j] = followers;
    out.following[j] = founder ? founder.following : Math.min(7500, Math.floor(Math.exp(logFollowing)));
    out.createdMicros[j] = created[i]!;
    j++;
  }
  return out;
}
