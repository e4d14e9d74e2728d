// A seeded simulation of devices reading wikis, with the ground truth the real data never has:
// how many distinct human devices read each domain each day and month.
//
// Every request follows the cache's cookie rules: a domain's WMF-Last-Access cookie holds the date
// of the last visit, the request reports the previous value in X-Analytics and the cookie is
// re-issued with today's date; a request with no cookie at all for the domain is tagged
// `nocookies=1`. On top of that, what makes counting hard: browsers that refuse cookies, cookies
// cleared, private windows, phones behind carrier NAT (many devices, few addresses, the same
// browser), addresses that change, crawlers that pass for browsers (some with rotating addresses),
// tagged spiders, automated agents, non-pageview requests and mangled cookie dates. Each mechanism
// can be switched off, to measure what it does to the estimate.
import { dayString, epochDay, monthOf, weekday, type DayString, type EpochDay } from "../../calendar";
import { cumulative, Random, zipf } from "../../stats/random";
import type { AgentType } from "../load/schema";
import {
  AUTOMATED_AGENTS,
  DESKTOP_AGENTS,
  domainName,
  ipv4,
  LANGUAGES,
  formatCookieDate,
  MALFORMED_DATES,
  MOBILE_AGENTS,
  PROJECTS,
  SITES,
  SPIDER_AGENTS,
  UNTAGGED_BOT_AGENTS,
  type Project,
} from "./world";

export interface Mechanisms {
  refusedCookies: boolean;
  clearedCookies: boolean;
  privateWindows: boolean;
  /** Phones on carrier networks share a few addresses; off: each phone has its own. */
  carrierNat: boolean;
  /** Addresses that change daily, per session (VPNs) or per session on a carrier; off: fixed. */
  changingIps: boolean;
  untaggedBots: boolean;
  rotatingScrapers: boolean;
  spiders: boolean;
  automated: boolean;
  nonPageviews: boolean;
  malformedDates: boolean;
}

export const ALL_MECHANISMS: Mechanisms = {
  refusedCookies: true,
  clearedCookies: true,
  privateWindows: true,
  carrierNat: true,
  changingIps: true,
  untaggedBots: true,
  rotatingScrapers: true,
  spiders: true,
  automated: true,
  nonPageviews: true,
  malformedDates: true,
};

export interface SimulationOptions {
  seed: number;
  /** 1 is full size (about 11 million requests over the default 60 days); devices and bots scale with it. */
  scale: number;
  /** First day, default 2016-01-01. */
  start?: DayString;
  /** Default 60: January and February 2016, which hold eight whole weeks. */
  days?: number;
  mechanisms?: Partial<Mechanisms>;
}

export interface SimulatedRequest {
  /** Seconds since the day's midnight, UTC. */
  second: number;
  domain: string;
  ip: string;
  userAgent: string;
  acceptLanguage: string;
  xAnalytics: string;
  agentType: AgentType;
  isPageview: boolean;
}

export interface SimulatedDay {
  day: DayString;
  /** In time order. */
  requests: SimulatedRequest[];
}

/** Distinct human devices with at least one pageview, keyed `domain|2016-01-15` and `domain|2016-01` (zeros left out). */
export interface TruthFile {
  description: string;
  seed: number;
  scale: number;
  start: DayString;
  days: number;
  mechanisms: Mechanisms;
  daily: Record<string, number>;
  monthly: Record<string, number>;
  /** Added by data-cli.ts: the what-if runs of the same world (mechanisms.ts). */
  what_if?: { scale: number; rows: Array<Record<string, string | number>> };
}

export const DEFAULT_START: DayString = "2016-01-01";
export const DEFAULT_DAYS = 60;

const NONE = -1e9;
/** "any expire time over a month will work": the cache sets about a month. */
const LAST_ACCESS_EXPIRY_DAYS = 32;
const GLOBAL_EXPIRY_DAYS = 365;
/** Phones that share one carrier address over the simulation (all of them, not only today's). */
const PHONES_PER_CARRIER_ADDRESS = 400;
const CARRIERS_PER_LANGUAGE = 3;
// Weekly rhythm, Monday first: people read on desktops at work and on phones at the weekend.
const WEEKLY = { desktop: [1.08, 1.1, 1.08, 1.05, 0.98, 0.82, 0.89], mobile: [0.96, 0.95, 0.96, 0.98, 1.0, 1.08, 1.1] };
const HOURLY = cumulative([0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.7, 0.9, 1, 1, 1.05, 1.1, 1.05, 1, 1, 1, 1.05, 1.1, 1.15, 1.2, 1.15, 1, 0.8]);
const ALL_OCTETS = Object.values(LANGUAGES).map((l) => l.octets);
const DESKTOP_WEIGHTS = cumulative(zipf(DESKTOP_AGENTS.length, 1.1));
const MOBILE_WEIGHTS = cumulative(zipf(MOBILE_AGENTS.length, 1.3));

