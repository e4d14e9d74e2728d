// A seeded simulator of the Jelly Party Elasticsearch index, as `scan` yields it: one hit
// {_index, _id, _source} per log line, in index order (a daily filebeat index, shard by shard),
// which is not time order. Parties of clients join a site; each client (uuid) joins, often rejoins
// (reconnects, a new video), and disconnects. At full size the analysis lands near the original's
// tables. Also in there, because real logs have them: sessions without a disconnect, disconnects whose
// join fell before the window, sessions left open for a day or more, every link variant (magic link
// encoded twice or once, the site's own URL, with or without ?jellyPartyId=) and a few malformed
// links, server statistics documents and server start lines without message_decoded.
import { DAY_MS } from "../../calendar";
import { Random, weightedPicker } from "../../stats/random";
import { client, citySampler, documentId, slug, videoUrl, type Client, type Geo } from "./fakes";
import { drawDuration, durationModel, type DurationModel } from "./durations";
import { BROKEN, tailSites, TOP_SITES, type Site } from "./sites";

export interface SimulationOptions {
  /**
   * About how many client sessions (uuids) the index holds; FULL_SESSIONS is the full-size index.
   * A smaller index covers a proportionally shorter window (from 1 June 2020) at the same traffic.
   */
  sessions: number;
  seed: number;
  /**
   * The share of the full window (1 June to 5 October 2020) the sessions are spread over; by
   * default the share of FULL_SESSIONS they are, so that a day has the full index's traffic.
   * 1 spreads a small index over the whole window, thinner.
   */
  span?: number;
}

export interface Hit {
  _index: string;
  _id: string;
  _source: Record<string, unknown>;
}

/** Full size: about 206,000 sessions and 730,000 documents from 1 June to 5 October 2020 (UTC). */
export const FULL_SESSIONS = 206_000;
const WINDOW_FROM = Date.UTC(2020, 5, 1);
const FULL_WINDOW = Date.UTC(2020, 9, 5) - WINDOW_FROM;
/** Parties start from this long before the window: some are still on when it opens. */
const LEAD_IN = 6 * 3_600_000;

const MINUTE = 60_000;
const TAIL_SITES = 8000;
const DISCONNECT_LOGGED = 0.95;
const MAX_REJOINS = 25;
const STATS_EVERY = 10 * MINUTE;
const MAGIC = "https://join.jelly-party.com/?redirectURL=";

/** How a client wrote its link: most send the magic link; older clients and bugs, the rest. */
const enum Style {
  Twice, // the magic link, target encoded twice (current clients)
  Once, // the magic link, target encoded once (older clients)
  SiteWithId, // the site's own URL with ?jellyPartyId= (older clients, no redirect)
  Site, // the site's own URL
  Truncated, // a magic link cut short (a bogus host)
  Undefined, // the string "undefined"
  EmptyRedirect, // redirectURL=
  BadHost, // a redirect to http://[localhost]:3000/ (urllib refuses it)
  NoClientState, // the join carries no clientState at all
}
const STYLE_SHARES: [Style, number][] = [
  [Style.Twice, 0.86],
  [Style.Once, 0.07],
  [Style.SiteWithId, 0.03],
  [Style.Site, 0.02],
  [Style.Truncated, 0.0025],
  [Style.Undefined, 0.0025],
  [Style.EmptyRedirect, 0.002],
  [Style.BadHost, 0.001],
  [Style.NoClientState, 0.002],
];
/** Share of sessions whose link names their site the way the original parsed it. */
const PARSED_SHARE = 0.93;

const enum Kind {
  Join,
  Disconnect,
  PartyCreated,
  PartyRemoved,
  Stats,
  ServerStart,
}

interface SiteModel extends Site {
  model: DurationModel;
  rejoinRate: number;
}

