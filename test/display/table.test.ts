import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureDisplays, show } from "../../src/display";
import { tableHtml, tableText } from "../../src/display/table";

const frame = () =>
  pl.DataFrame({ site: ["netflix", "youtube", null], sessions: [123456, 7890, 12], mean: [41.25, 12.5, 0.5] }).withColumns(pl.col("sessions").cast(pl.Int64));

test("numbers are right-aligned with thousands separators, text left-aligned, nulls marked", () => {
  const html = tableHtml(frame());
  assert.match(html, /<th style="text-align:left" title="String">site<\/th>/);
  assert.match(html, /<td style="text-align:right;font-variant-numeric:tabular-nums">123,456<\/td>/);
  assert.match(html, /<td style="text-align:right;font-variant-numeric:tabular-nums">41.25<\/td>/);
  assert.match(html, /<td class="null" style="text-align:left;font-style:italic">null<\/td>/);
  assert.is((html.match(/<tr>/g) ?? []).length, 4);
});

test("a caption sits above the table, left-aligned as in the report", () => {
  assert.match(tableHtml(frame(), { caption: "Sessions" }), /^<table class="dataframe"><caption style="text-align:left">Sessions<\/caption><thead>/);
});

test("a row limit shows the first rows and says how many there are", () => {
  const big = pl.DataFrame({ n: Array.from({ length: 2500 }, (_, i) => i) });
  const html = tableHtml(big, { rows: 5 });
  assert.is((html.match(/<tr>/g) ?? []).length, 6);
  assert.match(html, /Showing the first 5 of 2,500 rows\./);
  assert.not.match(tableHtml(frame()), /Showing/);
});

test("cell text is escaped", () => {
  const html = tableHtml(pl.DataFrame({ "<b>": ["<script>alert(1)</script>"] }));
  assert.not.match(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /<th[^>]*>&lt;b&gt;<\/th>/);
});

test("the plain-text fallback aligns columns", () => {
  assert.is(
    tableText(frame(), { caption: "Sessions" }),
    ["Sessions", "site     sessions   mean", "-------  --------  -----", "netflix   123,456  41.25", "youtube     7,890   12.5", "null           12    0.5"].join("\n"),
  );
});

test("identifier columns print whole numbers without thousands separators", () => {
  const ids = pl.DataFrame({ user_id: [61055, 4], year: [2021, 2020], reach: [7335, 12] });
  assert.match(tableHtml(ids), />61055<\/td>/);
  assert.match(tableHtml(ids), />7,335<\/td>/);
  assert.match(tableHtml(ids), />2,021<\/td>/);
  assert.match(tableHtml(ids, { identifiers: ["year"] }), />2021<\/td>/);
  assert.match(tableHtml(ids, { identifiers: ["year"] }), />61,055<\/td>/);
});

test("show() sends one display with both representations", () => {
  const shown = captureDisplays(() => show(frame(), { rows: 2 }));
  assert.is(shown.length, 1);
  assert.equal(Object.keys(shown[0]!.data).sort(), ["text/html", "text/plain"]);
  assert.match(String(shown[0]!.data["text/plain"]), /Showing the first 2 of 3 rows\./);
});



test("times finer than a millisecond are shown at their own precision (a JavaScript Date would cut them)", () => {
  // 2020-03-17T07:51:28.085566Z, and the same plus 123 ns.
  const us = pl.DataFrame({ t: [1584431488085566] }).select(pl.col("t").cast(pl.Int64).cast(pl.Datetime("us", "UTC")));
  assert.match(tableText(us), "2020-03-17 07:51:28.085566");
  const ns = pl.DataFrame({ t: [1584431488085566] }).select(pl.col("t").cast(pl.Int64).mul(pl.lit(1000).cast(pl.Int64)).add(pl.lit(123).cast(pl.Int64)).cast(pl.Datetime("ns")));
  assert.match(tableHtml(ns), ">2020-03-17 07:51:28.085566123<");
  // Nanosecond times that hold whole milliseconds show three digits.
  const ms = pl.DataFrame({ t: [1584431488085] }).select(pl.col("t").cast(pl.Int64).mul(pl.lit(1_000_000).cast(pl.Int64)).cast(pl.Datetime("ns", "UTC")));
  assert.match(tableHtml(ms), ">2020-03-17 07:51:28.085<");
  const none = pl.DataFrame({ t: [null, null] }).select(pl.col("t").cast(pl.Int64).cast(pl.Datetime("us")));
  assert.match(tableText(none), "null");
});

test.run();