interface Domain {
  name: string;
  project: Project;
  mobile: boolean;
  site: number;
}

interface Interest {
  domain: number;
  /** Chance of a visit on an average day. */
  p: number;
  /** For the monthly truth: the last month this device was counted on this domain. */
  lastMonth: number;
}

type Network = "home" | "dynamic" | "vpn" | "office" | "carrier" | "wifi+carrier";

interface Device {
  id: number;
  mobile: boolean;
  language: string;
  userAgent: string;
  acceptLanguage: string;
  refusesCookies: boolean;
  /** Chance that the cookies are gone before a session (1: the browser clears them on exit). */
  clearChance: number;
  /** Share of sessions in a private window. */
  privateShare: number;
  network: Network;
  homeIp: string;
  carrier: number;
  /** Index into MALFORMED_DATES, or -1 for a well-behaved browser. */
  malformed: number;
  activeFrom: EpochDay;
  interests: Interest[];
  /** Per interest: the date the domain's WMF-Last-Access cookie holds, NONE without one. */
  lastAccess: number[];
  /** Per site: WMF-Last-Access-Global, a cookie of the whole site (*.wikipedia.org). */
  global: number[];
}

interface Crawler {
  ips: string[];
  userAgent: string;
  domains: number[];
  activeChance: number;
  lowAndSlow: boolean;
}

interface Spider {
  ips: string[];
  userAgent: string;
  agentType: AgentType;
  perDay: number;
}

interface Session {
  interest: number;
  second: number;
}

/** Rounds x up or down at random so that small scales keep the right number on average. */
function stochasticRound(rng: Random, x: number): number {
  const whole = Math.floor(x);
  return whole + (rng.chance(x - whole) ? 1 : 0);
}

export class Simulation {
  readonly start: EpochDay;
  readonly days: number;
  readonly mechanisms: Mechanisms;
  readonly domains: Domain[] = [];
  // Three streams, so that switching a mechanism off changes what it governs and nothing else:
  // who visits when (rng), which address a session comes from (net), what the bots do (bots).
  private readonly rng: Random;
  private readonly net: Random;
  private readonly bots: Random;
  private readonly devices: Device[] = [];
  private readonly crawlers: Crawler[] = [];
  private readonly spiders: Spider[] = [];
  private readonly carrierPools: string[][] = [];
  private readonly domainWeights: Float64Array;
  private readonly dailyTruth: Map<string, number> = new Map();
  private readonly monthlyTruth: Map<string, number> = new Map();
  private humanRequestsPerDay = 0;
  private nextIp = 1;

  constructor(readonly options: SimulationOptions) {
    this.rng = new Random(options.seed);
    this.net = new Random(options.seed ^ 0x5bd1e995);
    this.bots = new Random(options.seed ^ 0x1b873593);
    this.start = epochDay(options.start ?? DEFAULT_START);
    this.days = options.days ?? DEFAULT_DAYS;
    this.mechanisms = { ...ALL_MECHANISMS, ...options.mechanisms };
    const targets: number[] = [];
    for (const project of PROJECTS) {
      for (const mobile of [false, true]) {
        this.domains.push({ name: domainName(project, mobile), project, mobile, site: SITES.indexOf(project.site) });
        targets.push(project.dailyDevices * (mobile ? project.mobileShare : 1 - project.mobileShare));
      }
    }
    this.domainWeights = cumulative(targets);
    this.buildReaders(targets);
    this.buildCarrierPools();
    this.buildBots();
  }

  /** The simulated days in order, each with its requests sorted by time. */
  *run(): Generator<SimulatedDay> {
    for (let t = 0; t < this.days; t++) {
      const d = this.start + t;
      const requests: SimulatedRequest[] = [];
      this.humanRequests(d, requests);
      this.botRequests(requests);
      requests.sort((a, b) => a.second - b.second);
      yield { day: dayString(d), requests };
    }
  }

