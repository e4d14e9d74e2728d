import { test } from "uvu";
import * as assert from "uvu/assert";
import { cookielessSignatures, filterSummary } from "../../src/uniques/bots";
import { dailyUniques } from "../../src/uniques/estimate";
import { requestsFromRows } from "../../src/uniques/load/webrequest";
import { lastAccess, NO_COOKIES, request } from "./fixtures";

const requests = () =>
  requestsFromRows([
    request("2016-01-15T01:00:00Z", NO_COOKIES, { agent_type: "spider" }),
    request("2016-01-15T01:00:01Z", NO_COOKIES, { agent_type: "spider" }),
    request("2016-01-15T01:00:02Z", NO_COOKIES, { agent_type: "automated" }),
    request("2016-01-15T01:00:03Z", lastAccess("20-Dec-2015"), { is_pageview: "false" }),
    request("2016-01-15T02:00:00Z", lastAccess("20-Dec-2015")),
    request("2016-01-15T02:00:00Z", lastAccess("15-Jan-2016")),
    request("2016-01-15T02:00:00Z", "https=1;WMF-Last-Access=undefined", { ip: "3.3.3.3" }),
    request("2016-01-15T03:00:00Z", NO_COOKIES, { ip: "6.6.6.6" }),
    request("2016-01-15T03:00:01Z", NO_COOKIES, { ip: "6.6.6.6" }),
    request("2016-01-15T03:00:02Z", NO_COOKIES, { ip: "7.7.7.7" }),
  ]);

test("the filters step by step, with shares of all requests", () => {
  const rows = filterSummary(requests(), dailyUniques(requests())).toRecords() as Array<{ step: string; requests: number; share: number }>;
  assert.equal(
    rows.map((r) => [r.step, r.requests]),
    [
      ["all requests", 10],
      ["removed: agent_type spider", 2],
      ["removed: agent_type automated", 1],
      ["removed: user, not a pageview", 1],
      ["counted: user pageviews", 6],
      ["counted, with some cookie: the underestimate's candidates", 3],
      ["with some cookie, WMF-Last-Access unreadable (counts as absent)", 1],
      ["counted, cookie-less (nocookies=1)", 3],
      ["cookie-less, signature seen once that day: the daily offset", 1],
      ["cookie-less, signature seen more than once that day: dropped", 2],
    ],
  );
  assert.is(rows[4]?.share, 0.6);
});

test("cookie-less requests by how many requests their signature sent that day", () => {
  assert.equal(cookielessSignatures(requests()).toRecords(), [
    { requests_per_signature: "1", signatures: 1, requests: 1, share_of_cookieless: 1 / 3 },
    { requests_per_signature: "2–9", signatures: 1, requests: 2, share_of_cookieless: 2 / 3 },
    { requests_per_signature: "10–99", signatures: 0, requests: 0, share_of_cookieless: 0 },
    { requests_per_signature: "100–999", signatures: 0, requests: 0, share_of_cookieless: 0 },
    { requests_per_signature: "1000 or more", signatures: 0, requests: 0, share_of_cookieless: 0 },
  ]);
});

test.run();
