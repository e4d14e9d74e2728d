import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Heading } from "../../src/report/markdown";
import { renderToc } from "../../src/report/toc";

const h = (level: number, text: string): Heading => ({ level, text, id: text.toLowerCase(), at: 0 });
const list = (headings: Heading[]) => renderToc(headings).replace(/^<nav[^>]*><h2[^>]*>Contents<\/h2>|<\/nav>$/g, "").replace(/<a href="#\w+">(\w+)<\/a>/g, "$1");

test("h1–h3 nest as lists; h4 and below are left out", () => {
  assert.is(list([h(2, "A"), h(3, "B"), h(3, "C"), h(4, "X"), h(2, "D")]), "<ol><li>A<ol><li>B</li><li>C</li></ol></li><li>D</li></ol>");
});

test("skipped levels still give well-formed lists", () => {
  assert.is(list([h(1, "A"), h(3, "B"), h(2, "C"), h(1, "D")]), "<ol><li>A<ol><li>B</li><li>C</li></ol></li><li>D</li></ol>");
  assert.is(list([h(3, "A"), h(1, "B")]), "<ol><li>A</li><li>B</li></ol>");
});

test("no contents for fewer than two headings; text is escaped", () => {
  assert.is(renderToc([h(2, "Only")]), "");
  assert.match(renderToc([h(2, "a<b"), h(2, "c")]), "a&lt;b");
});

test.run();
