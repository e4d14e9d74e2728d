// The web-request extract the analysis reads: one request a line, these columns (any order, others
// ignored), as in Wikimedia's `webrequest` table.

export const COLUMNS = ["dt", "uri_host", "ip", "user_agent", "accept_language", "x_analytics", "agent_type", "is_pageview"] as const;
export type Column = (typeof COLUMNS)[number];

/** What each column holds, for error messages. */
export const EXPECTED: Record<Column, string> = {
  dt: "an ISO 8601 UTC time such as 2016-01-15T03:13:55Z",
  uri_host: "the requested host, such as es.m.wikipedia.org",
  ip: "the client address",
  user_agent: "the User-Agent header",
  accept_language: "the Accept-Language header (may be empty)",
  x_analytics: "the X-Analytics header, k=v pairs separated by ';'",
  agent_type: "user, spider or automated",
  is_pageview: "true or false",
};

export const AGENT_TYPES = ["user", "spider", "automated"] as const;
export type AgentType = (typeof AGENT_TYPES)[number];
