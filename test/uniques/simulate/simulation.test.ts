import { test } from "uvu";
import * as assert from "uvu/assert";
import { epochDay, weekday } from "../../../src/calendar";
import { Simulation, type SimulatedDay } from "../../../src/uniques/simulate/simulation";
import { SPIDER_AGENTS } from "../../../src/uniques/simulate/world";

const SEED = 7;
const small = (over = {}) => new Simulation({ seed: SEED, scale: 0.004, ...over });
const run = (s: Simulation): SimulatedDay[] => [...s.run()];
const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const cookieDay = (v: string) => {
  const m = /^(\d\d)-(\w{3})-(\d{4})$/.exec(v);
  return m ? Math.floor(Date.UTC(Number(m[3]), MONTHS[m[2] as string] as number, Number(m[1])) / 86_400_000) : undefined;
};
const key = (xa: string, name: string) => new RegExp(`(^|;)${name}=([^;]*)`).exec(xa)?.[2];

const days = run(small());

test("the same seed writes the same requests; another seed others", () => {
  const again = run(small());
  assert.equal(again.map((d) => d.requests.length), days.map((d) => d.requests.length));
  assert.equal(again[10]?.requests.slice(0, 50), days[10]?.requests.slice(0, 50));
  assert.not.equal(run(new Simulation({ seed: SEED + 1, scale: 0.004 }))[10]?.requests.slice(0, 50), days[10]?.requests.slice(0, 50));
});

test("sixty days from 2016-01-01, each in time order", () => {
  assert.is(days.length, 60);
  assert.is(days[0]?.day, "2016-01-01");
  assert.is(days[59]?.day, "2016-02-29");
  for (const d of days) assert.ok(d.requests.every((r, i, all) => i === 0 || (all[i - 1] as typeof r).second <= r.second));
});

test("the cookie rules: nocookies exactly when no cookie is sent; a last-access date is never in the future nor past its month of life", () => {
  let withDate = 0;
  for (const { day, requests } of days) {
    const today = epochDay(day);
    for (const r of requests) {
      const la = key(r.xAnalytics, "WMF-Last-Access");
      const global = key(r.xAnalytics, "WMF-Last-Access-Global");
      const nocookies = key(r.xAnalytics, "nocookies") === "1";
      assert.is(nocookies, la === undefined && global === undefined, r.xAnalytics);
      const d = la === undefined ? undefined : cookieDay(la);
      if (d !== undefined) {
        withDate++;
        assert.ok(d <= today && today - d <= 32, `${day}: ${r.xAnalytics}`);
      }
    }
  }
  assert.ok(withDate > 1000);
});

test("agents: users, tagged spiders with crawler agents, automated; bots send no cookies", () => {
  const agents = new Set<string>();
  for (const { requests } of days) {
    for (const r of requests) {
      agents.add(r.agentType);
      if (r.agentType === "spider") assert.ok(SPIDER_AGENTS.includes(r.userAgent));
      if (r.agentType !== "user") assert.match(r.xAnalytics, /nocookies=1/);
    }
  }
  assert.equal([...agents].sort(), ["automated", "spider", "user"]);
});

test("the truth: a month counts at least the devices of its busiest day, and no more than its human pageviews", () => {
  const s = small();
  const all = run(s);
  const truth = s.truth();
  const pageviews = new Map<string, number>();
  for (const { day, requests } of all) for (const r of requests) if (r.agentType === "user" && r.isPageview) pageviews.set(`${r.domain}|${day.slice(0, 7)}`, (pageviews.get(`${r.domain}|${day.slice(0, 7)}`) ?? 0) + 1);
  for (const [k, n] of Object.entries(truth.daily)) {
    const [domain, day] = k.split("|") as [string, string];
    assert.ok((truth.monthly[`${domain}|${day.slice(0, 7)}`] ?? 0) >= n, k);
  }
  for (const [k, n] of Object.entries(truth.monthly)) assert.ok(n <= (pageviews.get(k) ?? 0), k);
  assert.ok(Object.keys(truth.monthly).length >= 80);
});

test("the weekly rhythm: desktops read on weekdays, phones at the weekend", () => {
  const perDay = { desktop: [0, 0], mobile: [0, 0] };
  const s = new Simulation({ seed: SEED, scale: 0.02 });
  run(s);
  for (const [k, n] of Object.entries(s.truth().daily)) {
    const [domain, day] = k.split("|") as [string, string];
    const weekend = weekday(epochDay(day)) >= 5 ? 1 : 0;
    const platform = perDay[domain.includes(".m.") ? "mobile" : "desktop"];
    platform[weekend] = (platform[weekend] as number) + n / (weekend ? 2 : 5);
  }
  assert.ok((perDay.desktop[0] as number) > (perDay.desktop[1] as number) * 1.1, "desktop weekdays above weekends");
  assert.ok((perDay.mobile[1] as number) > (perDay.mobile[0] as number) * 1.05, "mobile weekends above weekdays");
});

test("switching bots and non-pageviews off leaves users' pageviews only", () => {
  const quiet = run(small({ mechanisms: { untaggedBots: false, rotatingScrapers: false, spiders: false, automated: false, nonPageviews: false } }));
  for (const { requests } of quiet) assert.ok(requests.every((r) => r.agentType === "user" && r.isPageview && r.acceptLanguage !== ""));
});

test.run();
