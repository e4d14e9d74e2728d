// The site mix of the simulator. The top 12 carry the original's table (joins, sessions, whole-minute
// mean and std of session duration); a few sites Jelly Party does not work on (nested iframes) or was
// not built for have very short sessions; a long tail of thousands of small sites makes up the rest.

export interface Site {
  host: string;
  /** Sessions at full size (the original's count for the top 12). */
  sessions: number;
  joinsPerSession: number;
  /** Target session duration mean and standard deviation, in minutes. */
  meanMinutes: number;
  stdMinutes: number;
  /** Share of sessions that end within about a minute. */
  shortShare: number;
  /** The country most of its viewers are in (ISO code), if it is regional. */
  country?: string;
}

// The original's two tables (joins per host, and per-host sessions with whole-minute mean and std).
const ORIGINAL: [host: string, joins: number, mean: number, std: number, sessions: number, country?: string][] = [
  ["www.primevideo.com", 33266, 31, 55, 10539],
  ["www.netflix.com", 27758, 47, 73, 9436],
  ["www.youtube.com", 26484, 30, 72, 9377],
  ["www.hotstar.com", 7151, 33, 47, 2399, "IN"],
  ["www.disneyplus.com", 5904, 40, 73, 1705],
  ["play.stan.com.au", 5305, 54, 58, 1900, "AU"],
  ["www.amazon.com", 5030, 33, 109, 1406, "US"],
  ["www.amazon.co.uk", 4376, 45, 73, 1235, "GB"],
  ["www.hulu.com", 2935, 47, 88, 870, "US"],
  ["www.viki.com", 2786, 82, 101, 922],
  ["soap2day.to", 1830, 22, 35, 685],
  ["www.crave.ca", 1464, 69, 77, 418, "CA"],
];

/** Sites where the extension cannot reach the video (nested iframes) or that carry no video at all. */
export const BROKEN: Site[] = [
  { host: "www.crunchyroll.com", sessions: 1300, joinsPerSession: 1.02, meanMinutes: 1.6, stdMinutes: 4.5, shortShare: 0.85 },
  { host: "www3.animeflv.net", sessions: 1250, joinsPerSession: 1.02, meanMinutes: 1.3, stdMinutes: 3.5, shortShare: 0.87 },
  { host: "www.google.com", sessions: 950, joinsPerSession: 1.1, meanMinutes: 2.6, stdMinutes: 8, shortShare: 0.8 },
  { host: "www.jelly-party.com", sessions: 850, joinsPerSession: 1.1, meanMinutes: 1.9, stdMinutes: 5.5, shortShare: 0.82 },
  { host: "www.facebook.com", sessions: 360, joinsPerSession: 1.15, meanMinutes: 5.5, stdMinutes: 14, shortShare: 0.7 },
  { host: "www.reddit.com", sessions: 240, joinsPerSession: 1.1, meanMinutes: 4.2, stdMinutes: 11, shortShare: 0.74 },
];

export const TOP_SITES: Site[] = ORIGINAL.map(([host, joins, mean, std, sessions, country]) => ({
  host,
  sessions,
  joinsPerSession: joins / sessions,
  // The original printed floor(mean) and floor(std): aim at the middle of that minute.
  meanMinutes: mean + 0.5,
  stdMinutes: std + 0.5,
  shortShare: host === "www.youtube.com" ? 0.42 : 0.36,
  ...(country ? { country } : {}),
}));

