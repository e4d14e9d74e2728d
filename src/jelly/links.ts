// The site behind a Jelly Party link. A join's `currentlyWatching` is the magic link
//   https://join.jelly-party.com/?redirectURL=<the site's URL, percent-encoded twice>&jellyPartyId=<slug>
// (older clients encoded the target once, or sent the site's URL itself). The site is the host of
// the decoded redirectURL. Decoding repeats until the text stops changing; the original decoded
// exactly twice (parse_qs, then unquote), which gives the same host for every link encoded up to
// twice. Links without a usable redirect are not dropped silently: each gets a `problem`.
import { queryValue, unquote, urlparse, UrlError } from "./url";

export type LinkProblem =
  /** The join carries no link (no clientState, or not a string). */
  | "no link"
  /** Not a magic link: the site's own URL or anything else without a redirectURL parameter. */
  | "no redirectURL"
  /** urllib refuses the link or its redirect (bad brackets, a bad IPv6 host, ...). */
  | "malformed URL"
  /** The redirect decodes to something without a host ("www.x.com/..." without a scheme, "about:blank"). */
  | "no host in redirect";

export interface ParsedLink {
  /** The redirect's netloc as urllib gives it (lower/upper case and any port kept), or null. */
  host: string | null;
  path: string | null;
  query: string | null;
  problem: LinkProblem | null;
}

const MAX_DECODES = 10;

/** Percent-decodes until the text no longer changes (a bounded number of times). */
export function decodeUntilStable(s: string): string {
  let current = s;
  for (let i = 0; i < MAX_DECODES; i++) {
    const next = unquote(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

const NO_LINK: ParsedLink = { host: null, path: null, query: null, problem: "no link" };

export function parseLink(link: unknown): ParsedLink {
  if (typeof link !== "string") return NO_LINK;
  try {
    const redirect = queryValue(urlparse(link).query, "redirectURL");
    if (redirect === undefined) return { host: null, path: null, query: null, problem: "no redirectURL" };
    const target = urlparse(decodeUntilStable(redirect));
    // The original kept an empty netloc as a host named ""; a site without a name is not a site.
    if (target.netloc === "") return { host: null, path: target.path, query: target.query, problem: "no host in redirect" };
    return { host: target.netloc, path: target.path, query: target.query, problem: null };
  } catch (e) {
    if (e instanceof UrlError) return { host: null, path: null, query: null, problem: "malformed URL" };
    throw e;
  }
}