export function* simulateHits(options: SimulationOptions): Generator<Hit> {
  const { seed } = options;
  const random = new Random(seed);
  const scale = options.sessions / FULL_SESSIONS;
  const windowTo = WINDOW_FROM + Math.round(FULL_WINDOW * (options.span ?? scale));

  const named = [...TOP_SITES, ...BROKEN].map((s) => ({ ...s, sessions: (s.sessions * scale) / PARSED_SHARE }));
  const namedSessions = named.reduce((a, s) => a + s.sessions, 0);
  const sites: SiteModel[] = [...named, ...tailSites({ sessions: Math.max(0, options.sessions - namedSessions), sites: TAIL_SITES, next: () => random.next() })].map((s) => ({
    ...s,
    model: durationModel(s.meanMinutes, s.stdMinutes, s.shortShare),
    rejoinRate: s.joinsPerSession - 1,
  }));
  const pickSite = weightedPicker(sites.map((s) => s.sessions), random);
  const pickStyle = weightedPicker(STYLE_SHARES.map(([, share]) => share), random);
  const starts = startSampler(random, windowTo);
  const pickStart = starts.pick;
  // Sessions that start in the lead-in mostly end before the window: start that many more.
  const sessions = Math.round(options.sessions / starts.windowShare);

  // Sessions and parties, as columns.
  const sSite: number[] = [];
  const sParty: number[] = [];
  const sStyle: Style[] = [];
  const sTimes: number[][] = []; // join times, then the disconnect's if logged
  const sDisconnect: boolean[] = [];
  const pSite: number[] = [];
  const pCreated: number[] = [];
  const pRemoved: number[] = [];
  const pSlug: string[] = [];
  const pVideo: string[] = [];
  while (sSite.length < sessions) {
    const site = pickSite();
    const s = sites[site] as SiteModel;
    const party = pSite.length;
    const start = pickStart();
    const size = 1 + random.poisson(1.4);
    let end = start;
    for (let m = 0; m < size && sSite.length < sessions; m++) {
      const joined = Math.round(start + (m === 0 ? 0 : random.exponential(4 * MINUTE)));
      const minutes = drawDuration(s.model, random);
      const rejoins = Math.min(MAX_REJOINS, random.poisson((s.rejoinRate * minutes) / s.meanMinutes));
      const offsets = Array.from({ length: rejoins }, () => random.next() * minutes * MINUTE).sort((a, b) => a - b);
      const times = [joined];
      for (const o of offsets) times.push(Math.max(joined + Math.round(o), (times[times.length - 1] as number) + 1));
      const logged = random.next() < DISCONNECT_LOGGED;
      const left = Math.max(joined + Math.round(minutes * MINUTE), (times[times.length - 1] as number) + 1);
      if (logged) times.push(left);
      end = Math.max(end, left);
      sSite.push(site);
      sParty.push(party);
      sStyle.push(STYLE_SHARES[pickStyle()]?.[0] ?? Style.Twice);
      sTimes.push(times);
      sDisconnect.push(logged);
    }
    pSite.push(site);
    pCreated.push(start - 1 - random.int(200));
    pRemoved.push(end + 1 + random.int(500));
    pSlug.push(slug(random));
    pVideo.push(videoUrl(s.host, random));
  }

  // Every document inside the window: kind, what it refers to, and its time.
  const kind: Kind[] = [];
  const ref: number[] = [];
  const sub: number[] = [];
  const time: number[] = [];
  const add = (k: Kind, r: number, n: number, t: number) => {
    if (t < WINDOW_FROM || t >= windowTo) return;
    kind.push(k);
    ref.push(r);
    sub.push(n);
    time.push(t);
  };
  for (let i = 0; i < sSite.length; i++) {
    const times = sTimes[i] as number[];
    const joins = sDisconnect[i] ? times.length - 1 : times.length;
    times.forEach((t, n) => add(n < joins ? Kind.Join : Kind.Disconnect, i, n, t));
  }
  for (let p = 0; p < pSite.length; p++) {
    add(Kind.PartyCreated, p, 0, pCreated[p] as number);
    add(Kind.PartyRemoved, p, 0, pRemoved[p] as number);
  }
  const active = activityCounter(sTimes, pCreated, pRemoved);
  for (let t = WINDOW_FROM + STATS_EVERY; t < windowTo; t += STATS_EVERY) add(Kind.Stats, 0, 0, t);
  const restarts = Math.max(1, Math.round(16 * scale));
  for (let r = 0; r < restarts; r++) add(Kind.ServerStart, 0, 0, WINDOW_FROM + Math.floor(random.next() * (windowTo - WINDOW_FROM)));

  // Scan order: daily index by daily index, and within a day shard by shard, each in time order.
  const shard = kind.map(() => random.int(3));
  const order = Array.from(kind.keys()).sort((a, b) => {
    const day = Math.floor((time[a] as number) / DAY_MS) - Math.floor((time[b] as number) / DAY_MS);
    return day || (shard[a] as number) - (shard[b] as number) || (time[a] as number) - (time[b] as number);
  });

  const pickCity = citySampler(random);
  const clients = sSite.map((site) => client(random, pickCity(sites[site]?.country)));
  for (const e of order) {
    const t = time[e] as number;
    const k = kind[e] as Kind;
    const r = ref[e] as number;
    let decoded: Record<string, unknown> | undefined;
    let geo: Geo | undefined;
    if (k === Kind.Join || k === Kind.Disconnect) {
      const c = clients[r] as Client;
      geo = c.geo;
      if (k === Kind.Disconnect) {
        decoded = { type: "disconnect", data: { uuid: c.uuid } };
      } else {
        const party = sParty[r] as number;
        const site = sites[pSite[party] as number] as SiteModel;
        // A rejoin is often on another video of the same site.
        const video = (sub[e] as number) > 0 && random.next() < 0.3 ? videoUrl(site.host, random) : (pVideo[party] as string);
        const style = sStyle[r] as Style;
        const data: Record<string, unknown> = { guid: c.guid, partyId: pSlug[party], uuid: c.uuid, clientIp: c.ip };
        if (style !== Style.NoClientState) {
          data["clientState"] = {
            clientName: c.name,
            currentlyWatching: link(style, video, pSlug[party] as string, random),
            videoState: { paused: random.next() < 0.6, currentTime: Math.round(random.next() * 3600 * 1000) / 1000 },
            avatarState: c.avatar,
          };
        }
        decoded = { type: "join", data };
      }
    } else if (k === Kind.PartyCreated || k === Kind.PartyRemoved) {
      decoded = { type: k === Kind.PartyCreated ? "partyCreated" : "partyRemoved", data: { partyId: pSlug[r] } };
    } else if (k === Kind.Stats) {
      decoded = active(t);
    }
    const source: Record<string, unknown> = {
      "@timestamp": new Date(t).toISOString(),
      level: "info",
      label: "jelly-party-server",
      message: decoded ? JSON.stringify(decoded) : "Jelly Party server listening on port 8080",
    };
    if (decoded) source["message_decoded"] = decoded;
    if (geo) source["client"] = { geo };
    source["tags"] = ["jelly-party", "beats_input_codec_plain_applied"];
    yield { _index: `filebeat-7.9.1-${new Date(t).toISOString().slice(0, 10).replace(/-/g, ".")}`, _id: documentId(random), _source: source };
  }
}

