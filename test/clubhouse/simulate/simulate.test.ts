import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulateUsers } from "../../../src/clubhouse/simulate/simulate";

const small = simulateUsers({ userCount: 50_000, seed: 7 });

test("the same seed gives the same users; another seed, others", () => {
  const again = simulateUsers({ userCount: 50_000, seed: 7 });
  assert.equal(again.invitedBy, small.invitedBy);
  assert.equal(again.createdMicros, small.createdMicros);
  const other = simulateUsers({ userCount: 50_000, seed: 8 });
  assert.not.equal(other.invitedBy, small.invitedBy);
});

test("founders first: user ids 4 and 5 on 17 March 2020 with millions of followers; ids and times ascend", () => {
  assert.equal([...small.userId.subarray(0, 2)], [4, 5]);
  assert.equal([...small.invitedBy.subarray(0, 2)], [-1, -1]);
  assert.is(new Date(small.createdMicros[0]! / 1000).toISOString(), "2020-03-17T07:51:28.085Z");
  assert.ok(small.followers[0]! > 1_000_000 && small.followers[1]! > 1_000_000);
  for (let i = 1; i < small.userId.length; i++) {
    assert.ok(small.userId[i]! > small.userId[i - 1]!, `ids ascend at ${i}`);
    assert.ok(small.createdMicros[i]! >= small.createdMicros[i - 1]!, `times ascend at ${i}`);
  }
});

test("users without an inviter in the dataset's proportion (3,214 of 1,300,515)", () => {
  let roots = 0;
  for (const p of small.invitedBy) if (p < 0) roots++;
  assert.is(roots, Math.round((50_000 * 3214) / 1_300_515));
});

test("every inviter joined before the users they invited; a few inviters are not in the table", () => {
  const joined = new Map<number, number>();
  small.userId.forEach((id, i) => joined.set(id, small.createdMicros[i]!));
  let unknown = 0;
  small.invitedBy.forEach((p, i) => {
    if (p < 0) return;
    const t = joined.get(p);
    if (t === undefined) unknown++;
    else assert.ok(t <= small.createdMicros[i]!, `user ${small.userId[i]} joined before inviter ${p}`);
  });
  assert.ok(unknown > 0 && unknown < 100, `${unknown} users invited by an id not in the table`);
});

test("the invite tree's fan-out: about a quarter of users invite exactly one, 7.5 % exactly two, conversion near 0.23", () => {
  const friends = new Map<number, number>();
  let roots = 0;
  for (const p of small.invitedBy) {
    if (p < 0) roots++;
    else friends.set(p, (friends.get(p) ?? 0) + 1);
  }
  let one = 0;
  let two = 0;
  let most = 0;
  for (const k of friends.values()) {
    if (k === 1) one++;
    if (k === 2) two++;
    most = Math.max(most, k);
  }
  // At full size: 321,724 and 96,951 of 1,300,515 (the original: 323 k and 96 k).
  assert.ok(one / 50_000 > 0.23 && one / 50_000 < 0.26, `share inviting one: ${one / 50_000}`);
  assert.ok(two / 50_000 > 0.068 && two / 50_000 < 0.082, `share inviting two: ${two / 50_000}`);
  const conversion = two / (roots + one + two); // the original's formula
  assert.ok(conversion > 0.21 && conversion < 0.25, `conversion ${conversion}`);
  assert.ok(most > 100, `a heavy tail: the top inviter brought ${most}`);
});

test("sign-ups explode from December 2020 to February 2021", () => {
  const months = new Map<string, number>();
  for (const t of small.createdMicros) {
    const m = new Date(t / 1000).toISOString().slice(0, 7);
    months.set(m, (months.get(m) ?? 0) + 1);
  }
  const share = (m: string) => (months.get(m) ?? 0) / 50_000;
  assert.ok(share("2020-12") + share("2021-01") + share("2021-02") > 0.7);
  assert.ok(share("2020-05") < 0.01);
  assert.ok(share("2021-02") > share("2020-12"));
});

test("followers: heavy-tailed, higher for users who invite", () => {
  const invites = new Map<number, number>();
  for (const p of small.invitedBy) if (p >= 0) invites.set(p, (invites.get(p) ?? 0) + 1);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const inviters: number[] = [];
  const others: number[] = [];
  small.userId.forEach((id, i) => ((invites.get(id) ?? 0) >= 5 ? inviters : others).push(small.followers[i]!));
  assert.ok(median(inviters) > 2 * median(others));
  assert.ok(Math.max(...others) > 50 * median(others));
});

test("too few users is an error", () => {
  assert.throws(() => simulateUsers({ userCount: 1, seed: 1 }), /userCount must be an integer >= 2/);
});

test.run();