  /** The ground truth of the days run so far. */
  truth(): TruthFile {
    return {
      description:
        "Distinct human devices with at least one pageview per domain and day (daily) or month (monthly), from the simulation that wrote the extract; domains and periods without any are left out.",
      seed: this.options.seed,
      scale: this.options.scale,
      start: dayString(this.start),
      days: this.days,
      mechanisms: this.mechanisms,
      daily: Object.fromEntries(this.dailyTruth),
      monthly: Object.fromEntries(this.monthlyTruth),
    };
  }

  // ---- the population -------------------------------------------------------------------------

  private buildReaders(targets: number[]): void {
    const { rng } = this;
    const wikipediaReaders = new Map<string, Device[]>();
    const otherLanguageReaders = [new Array<Device>(), new Array<Device>()];
    // Other-language Wikipedias first: en.wikipedia borrows some of their readers, and the
    // smaller projects borrow readers of their language's Wikipedia.
    const order = this.domains
      .map((domain, i) => ({ domain, i, rank: domain.project.site !== "wikipedia" ? 2 : domain.project.language === "en" ? 1 : 0 }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i);
    for (const { domain, i } of order) {
      const { language, site } = domain.project;
      const poolKey = `${language}|${domain.mobile}`;
      const target = (targets[i] as number) * this.options.scale;
      for (let sum = 0; sum < target; ) {
        let device: Device | undefined;
        const sameLanguage = wikipediaReaders.get(poolKey) ?? [];
        const otherLanguages = otherLanguageReaders[domain.mobile ? 1 : 0] as Device[];
        if (site !== "wikipedia" && sameLanguage.length > 0 && rng.chance(0.5)) device = rng.pick(sameLanguage);
        else if (site === "wikipedia" && language === "en" && otherLanguages.length > 0 && rng.chance(0.15)) device = rng.pick(otherLanguages);
        if (device?.interests.some((x) => x.domain === i)) device = undefined;
        const borrowed = device !== undefined;
        device ??= this.newDevice(domain.mobile, language);
        const p = borrowed ? this.occasionalChance() : this.visitChance();
        device.interests.push({ domain: i, p, lastMonth: -1 });
        device.lastAccess.push(NONE);
        sum += p;
        if (!borrowed && site === "wikipedia") {
          if (!wikipediaReaders.has(poolKey)) wikipediaReaders.set(poolKey, []);
          wikipediaReaders.get(poolKey)?.push(device);
          if (language !== "en") otherLanguages.push(device);
        }
      }
    }
    for (const device of this.devices) this.initialCookies(device);
  }

  /** A reader's chance to visit on a given day: a few regulars, many occasional readers. */
  private visitChance(): number {
    return this.rng.chance(0.12) ? this.rng.uniform(0.3, 0.95) : this.occasionalChance();
  }

  private occasionalChance(): number {
    return Math.exp(this.rng.uniform(Math.log(0.004), Math.log(0.12)));
  }

  private newDevice(mobile: boolean, language: string): Device {
    const { rng, mechanisms: m } = this;
    const lang = LANGUAGES[language] as (typeof LANGUAGES)[string];
    const r = rng.next();
    const network: Network = mobile ? (r < 0.6 ? "carrier" : "wifi+carrier") : r < 0.7 ? "home" : r < 0.85 ? "dynamic" : r < 0.9 ? "vpn" : "office";
    const device: Device = {
      id: this.devices.length,
      mobile,
      language,
      userAgent: mobile ? (MOBILE_AGENTS[rng.weighted(MOBILE_WEIGHTS)] as string) : (DESKTOP_AGENTS[rng.weighted(DESKTOP_WEIGHTS)] as string),
      acceptLanguage: lang.acceptLanguages[rng.weighted(cumulative(zipf(lang.acceptLanguages.length, 1)))] as string,
      // Every draw happens whatever the mechanisms, so that the devices stay the same when one is off.
      refusesCookies: rng.chance(mobile ? 0.015 : 0.03) && m.refusedCookies,
      clearChance: (rng.chance(0.03) ? 1 : rng.chance(0.1) ? 0.1 : 0) * (m.clearedCookies ? 1 : 0),
      privateShare: (rng.chance(0.08) ? rng.uniform(0.2, 1) : 0) * (m.privateWindows ? 1 : 0),
      network,
      homeIp: ipv4(lang.octets, this.nextIp++),
      carrier: mobile ? this.pickCarrier(language) : -1,
      malformed: rng.chance(0.001) && m.malformedDates ? rng.int(MALFORMED_DATES.length) : -1,
      activeFrom: rng.chance(0.08) ? this.start + rng.int(this.days) : -Infinity,
      interests: [],
      lastAccess: [],
      global: SITES.map(() => NONE),
    };
    if (network === "home" && rng.chance(0.25)) this.shareHousehold(device);
    if (network === "office") this.joinOffice(device);
    this.devices.push(device);
    return device;
  }

  private readonly households = new Map<string, Device[]>();
  private readonly offices = new Map<string, Array<{ ip: string; userAgent: string }>>();

  /** A quarter of home desktops share the address of another device of the household. */
  private shareHousehold(device: Device): void {
    const homes = this.households.get(device.language) ?? [];
    if (homes.length > 0) device.homeIp = this.rng.pick(homes).homeIp;
    homes.push(device);
    this.households.set(device.language, homes);
  }

  /** Offices put a dozen desktops behind one address, most with the same managed browser. */
  private joinOffice(device: Device): void {
    const offices = this.offices.get(device.language) ?? [];
    if (offices.length === 0 || this.rng.chance(0.08)) offices.push({ ip: device.homeIp, userAgent: device.userAgent });
    const office = this.rng.pick(offices);
    device.homeIp = office.ip;
    if (this.rng.chance(0.7)) device.userAgent = office.userAgent;
    this.offices.set(device.language, offices);
  }

  private pickCarrier(language: string): number {
    const index = Object.keys(LANGUAGES).indexOf(language);
    return index * CARRIERS_PER_LANGUAGE + this.rng.weighted(cumulative(zipf(CARRIERS_PER_LANGUAGE, 1)));
  }

  private buildCarrierPools(): void {
    const phones = new Map<number, number>();
    for (const d of this.devices) if (d.carrier >= 0) phones.set(d.carrier, (phones.get(d.carrier) ?? 0) + 1);
    const languages = Object.keys(LANGUAGES);
    for (let c = 0; c < languages.length * CARRIERS_PER_LANGUAGE; c++) {
      const lang = LANGUAGES[languages[Math.floor(c / CARRIERS_PER_LANGUAGE)] as string] as (typeof LANGUAGES)[string];
      const size = Math.max(1, Math.round((phones.get(c) ?? 0) / PHONES_PER_CARRIER_ADDRESS));
      this.carrierPools.push(Array.from({ length: size }, () => ipv4(lang.octets, this.nextIp++)));
    }
  }

  /** Cookies as if the devices had been visiting before the first day. */
  private initialCookies(device: Device): void {
    if (device.refusesCookies || device.activeFrom > this.start) return;
    device.interests.forEach((interest, i) => {
      const gap = 1 + this.rng.geometric(interest.p);
      if (gap <= LAST_ACCESS_EXPIRY_DAYS) {
        device.lastAccess[i] = this.start - gap;
        const site = (this.domains[interest.domain] as Domain).site;
        device.global[site] = Math.max(device.global[site] as number, this.start - gap);
      }
    });
    device.global = device.global.map((g) => (g === NONE && this.rng.chance(0.6) ? this.start - 33 - this.rng.int(300) : g));
  }

  private buildBots(): void {
    const { bots: rng, mechanisms: m, options } = this;
    const human = this.domains.reduce((sum, _, i) => sum + this.domainTarget(i), 0);
    this.humanRequestsPerDay = human * 2.4 * options.scale;
    const datacenter = [5, 37, 104, 138, 149, 158, 185, 192, 198];
    if (m.untaggedBots) {
      for (let i = 0, n = Math.max(1, stochasticRound(rng, 150 * options.scale)); i < n; i++) {
        this.crawlers.push({
          ips: Array.from({ length: rng.chance(0.2) ? 4 : 1 }, () => ipv4(datacenter, this.nextIp++)),
          userAgent: rng.pick(UNTAGGED_BOT_AGENTS),
          domains: Array.from({ length: 1 + rng.int(3) }, () => rng.weighted(this.domainWeights)),
          activeChance: rng.uniform(0.3, 1),
          lowAndSlow: rng.chance(0.2),
        });
      }
    }
    const addSpiders = (agentType: AgentType, count: number, share: number, agents: string[]) => {
      const n = Math.max(1, stochasticRound(rng, count * options.scale));
      for (let i = 0; i < n; i++) {
        this.spiders.push({
          ips: Array.from({ length: 3 }, () => ipv4(datacenter, this.nextIp++)),
          userAgent: rng.pick(agents),
          agentType,
          perDay: (share * this.humanRequestsPerDay) / n,
        });
      }
    };
    if (m.spiders) addSpiders("spider", 30, 0.05, SPIDER_AGENTS);
    if (m.automated) addSpiders("automated", 10, 0.02, AUTOMATED_AGENTS);
  }

  private domainTarget(i: number): number {
    return (this.domainWeights[i] as number) - (i > 0 ? (this.domainWeights[i - 1] as number) : 0);
  }

  // ---- one day ------------------------------------------------------------------------------

  private humanRequests(d: EpochDay, out: SimulatedRequest[]): void {
    const { rng } = this;
    const wd = weekday(d);
    const day = dayString(d);
    const month = monthOf(day);
    const monthIndex = epochDay(`${month}-01`);
    const sessions: Session[] = [];
    for (const device of this.devices) {
      if (device.activeFrom > d) continue;
      const rhythm = (device.mobile ? WEEKLY.mobile : WEEKLY.desktop)[wd] as number;
      sessions.length = 0;
      for (let i = 0; i < device.interests.length; i++) {
        const interest = device.interests[i] as Interest;
        if (!rng.chance(Math.min(1, interest.p * rhythm))) continue;
        const domain = (this.domains[interest.domain] as Domain).name;
        this.count(this.dailyTruth, `${domain}|${day}`);
        if (interest.lastMonth !== monthIndex) {
          interest.lastMonth = monthIndex;
          this.count(this.monthlyTruth, `${domain}|${month}`);
        }
        const n = 1 + (rng.chance(0.22) ? 1 + (rng.chance(0.25) ? 1 : 0) : 0);
        for (let k = 0; k < n; k++) sessions.push({ interest: i, second: this.sessionStart(device) });
      }
      if (sessions.length > 1) sessions.sort((a, b) => a.second - b.second);
      sessions.forEach((s, k) => this.session(device, s, d, k, out));
    }
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  private sessionStart(device: Device): number {
    const local = this.rng.weighted(HOURLY);
    const utcOffset = (LANGUAGES[device.language] as (typeof LANGUAGES)[string]).utcOffset;
    const hour = (((local - utcOffset) % 24) + 24) % 24;
    return hour * 3600 + this.rng.int(3600);
  }

  private session(device: Device, s: Session, d: EpochDay, k: number, out: SimulatedRequest[]): void {
    const { rng, mechanisms: m } = this;
    const isPrivate = rng.chance(device.privateShare);
    if (rng.chance(device.clearChance) && !isPrivate) {
      device.lastAccess.fill(NONE);
      device.global.fill(NONE);
    }
    // A private window starts with an empty jar and forgets it when closed.
    const lastAccess = isPrivate ? device.lastAccess.map(() => NONE) : device.lastAccess;
    const global = isPrivate ? device.global.map(() => NONE) : device.global;
    const interest = device.interests[s.interest] as Interest;
    const domain = this.domains[interest.domain] as Domain;
    const ip = this.sessionIp(device, d, k);
    const pageviews = 1 + rng.geometric(0.65);
    const others = rng.chance(0.25) ? (1 + rng.geometric(0.6)) * (m.nonPageviews ? 1 : 0) : 0;
    let second = s.second;
    for (let j = 0, left = pageviews - 1, otherLeft = others; j < pageviews + others; j++) {
      const isPageview = j === 0 || (left > 0 && rng.chance(left / (left + otherLeft)));
      if (j > 0) {
        if (isPageview) left--;
        else otherLeft--;
        second = Math.min(86_399, second + 5 + rng.int(180));
      }
      let la = lastAccess[s.interest] as number;
      if (d - la > LAST_ACCESS_EXPIRY_DAYS) la = NONE;
      let g = global[domain.site] as number;
      if (d - g > GLOBAL_EXPIRY_DAYS) g = NONE;
      const xa = [isPageview ? "ns=0;pageview=1" : "ns=-1", "https=1"];
      if (la !== NONE) xa.push(`WMF-Last-Access=${device.malformed >= 0 ? (MALFORMED_DATES[device.malformed] as (d: EpochDay) => string)(la) : formatCookieDate(la)}`);
      if (g !== NONE) xa.push(`WMF-Last-Access-Global=${formatCookieDate(g)}`);
      if (la === NONE && g === NONE) xa.push("nocookies=1");
      if (!device.refusesCookies) {
        lastAccess[s.interest] = d;
        global[domain.site] = d;
      }
      out.push({ second, domain: domain.name, ip, userAgent: device.userAgent, acceptLanguage: device.acceptLanguage, xAnalytics: xa.join(";"), agentType: "user", isPageview });
    }
  }

  private sessionIp(device: Device, d: EpochDay, k: number): string {
    const { net: rng, mechanisms: m } = this;
    const octets = (LANGUAGES[device.language] as (typeof LANGUAGES)[string]).octets;
    // An address of its own that changes with the day (and the session): 2^31 ids, rarely shared.
    const changing = (perSession: boolean) => ipv4(octets, 0x40000000 + ((device.id * 7919 + d * 104_729 + (perSession ? k * 1_299_709 : 0)) & 0x3fffffff));
    const carrier = () => {
      if (!m.carrierNat) return m.changingIps ? changing(true) : device.homeIp;
      const pool = this.carrierPools[device.carrier] as string[];
      return m.changingIps ? (pool[rng.int(pool.length)] as string) : (pool[device.id % pool.length] as string);
    };
    switch (device.network) {
      case "home":
      case "office":
        return device.homeIp;
      case "dynamic":
        return m.changingIps ? changing(false) : device.homeIp;
      case "vpn":
        return m.changingIps ? changing(true) : device.homeIp;
      case "carrier":
        return carrier();
      case "wifi+carrier":
        return rng.chance(0.6) ? device.homeIp : carrier();
    }
  }

  private botRequests(out: SimulatedRequest[]): void {
    const { bots: rng, mechanisms: m } = this;
    const cookieless = (isPageview: boolean) => `${isPageview ? "ns=0;pageview=1" : "ns=-1"};https=1;nocookies=1`;
    // Crawlers that pass for browsers: no cookies, the same address and browser all day, so most
    // of them repeat their signature and the offset leaves them out. The low-and-slow ones send
    // one or two requests a day and are counted.
    for (const c of this.crawlers) {
      if (!rng.chance(c.activeChance)) continue;
      const n = c.lowAndSlow ? 1 + rng.int(2) : Math.min(3000, Math.floor(rng.pareto(10, 1.2)));
      for (let j = 0; j < n; j++) {
        const isPageview = rng.chance(0.95);
        const domain = (this.domains[rng.pick(c.domains)] as Domain).name;
        out.push({ second: rng.int(86_400), domain, ip: rng.pick(c.ips), userAgent: c.userAgent, acceptLanguage: "", xAnalytics: cookieless(isPageview), agentType: "user", isPageview });
      }
    }
    // Scrapers behind residential proxies: every request from another address, so each one looks
    // like a fresh session. A burst of a few hundred is noise for a small wiki, nothing for a big one.
    if (m.rotatingScrapers) {
      for (let b = 0, bursts = rng.poisson(6 * this.options.scale); b < bursts; b++) {
        const domain = (this.domains[rng.int(this.domains.length)] as Domain).name;
        const size = Math.min(2500, Math.floor(rng.pareto(25, 1.1)));
        const userAgent = DESKTOP_AGENTS[rng.weighted(DESKTOP_WEIGHTS)] as string;
        const begin = rng.int(86_400 - 3600);
        for (let j = 0; j < size; j++) {
          const ip = ipv4(rng.pick(ALL_OCTETS), 0x7f000000 + rng.int(0x7fffff));
          out.push({ second: begin + rng.int(3600), domain, ip, userAgent, acceptLanguage: "en-US,en;q=0.5", xAnalytics: cookieless(true), agentType: "user", isPageview: true });
        }
      }
    }
    for (const s of this.spiders) {
      const n = Math.round(s.perDay * rng.uniform(0.8, 1.2));
      for (let j = 0; j < n; j++) {
        const isPageview = rng.chance(0.9);
        const domain = (this.domains[rng.weighted(this.domainWeights)] as Domain).name;
        out.push({ second: rng.int(86_400), domain, ip: rng.pick(s.ips), userAgent: s.userAgent, acceptLanguage: "", xAnalytics: cookieless(isPageview), agentType: s.agentType, isPageview });
      }
    }
  }
}