// UTC hour weights: American evenings (00–05 UTC) and Indian/European evenings (14–21 UTC).
const HOURS = [1.3, 1.4, 1.4, 1.3, 1.1, 0.8, 0.5, 0.4, 0.35, 0.35, 0.4, 0.5, 0.6, 0.75, 0.9, 1.0, 1.1, 1.15, 1.2, 1.2, 1.15, 1.1, 1.1, 1.2];

/**
 * Party start times from the lead-in to the window's end: slow growth, busier weekends and
 * evenings. `windowShare` is the share of starts inside the window.
 */
function startSampler(random: Random, windowTo: number): { pick: () => number; windowShare: number } {
  const first = WINDOW_FROM - LEAD_IN;
  const hours = Math.ceil((windowTo - first) / 3_600_000);
  const weights = Array.from({ length: hours }, (_, h) => {
    const t = first + h * 3_600_000;
    const d = new Date(t);
    const growth = 1 + (0.25 * (t - WINDOW_FROM)) / FULL_WINDOW;
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 1.3 : 1;
    return growth * weekend * (HOURS[d.getUTCHours()] as number);
  });
  const pick = weightedPicker(weights, random);
  const leadIn = weights.slice(0, LEAD_IN / 3_600_000).reduce((a, w) => a + w, 0);
  const total = weights.reduce((a, w) => a + w, 0);
  return { pick: () => first + pick() * 3_600_000 + Math.floor(random.next() * 3_600_000), windowShare: 1 - leadIn / total };
}

/** Active clients and parties at a time, for the server's statistics documents. */
function activityCounter(sessionTimes: number[][], created: number[], removed: number[]): (t: number) => Record<string, number> {
  const starts = Float64Array.from(sessionTimes, (ts) => ts[0] as number).sort();
  const ends = Float64Array.from(sessionTimes, (ts) => ts[ts.length - 1] as number).sort();
  const pStarts = Float64Array.from(created).sort();
  const pEnds = Float64Array.from(removed).sort();
  const atMost = (a: Float64Array, t: number) => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((a[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (t) => ({ activeClients: atMost(starts, t) - atMost(ends, t), activeParties: atMost(pStarts, t) - atMost(pEnds, t) });
}

function link(style: Style, video: string, partyId: string, random: Random): string | null {
  const twice = encodeURIComponent(encodeURIComponent(video));
  switch (style) {
    case Style.Twice:
      return `${MAGIC}${twice}&jellyPartyId=${partyId}`;
    case Style.Once:
      return `${MAGIC}${encodeURIComponent(video)}&jellyPartyId=${partyId}`;
    case Style.SiteWithId:
      return `${video}${video.includes("?") ? "&" : "?"}jellyPartyId=${partyId}`;
    case Style.Site:
      return video;
    case Style.Truncated: {
      // Cut somewhere after the host's first few characters, so what is left still has a (wrong) host.
      const from = "https%253A%252F%252F".length + 4;
      return `${MAGIC}${twice.slice(0, from + random.int(Math.max(1, twice.length - from)))}`;
    }
    case Style.Undefined:
      return "undefined";
    case Style.EmptyRedirect:
      return `${MAGIC}&jellyPartyId=${partyId}`;
    case Style.BadHost:
      return `${MAGIC}${encodeURIComponent(encodeURIComponent("http://[localhost]:3000/watch"))}&jellyPartyId=${partyId}`;
    case Style.NoClientState:
      return null;
  }
}
