import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderClaimsBanner, renderFailureBanner, renderHeader } from "../../src/report/header";
import { info } from "./fixtures";

test("the header: when, how long, parameters as JSON, inputs with size and hash, versions, commit", () => {
  const html = renderHeader("Visits", "visits", info({ gitCommit: "e436036-dirty" }));
  assert.match(html, '<h1 id="visits">Visits</h1>');
  assert.match(html, '<time datetime="2024-05-20T14:03:07.123Z">2024-05-20 14:03:07 UTC</time> · took 3.2 s · commit <code>e436036-dirty</code>');
  assert.match(html, '<th scope="row"><code>topN</code></th><td><code>5</code></td>');
  assert.match(html, "<code>&quot;../data/demo/visits.csv&quot;</code>");
  assert.match(html, '1.2 kB <span class="bytes">(1,234 bytes)</span>');
  assert.match(html, '<code class="hash" title="sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08">9f86d081884c…</code>');
  assert.match(html, '<span class="name">tslab</span> <code>1.0.22</code>');
});

test("no commit outside git; empty lists say so", () => {
  const html = renderHeader("R", "r", info({ parameters: {}, inputs: [] }));
  assert.not.match(html, "commit");
  assert.match(html, '<h2>Parameters</h2><p class="none">none</p>');
  assert.match(html, '<h2>Input files</h2><p class="none">none recorded</p>');
});

test("the failure banner numbers cells from 1 and links to the cell when it is in the page", () => {
  assert.match(renderFailureBanner({ cellIndex: 0, message: "Error: <x>" }, true), 'FAILED at <a href="#cell_1">cell 1</a>:</strong> <span class="failure-message">Error: &lt;x&gt;</span>');
  assert.match(renderFailureBanner({ cellIndex: 6, message: "m" }, false), "FAILED at cell 7:</strong>");
});

test("claims banner: statements that do not hold as an alert; those not checked on this data apart, never among the true ones", () => {
  assert.is(renderClaimsBanner([], []), "");
  const both = renderClaimsBanner([{ text: "A & B" }], [{ text: "mobile < desktop" }, { text: "C" }]);
  assert.match(both, '<div class="claims-banner" role="alert"><strong>⚠ 1 statement in this report does not hold for the data it read</strong>');
  assert.match(both, "<li>A &amp; B</li>");
  assert.match(both, '<div class="claims-banner claims-unchecked" role="note"><strong>2 statements were not checked on this data</strong>');
  assert.match(both, "<li>mobile &lt; desktop</li><li>C</li>");
  assert.not.match(renderClaimsBanner([], [{ text: "C" }]), 'role="alert"');
});

test.run();
