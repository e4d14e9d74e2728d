// The simulated wikis and the strings their visitors send: projects with their daily readers at
// full size, languages with their Accept-Language headers and address ranges, browsers and bots.
// Only constants and small string builders; simulation.ts decides who sends what.
import { DAY_MS, dayString, type EpochDay } from "../../calendar";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** The value the WMF-Last-Access cookie holds: `14-Dec-2015`. */
export function formatCookieDate(d: EpochDay): string {
  const date = new Date(d * DAY_MS);
  return `${String(date.getUTCDate()).padStart(2, "0")}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()}`;
}

export interface Project {
  /** The report's bucket: `en.wikipedia`. */
  bucket: string;
  language: string;
  site: string;
  /** Human devices a day at full size, desktop and mobile together. */
  dailyDevices: number;
  mobileShare: number;
}

// Sizes loosely follow the real ratios between wikis (en.wikipedia dwarfs everything else), spread
// from about a hundred devices a day to tens of thousands, so that the data-quality threshold of
// 1000 a day falls inside the range.
const PROJECT_TABLE: Array<[string, number, number]> = [
  ["en.wikipedia", 26000, 0.55],
  ["de.wikipedia", 7000, 0.5],
  ["es.wikipedia", 6000, 0.6],
  ["fr.wikipedia", 5000, 0.5],
  ["ja.wikipedia", 4500, 0.65],
  ["ru.wikipedia", 4000, 0.55],
  ["it.wikipedia", 3000, 0.55],
  ["pt.wikipedia", 2200, 0.6],
  ["pl.wikipedia", 1600, 0.55],
  ["nl.wikipedia", 1400, 0.5],
  ["sv.wikipedia", 800, 0.5],
  ["ca.wikipedia", 350, 0.45],
  ["eu.wikipedia", 180, 0.4],
  ["en.wiktionary", 1800, 0.45],
  ["fr.wiktionary", 500, 0.4],
  ["de.wiktionary", 400, 0.4],
  ["es.wiktionary", 300, 0.45],
  ["en.wikisource", 450, 0.3],
  ["de.wikisource", 120, 0.3],
  ["es.wikisource", 100, 0.3],
  ["en.wikivoyage", 350, 0.5],
  ["de.wikivoyage", 150, 0.45],
  ["en.wikibooks", 300, 0.35],
  ["en.wikiquote", 250, 0.45],
  ["es.wikiquote", 120, 0.5],
];

export const PROJECTS: Project[] = PROJECT_TABLE.map(([bucket, dailyDevices, mobileShare]) => {
  const [language, site] = bucket.split(".") as [string, string];
  return { bucket, language, site, dailyDevices, mobileShare };
});

export const SITES = [...new Set(PROJECTS.map((p) => p.site))];

/** `es.wikipedia.org` (desktop) or `es.m.wikipedia.org` (mobile). */
export function domainName(project: Project, mobile: boolean): string {
  return `${project.language}.${mobile ? "m." : ""}${project.site}.org`;
}

interface Language {
  acceptLanguages: string[];
  /** First octets of the address ranges its readers come from. */
  octets: number[];
  /** Hours ahead of UTC, for the daily rhythm. */
  utcOffset: number;
}

export const LANGUAGES: Record<string, Language> = {
  en: { acceptLanguages: ["en-US,en;q=0.8", "en-US,en;q=0.5", "en-GB,en;q=0.8", "en-us", "en"], octets: [24, 50, 67, 73, 98, 108, 174], utcOffset: -4 },
  de: { acceptLanguages: ["de-DE,de;q=0.8,en-US;q=0.6,en;q=0.4", "de,en-US;q=0.7,en;q=0.3", "de-de", "de"], octets: [77, 79, 84, 87, 91, 93], utcOffset: 1 },
  es: { acceptLanguages: ["es-ES,es;q=0.8,en-US;q=0.5,en;q=0.3", "es-419,es;q=0.8", "es-MX,es;q=0.8,en-US;q=0.5", "es-es", "es"], octets: [79, 83, 88, 186, 190], utcOffset: -3 },
  fr: { acceptLanguages: ["fr-FR,fr;q=0.8,en-US;q=0.5,en;q=0.3", "fr,fr-FR;q=0.8", "fr-fr", "fr"], octets: [82, 86, 90, 92], utcOffset: 1 },
  ja: { acceptLanguages: ["ja,en-US;q=0.8,en;q=0.6", "ja-JP", "ja-jp", "ja"], octets: [60, 114, 126, 153], utcOffset: 9 },
  ru: { acceptLanguages: ["ru-RU,ru;q=0.8,en-US;q=0.5,en;q=0.3", "ru,en;q=0.8", "ru-ru", "ru"], octets: [5, 31, 46, 95, 178], utcOffset: 3 },
  it: { acceptLanguages: ["it-IT,it;q=0.8,en-US;q=0.6,en;q=0.4", "it", "it-it"], octets: [79, 87, 93, 151], utcOffset: 1 },
  pt: { acceptLanguages: ["pt-BR,pt;q=0.8,en-US;q=0.6,en;q=0.4", "pt-PT,pt;q=0.8", "pt-br", "pt"], octets: [177, 179, 187, 189, 191], utcOffset: -3 },
  pl: { acceptLanguages: ["pl-PL,pl;q=0.8,en-US;q=0.6,en;q=0.4", "pl", "pl-pl"], octets: [31, 83, 89, 178], utcOffset: 1 },
  nl: { acceptLanguages: ["nl-NL,nl;q=0.8,en-US;q=0.6,en;q=0.4", "nl", "nl-nl"], octets: [77, 80, 84, 145], utcOffset: 1 },
  sv: { acceptLanguages: ["sv-SE,sv;q=0.8,en-US;q=0.6,en;q=0.4", "sv", "sv-se"], octets: [78, 81, 90], utcOffset: 1 },
  ca: { acceptLanguages: ["ca,es;q=0.8,en;q=0.6", "ca-ES,ca;q=0.8", "ca"], octets: [80, 83, 88], utcOffset: 1 },
  eu: { acceptLanguages: ["eu,es;q=0.8,en;q=0.6", "eu-ES,eu;q=0.8", "eu"], octets: [81, 85, 88], utcOffset: 1 },
};

