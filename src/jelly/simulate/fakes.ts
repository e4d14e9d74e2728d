// Realistic values for the simulator: document ids, uuids, party slugs, video URLs following each
// site's real path patterns, client names, avatars and places.
import { Random, weightedPicker } from "../../stats/random";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function chars(random: Random, n: number, alphabet = ALPHANUMERIC): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[random.int(alphabet.length)];
  return s;
}

function digits(random: Random, n: number): string {
  return chars(random, n, "0123456789");
}

export function uuid(random: Random): string {
  const h = chars(random, 32, "0123456789abcdef");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[random.int(4)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

export function documentId(random: Random): string {
  return chars(random, 20, `${ALPHANUMERIC}-_`);
}

const ADJECTIVES = ["smart", "calm", "brave", "lucky", "quiet", "happy", "wild", "gentle", "swift", "bright", "clever", "silly", "proud", "sunny", "witty", "jolly", "eager", "fancy", "merry", "noble"];
const NOUNS = ["contraries", "otters", "pandas", "border", "rivers", "comets", "tigers", "meadow", "harbor", "lanterns", "falcons", "forest", "pirates", "castle", "wizards", "island", "rockets", "garden", "dragons", "valley"];
const ADVERBS = ["firmly", "loudly", "softly", "boldly", "gladly", "kindly", "calmly", "swiftly", "warmly", "wisely", "quickly", "gently", "proudly", "neatly", "freely"];

export function slug(random: Random): string {
  return `${random.pick(ADJECTIVES)}-${random.pick(NOUNS)}-${random.pick(NOUNS)}-${random.pick(ADVERBS)}`;
}

const WORDS = ["the", "last", "night", "city", "love", "secret", "king", "ocean", "dark", "summer", "return", "island", "lost", "queen", "stars", "road", "game", "family", "friends", "office"];

function title(random: Random): string {
  return `${random.pick(WORDS)}-${random.pick(WORDS)}`;
}

/** A plausible video URL on the site (the path patterns follow each site's real ones). */
export function videoUrl(host: string, random: Random): string {
  switch (host) {
    case "www.netflix.com":
      return `https://www.netflix.com/watch/${digits(random, 8)}?trackId=${digits(random, 8)}`;
    case "www.youtube.com":
      return `https://www.youtube.com/watch?v=${chars(random, 11, `${ALPHANUMERIC}-_`)}`;
    case "www.primevideo.com":
      return `https://www.primevideo.com/detail/0${chars(random, 25).toUpperCase()}/ref=atv_hm_hom_1_c_9zZ8D2_2_1`;
    case "www.amazon.com":
    case "www.amazon.co.uk":
      return `https://${host}/gp/video/detail/B0${chars(random, 8).toUpperCase()}/ref=atv_dp_share_cu_r`;
    case "www.hotstar.com":
      return `https://www.hotstar.com/in/movies/${title(random)}/${digits(random, 10)}`;
    case "www.disneyplus.com":
      return `https://www.disneyplus.com/video/${uuid(random)}`;
    case "play.stan.com.au":
      return `https://play.stan.com.au/programs/${digits(random, 7)}/play`;
    case "www.hulu.com":
      return `https://www.hulu.com/watch/${uuid(random)}`;
    case "www.viki.com":
      return `https://www.viki.com/videos/${digits(random, 7)}v-${title(random)}-episode-${1 + random.int(16)}`;
    case "soap2day.to":
      return `https://soap2day.to/${chars(random, 16)}.html`;
    case "www.crave.ca":
      return `https://www.crave.ca/en/movie/${title(random)}-${digits(random, 5)}`;
    case "www.crunchyroll.com":
      return `https://www.crunchyroll.com/${title(random)}/episode-${1 + random.int(24)}-${title(random)}-${digits(random, 6)}`;
    case "www3.animeflv.net":
      return `https://www3.animeflv.net/ver/${title(random)}-${1 + random.int(24)}`;
    case "www.google.com":
      return `https://www.google.com/search?q=${random.pick(WORDS)}+${random.pick(WORDS)}`;
    case "www.jelly-party.com":
      return random.next() < 0.5 ? "https://www.jelly-party.com/" : "https://www.jelly-party.com/#faq";
    default:
      return `https://${host}/${random.pick(["watch", "video", "v", "episode", "movie"])}/${chars(random, 10)}`;
  }
}

const NAMES = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Aarav", "Priya", "Sophia", "Lucas", "Mia", "Ethan", "Isla", "Arjun", "Chloe", "Leo", "Zoe", "Ben", "Hannah", "Max", "Lena", "Jack", "Grace", "Ravi", "Sara", "Tom", "Anna", "Kai", "Lily", "Omar", "Nina"];
const ACCESSORIES = ["none", "glasses", "sunglasses", "hat", "crown", "headphones"];
const EYES = ["default", "happy", "wink", "surprised", "sleepy"];
const MOUTHS = ["smile", "grin", "neutral", "tongue", "open"];
const SKINS = ["#ffdbac", "#f1c27d", "#e0ac69", "#c68642", "#8d5524", "#ffe0bd"];

export interface Geo {
  continent_name: string;
  country_iso_code: string;
  region_name: string;
  city_name: string;
  location: { lat: number; lon: number };
}

const CITIES: [weight: number, continent: string, country: string, region: string, city: string, lat: number, lon: number][] = [
  [14, "North America", "US", "California", "Los Angeles", 34.0544, -118.2441],
  [10, "North America", "US", "New York", "New York", 40.7128, -74.006],
  [7, "North America", "US", "Texas", "Houston", 29.7604, -95.3698],
  [6, "North America", "US", "Illinois", "Chicago", 41.8781, -87.6298],
  [9, "Asia", "IN", "Maharashtra", "Mumbai", 19.076, 72.8777],
  [6, "Asia", "IN", "Karnataka", "Bengaluru", 12.9716, 77.5946],
  [8, "Europe", "GB", "England", "London", 51.5074, -0.1278],
  [6, "Oceania", "AU", "New South Wales", "Sydney", -33.8688, 151.2093],
  [4, "Oceania", "AU", "Victoria", "Melbourne", -37.8136, 144.9631],
  [5, "North America", "CA", "Ontario", "Toronto", 43.6532, -79.3832],
  [4, "Europe", "DE", "Berlin", "Berlin", 52.52, 13.405],
  [3, "Europe", "FR", "Île-de-France", "Paris", 48.8566, 2.3522],
  [3, "Asia", "PH", "Metro Manila", "Manila", 14.5995, 120.9842],
  [3, "South America", "BR", "São Paulo", "São Paulo", -23.5505, -46.6333],
  [3, "North America", "MX", "Mexico City", "Mexico City", 19.4326, -99.1332],
  [2, "Asia", "SG", "Singapore", "Singapore", 1.3521, 103.8198],
  [2, "Europe", "NL", "North Holland", "Amsterdam", 52.3676, 4.9041],
  [2, "Asia", "MY", "Kuala Lumpur", "Kuala Lumpur", 3.139, 101.6869],
];

export interface Client {
  uuid: string;
  guid: string;
  ip: string;
  name: string;
  geo: Geo;
  avatar: Record<string, string>;
}

/** Where a client is: anywhere (weighted by city), or mostly in the site's country for a regional site. */
export function citySampler(random: Random): (country?: string) => (typeof CITIES)[number] {
  const anywhere = weightedPicker(CITIES.map((c) => c[0]), random);
  return (country) => {
    if (country !== undefined && random.next() < 0.8) {
      const local = CITIES.filter((c) => c[2] === country);
      if (local.length > 0) return random.pick(local);
    }
    return CITIES[anywhere()] as (typeof CITIES)[number];
  };
}

export function client(random: Random, city: (typeof CITIES)[number]): Client {
  const [, continent_name, country_iso_code, region_name, city_name, lat, lon] = city;
  return {
    uuid: uuid(random),
    guid: uuid(random),
    // Anonymised: the last octet is dropped before logging.
    ip: `${1 + random.int(223)}.${random.int(256)}.${random.int(256)}.0`,
    name: random.pick(NAMES),
    geo: { continent_name, country_iso_code, region_name, city_name, location: { lat, lon } },
    avatar: { accessory: random.pick(ACCESSORIES), eyes: random.pick(EYES), mouth: random.pick(MOUTHS), skin: random.pick(SKINS) },
  };
}
