import { test } from "uvu";
import * as assert from "uvu/assert";
import { numberTables, wrapTables } from "../../src/report/scroll";

test("each outermost table goes into a region that scrolls and a keyboard reaches; a table inside a table does not", () => {
  const html = `<p title="&lt;table&gt;">x</p><table><tr><td><table><tr><td>1</td></tr></table></td></tr></table><table class="t"></table>`;
  assert.is(
    wrapTables(html),
    `<p title="&lt;table&gt;">x</p><div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table><tr><td><table><tr><td>1</td></tr></table></td></tr></table></div>` +
      `<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table class="t"></table></div>`,
  );
  assert.is(wrapTables("<p>no table</p>"), "<p>no table</p>");
});

test("regions named only 'Table' are numbered in page order, so that no two share a name", () => {
  const region = `role="region" tabindex="0" aria-label="Table"`;
  assert.is(numberTables(`<div ${region}></div><div class="output-html" ${region}></div>`), `<div role="region" tabindex="0" aria-label="Table 1"></div><div class="output-html" role="region" tabindex="0" aria-label="Table 2"></div>`);
});

test.run();
