// The terminal that notebooks running side by side share. Each event is written whole, in one
// write (a block of lines stays together), so lines from two notebooks never mix. Progress is a
// line per cell, prefixed with the notebook's name; on a TTY it is instead one status line at the
// bottom, holding every running notebook's progress, redrawn in place under the event lines.

const CLEAR = "\r\u001b[K";

export class Terminal {
  /** The progress line of each running notebook, by its name, in the order they started. */
  private readonly running = new Map<string, string>();
  private shown = false;
  /** How many writers that do not go through here (PDF printing) are at work: no status line meanwhile. */
  private held = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** One line, or a block of lines that stays together. */
  lines(text: string): void {
    this.clear();
    this.stream.write(`${text}\n`);
    this.draw();
  }

  /** `name`'s progress, `line` already made safe for a terminal. */
  progress(name: string, line: string): void {
    if (!this.stream.isTTY) {
      this.stream.write(`${line}\n`);
      return;
    }
    this.running.set(name, line);
    this.draw();
  }

  /** `name` stopped running: its progress leaves the status line. */
  done(name: string): void {
    if (!this.running.delete(name)) return;
    this.clear();
    this.draw();
  }

  /** Until the matching release(), another writer may write whole lines to the stream. */
  hold(): void {
    this.held++;
    this.clear();
  }

  release(): void {
    this.held--;
    this.draw();
  }

  private clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR);
    this.shown = false;
  }

  private draw(): void {
    if (!this.stream.isTTY || this.held > 0 || this.running.size === 0) return;
    // Cut to the width: a status line that wraps could no longer be redrawn in place.
    // (A pseudo-terminal whose size was never set says 0 columns.)
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    const status = [...this.running.values()].join("  ");
    this.stream.write(CLEAR + (status.length > width ? `${status.slice(0, width - 1)}…` : status));
    this.shown = true;
  }
}

let shared: Terminal | undefined;

/** The process's stderr, shared by every run in it. */
export function stderrTerminal(): Terminal {
  shared ??= new Terminal(process.stderr);
  return shared;
}