/** Real sites that head the long tail; synthetic names follow. */
const TAIL_NAMES = [
  "www.twitch.tv", "vimeo.com", "www.hbomax.com", "www.funimation.com", "www.dailymotion.com", "www.zee5.com",
  "www.sonyliv.com", "www.voot.com", "www.peacocktv.com", "tv.apple.com", "www.hbo.com", "www.paramountplus.com",
  "www.mubi.com", "www.crackle.com", "www.tubitv.com", "pluto.tv", "www.vudu.com", "www.iq.com", "www.bilibili.com",
  "www.viu.com", "www.iflix.com", "www.hoichoi.tv", "www.mxplayer.in", "www.aha.video", "www.sunnxt.com",
  "www.erosnow.com", "www.altbalaji.com", "www.showmax.com", "www.starz.com", "www.showtime.com", "www.cbs.com",
  "www.nbc.com", "abc.com", "www.fox.com", "www.bbc.co.uk", "www.itv.com", "www.channel4.com", "www.tvnz.co.nz",
  "iview.abc.net.au", "www.sbs.com.au", "www.9now.com.au", "www.binge.com.au", "www.foxtel.com.au", "gem.cbc.ca",
  "www.tou.tv", "www.rtlplus.de", "www.joyn.de", "www.zdf.de", "www.ardmediathek.de", "www.canalplus.com",
  "www.france.tv", "www.raiplay.it", "www.mediasetplay.mediaset.it", "www.rtp.pt", "www.globoplay.globo.com",
  "www.clarovideo.com", "www.blim.tv", "www.viaplay.com", "www.cmore.se", "www.svtplay.se", "www.nrk.no",
  "www.dr.dk", "www.yle.fi", "www.videoland.com", "www.npostart.nl", "www.skyshowtime.com", "www.nowtv.com",
  "www.britbox.com", "www.acorn.tv", "www.shudder.com", "www.curiositystream.com", "www.nebula.tv", "www.dropout.tv",
  "roosterteeth.com", "www.kanopy.com", "www.hoopladigital.com", "www.plex.tv", "app.emby.media",
  "www.jellyfin.org", "www.123movies.la", "fmovies.to", "putlocker.vip", "www.9anime.to", "gogoanime.so",
  "www.kissasian.li", "dramacool.so", "www.wcostream.com", "www.animixplay.to", "www.zoro.to", "www.4anime.to",
];
const SYLLABLES = ["stream", "flix", "tube", "cine", "movie", "show", "anime", "drama", "kino", "vid", "play", "watch", "tv", "box", "zone", "hub", "nova", "star", "max", "now", "go", "live", "film", "serie", "toon", "sky", "pop", "one", "prime", "max"];
const TLDS = ["com", "net", "to", "tv", "io", "me", "co", "org", "cc", "in", "de", "fr", "es", "it", "nl", "com.br", "co.uk", "ru"];

export interface TailOptions {
  /** Sessions to spread over the tail. */
  sessions: number;
  /** How many tail sites (at full size). */
  sites: number;
  /** Deterministic uniform numbers in [0, 1). */
  next: () => number;
}

/**
 * The long tail: a Zipf–Mandelbrot share (1/(k + 100)) so that even the biggest tail site stays
 * below the 12th site's joins; durations vary from site to site around a 35-minute mean.
 */
export function tailSites({ sessions, sites, next }: TailOptions): Site[] {
  const shift = 100;
  let norm = 0;
  for (let k = 1; k <= sites; k++) norm += 1 / (k + shift);
  const names = new Set<string>([...TOP_SITES, ...BROKEN].map((s) => s.host));
  const out: Site[] = [];
  for (let k = 1; k <= sites; k++) {
    let host = TAIL_NAMES[k - 1];
    while (host === undefined || names.has(host)) {
      const a = SYLLABLES[Math.floor(next() * SYLLABLES.length)] as string;
      const b = SYLLABLES[Math.floor(next() * SYLLABLES.length)] as string;
      const tld = TLDS[Math.floor(next() * TLDS.length)] as string;
      const n = next() < 0.3 ? String(1 + Math.floor(next() * 99)) : "";
      host = `${next() < 0.5 ? "www." : ""}${a}${b}${n}.${tld}`;
    }
    names.add(host);
    const mean = 35 * Math.exp(0.45 * gaussian(next));
    out.push({
      host,
      sessions: (sessions / (k + shift)) / norm,
      joinsPerSession: 1.1 + 0.5 * next(),
      meanMinutes: mean,
      stdMinutes: mean * (1.1 + 0.8 * next()),
      shortShare: 0.3 + 0.2 * next(),
    });
  }
  return out;
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}
