// TeX to MathML at export time: browsers draw MathML natively, so the report needs
// no KaTeX fonts or styles. Also the markdown-it rules that find `$...$` and `$$...$$`.
import katex from "katex";
import type MarkdownIt from "markdown-it";

type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;

/** KaTeX's MathML; bad TeX shows as its source in red with the parse error as a tooltip, rather than failing the report. */
export function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, output: "mathml", throwOnError: false, strict: "ignore" });
}

/** `text/latex` outputs are usually wrapped in `$$...$$`, `$...$` or `\[...\]`. */
export function renderLatexOutput(latex: string): string {
  const tex = latex.trim().replace(/^\$\$([\s\S]*)\$\$$|^\$([\s\S]*)\$$|^\\\[([\s\S]*)\\\]$/, (_, a?: string, b?: string, c?: string) => a ?? b ?? c ?? "");
  return renderMath(tex, true);
}

const DOLLAR = 0x24;
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/**
 * `$x$` inline, as pandoc reads it: no space just inside the dollars and no digit right after
 * the closing one, so "costs $5 and $10" stays text. `$$x$$` inside a paragraph is display math.
 */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const open = display ? 2 : 1;
  if (!display && isSpace(src[pos + 1])) return false;
  let end = pos + open;
  for (;;) {
    end = src.indexOf(display ? "$$" : "$", end);
    if (end === -1 || end >= posMax) return false;
    if (src[end - 1] === "\\") {
      end += 1; // an escaped dollar is part of the TeX
      continue;
    }
    if (!display && (isSpace(src[end - 1]) || /\d/.test(src[end + 1] ?? ""))) return false;
    break;
  }
  if (end === pos + open) return false; // "$$" with nothing in between
  if (!silent) {
    const token = state.push(display ? "math_display" : "math_inline", "math", 0);
    token.content = src.slice(pos + open, end);
    token.markup = display ? "$$" : "$";
  }
  state.pos = end + open;
  return true;
}

/** A block that starts with `$$` on its own line and runs to a line ending in `$$`. */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (line: number) => state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]);
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false; // indented code
  const first = lineText(startLine).trim();
  if (!first.startsWith("$$")) return false;
  if (first.indexOf("$$", 2) !== -1 && !first.endsWith("$$")) return false; // `$$x$$ and text`: inline
  if (silent) return true;
  let tex: string;
  let last = startLine;
  if (first.length > 4 && first.endsWith("$$")) {
    tex = first.slice(2, -2);
  } else {
    const lines = [first.slice(2)];
    for (last = startLine + 1; last < endLine; last++) {
      const text = lineText(last).trimEnd();
      if (text.endsWith("$$")) {
        lines.push(text.slice(0, -2));
        break;
      }
      lines.push(text);
    }
    if (last >= endLine) return false; // never closed: leave the dollars as text
    tex = lines.join("\n");
  }
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = tex.trim();
  token.markup = "$$";
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

export function mathPlugin(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.before("escape", "math_inline", inlineMath);
  md.block.ruler.before("fence", "math_block", blockMath, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules["math_inline"] = (tokens, idx) => renderMath(tokens[idx]?.content ?? "", false);
  md.renderer.rules["math_display"] = (tokens, idx) => renderMath(tokens[idx]?.content ?? "", true);
  md.renderer.rules["math_block"] = (tokens, idx) => `<div class="math-block">${renderMath(tokens[idx]?.content ?? "", true)}</div>\n`;
}
