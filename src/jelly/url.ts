// URL splitting and percent-decoding with the semantics of Python's urllib.parse (3.11), which the
// original analysis used: the hosts we count must be the ones it counted, edge cases included.
// https://docs.python.org/3/library/urllib.parse.html — urlsplit/urlparse, parse_qs, unquote.
import { isIPv4, isIPv6 } from "node:net";

/** What urllib.parse raises ValueError for: the original's bare `except` turned these into NaN. */
export class UrlError extends Error {}

export interface UrlParts {
  scheme: string;
  netloc: string;
  path: string;
  /** urlparse's `;params` of the last path segment (http, https and a few other schemes). */
  params: string;
  query: string;
  fragment: string;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
// eslint-disable-next-line no-control-regex
const LEADING_C0_OR_SPACE = /^[\u0000-\u0020]+/;
const TAB_CR_LF = /[\t\r\n]/g;
const USES_PARAMS = new Set(["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel"]);

/** urllib.parse.urlparse: scheme, netloc, path, params, query, fragment. Throws UrlError where Python raises ValueError. */
export function urlparse(input: string): UrlParts {
  let url = input.charCodeAt(0) <= 0x20 ? input.replace(LEADING_C0_OR_SPACE, "") : input;
  if (url.includes("\t") || url.includes("\r") || url.includes("\n")) url = url.replace(TAB_CR_LF, "");
  let scheme = "";
  let netloc = "";
  let query = "";
  let fragment = "";
  const colon = url.indexOf(":");
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  if (url.startsWith("//")) {
    let end = url.length;
    const slash = url.indexOf("/", 2);
    const question = url.indexOf("?", 2);
    const hash = url.indexOf("#", 2);
    if (slash >= 0 && slash < end) end = slash;
    if (question >= 0 && question < end) end = question;
    if (hash >= 0 && hash < end) end = hash;
    netloc = url.slice(2, end);
    url = url.slice(end);
    checkBrackets(netloc);
  }
  const hash = url.indexOf("#");
  if (hash >= 0) {
    fragment = url.slice(hash + 1);
    url = url.slice(0, hash);
  }
  const q = url.indexOf("?");
  if (q >= 0) {
    query = url.slice(q + 1);
    url = url.slice(0, q);
  }
  checkNfkc(netloc);
  let path = url;
  let params = "";
  if (USES_PARAMS.has(scheme) && path.includes(";")) {
    // Only the last segment's parameters: ";" after the last "/".
    const slash = path.lastIndexOf("/");
    const semi = slash >= 0 ? path.indexOf(";", slash) : path.indexOf(";");
    if (semi >= 0) {
      params = path.slice(semi + 1);
      path = path.slice(0, semi);
    }
  }
  return { scheme, netloc, path, params, query, fragment };
}

function checkBrackets(netloc: string): void {
  const open = netloc.includes("[");
  const close = netloc.includes("]");
  if (open !== close) throw new UrlError("Invalid IPv6 URL");
  if (!open) return;
  const hostAndPort = netloc.slice(netloc.lastIndexOf("@") + 1);
  const bracket = hostAndPort.indexOf("[");
  if (bracket > 0) throw new UrlError("Invalid IPv6 URL");
  let host: string;
  if (bracket === 0) {
    const end = hostAndPort.indexOf("]");
    host = hostAndPort.slice(1, end);
    const port = hostAndPort.slice(end + 1);
    if (port !== "" && !port.startsWith(":")) throw new UrlError("Invalid IPv6 URL");
  } else {
    host = hostAndPort.split(":")[0] ?? "";
  }
  if (host.startsWith("v")) {
    if (!/^v[a-fA-F0-9]+\..+$/s.test(host)) throw new UrlError("IPvFuture address is invalid");
  } else if (!isIPv6(host)) {
    throw new UrlError(isIPv4(host) ? "An IPv4 address cannot be in brackets" : `'${host}' does not appear to be an IPv4 or IPv6 address`);
  }
}

/** Characters such as U+2100 (℀) that become "a/c" under NFKC would smuggle a "/" into the host. */
function checkNfkc(netloc: string): void {
  // eslint-disable-next-line no-control-regex
  if (netloc === "" || /^[\u0000-\u007f]*$/.test(netloc)) return;
  const n = netloc.replace(/[@:#?]/g, "");
  const normalised = n.normalize("NFKC");
  if (n === normalised) return;
  for (const c of "/?#@:") {
    if (normalised.includes(c)) throw new UrlError(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
  }
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * urllib.parse.unquote: %XX escapes become bytes, decoded as UTF-8 with U+FFFD for invalid
 * sequences; a "%" not followed by two hex digits stays as it is. "+" is left alone.
 */
export function unquote(s: string): string {
  if (!s.includes("%")) return s;
  try {
    // Same result whenever every escape is well formed and the bytes are valid UTF-8 (nearly always).
    return decodeURIComponent(s);
  } catch {
    return unquoteSlow(s);
  }
}

function unquoteSlow(s: string): string {
  let out = "";
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) out += utf8.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (let i = 0; i < s.length; ) {
    const code = s.charCodeAt(i);
    if (code > 0x7f) {
      // Python decodes runs of ASCII only; other characters pass through untouched.
      flush();
      const cp = s.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      out += ch;
      i += ch.length;
    } else if (code === 0x25 && HEX.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(code);
      i++;
    }
  }
  flush();
  return out;
}

/** parse_qs(query)[name][0]: the first non-blank value of `name` ("+" is a space), or undefined. */
export function queryValue(query: string, name: string): string | undefined {
  if (query === "") return undefined;
  for (const field of query.split("&")) {
    const eq = field.indexOf("=");
    if (eq < 0 || eq === field.length - 1) continue; // no "=" or a blank value: parse_qs drops it
    if (unquote(plusToSpace(field.slice(0, eq))) !== name) continue;
    return unquote(plusToSpace(field.slice(eq + 1)));
  }
  return undefined;
}

function plusToSpace(s: string): string {
  return s.includes("+") ? s.replace(/\+/g, " ") : s;
}