// Browsers of early 2016. Desktop browsers are many and spread out; phones are few and popular,
// which together with carrier NAT is what makes cookie-less mobile visitors look alike.
const WINDOWS = ["Windows NT 10.0; Win64; x64", "Windows NT 6.1; WOW64", "Windows NT 6.1; Win64; x64", "Windows NT 6.3; WOW64", "Windows NT 6.1", "Windows NT 10.0; WOW64"];
const MACS = ["Macintosh; Intel Mac OS X 10_11_2", "Macintosh; Intel Mac OS X 10_11_3", "Macintosh; Intel Mac OS X 10_10_5", "Macintosh; Intel Mac OS X 10_9_5"];
const LINUX = ["X11; Linux x86_64", "X11; Ubuntu; Linux x86_64"];

function desktopAgents(): string[] {
  const out: string[] = [];
  for (const os of [...WINDOWS, ...MACS, ...LINUX]) {
    for (const v of ["47.0.2526.106", "47.0.2526.111", "48.0.2564.97", "48.0.2564.109", "46.0.2490.86"]) {
      out.push(`Mozilla/5.0 (${os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36`);
    }
    for (const v of ["43.0", "44.0", "42.0"]) out.push(`Mozilla/5.0 (${os}; rv:${v}) Gecko/20100101 Firefox/${v}`);
  }
  for (const os of WINDOWS) out.push(`Mozilla/5.0 (${os}; Trident/7.0; rv:11.0) like Gecko`);
  for (const os of MACS) out.push(`Mozilla/5.0 (${os}) AppleWebKit/601.4.4 (KHTML, like Gecko) Version/9.0.3 Safari/601.4.4`);
  out.push("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/46.0.2486.0 Safari/537.36 Edge/13.10586");
  return out;
}

function mobileAgents(): string[] {
  const out: string[] = [];
  for (const ios of ["9_2", "9_2_1", "9_1", "8_4"]) {
    for (const dev of ["iPhone; CPU iPhone OS", "iPad; CPU OS"]) {
      out.push(`Mozilla/5.0 (${dev} ${ios} like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13C75 Safari/601.1`);
    }
  }
  for (const model of ["SM-G920F", "SM-G900F", "SM-J500F", "Nexus 5", "Nexus 6P", "SM-N910F", "D6603", "LG-D855", "HUAWEI P8", "SM-A500FU"]) {
    for (const android of ["5.0", "5.1.1", "6.0.1"]) {
      out.push(`Mozilla/5.0 (Linux; Android ${android}; ${model} Build/LRX22G) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/47.0.2526.83 Mobile Safari/537.36`);
    }
  }
  out.push("Mozilla/5.0 (Mobile; Windows Phone 8.1; Android 4.0; ARM; Trident/7.0; Touch; rv:11.0; IEMobile/11.0; NOKIA; Lumia 630) like iPhone OS 7_0_3 Mac OS X AppleWebKit/537 (KHTML, like Gecko) Mobile Safari/537");
  return out;
}

export const DESKTOP_AGENTS = desktopAgents();
export const MOBILE_AGENTS = mobileAgents();

/** Crawlers that look like browsers to the agent-type tagger, so they stay `user`. */
export const UNTAGGED_BOT_AGENTS = [
  "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2228.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/45.0.2454.85 Safari/537.36",
  "Mozilla/5.0 (Windows NT 6.1; rv:38.0) Gecko/20100101 Firefox/38.0",
  "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/39.0.2171.95 Safari/537.36",
];

export const SPIDER_AGENTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
  "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 8_3 like Mac OS X) AppleWebKit/600.1.4 (KHTML, like Gecko) Version/8.0 Mobile/12F70 Safari/600.1.4 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; DuckDuckGo-Favicons-Bot/1.0; +http://duckduckgo.com)",
];

export const AUTOMATED_AGENTS = [
  "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
  "python-requests/2.9.1",
  "Wget/1.17.1 (linux-gnu)",
  "curl/7.47.0",
];

/** How some browsers and extensions mangle the cookie's date; the method must count these as absent. */
export const MALFORMED_DATES: Array<(day: EpochDay) => string> = [
  () => "undefined",
  () => "",
  (d) => formatCookieDate(d).slice(0, 7) + formatCookieDate(d).slice(9), // a two-digit year: 14-Dec-15
  (d) => dayString(d), // ISO: 2015-12-14
];

/** A deterministic IPv4 address for `id` inside one of the `octets` ranges. */
export function ipv4(octets: readonly number[], id: number): string {
  let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  const first = octets[(h >>> 0) % octets.length] as number;
  return `${first}.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${1 + ((h & 255) % 254)}`;
}
