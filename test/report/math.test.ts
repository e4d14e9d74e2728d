import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderLatexOutput, renderMath } from "../../src/report/math";

test("TeX becomes MathML only, which needs no fonts or stylesheet", () => {
  const html = renderMath("x^2", false);
  assert.match(html, "<msup><mi>x</mi><mn>2</mn></msup>");
  assert.not.match(html, "katex-html", "no HTML rendering that would need KaTeX's CSS");
});

test("bad TeX shows its source instead of failing the report", () => {
  assert.match(renderMath("\\frac{1", true), /katex-error.*\\frac\{1/s);
});

test("text/latex outputs lose their $$ or \\[ \\] wrapping and render as display math", () => {
  for (const latex of ["$$\\alpha$$", "$\\alpha$", "\\[\\alpha\\]", "\\alpha"]) {
    assert.match(renderLatexOutput(latex), /display="block".*<mi>α<\/mi>/s, latex);
  }
});

test.run();
