// Sends one display to the notebook: a MIME bundle with several representations
// (say a Vega-Lite spec and its text fallback), as IPython's display() does.
export type MimeBundle = Record<string, unknown>;

export interface Display {
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

type KernelWriter = (content: Display & { transient: Record<string, unknown> }, update: boolean) => void;

let captured: Display[] | undefined;

/**
 * tslab's public `display.raw` sends a single MIME type as a string; its kernel module holds the
 * writer that takes a whole bundle with metadata. tslab is pinned, so this internal is stable.
 */
function kernelWriter(): KernelWriter | undefined {
  try {
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData?: KernelWriter | null };
    return jupyter.lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

export function emit(data: MimeBundle, metadata: Record<string, unknown> = {}): void {
  if (captured) {
    captured.push({ data, metadata });
    return;
  }
  const write = kernelWriter();
  if (write) {
    write({ data, metadata, transient: {} }, false);
  } else if (typeof data["text/plain"] === "string") {
    // Outside a notebook (a script, a REPL): the text representation is what can be shown.
    console.log(data["text/plain"]);
  }
}

/** Runs `fn` and returns what it displayed instead of sending it: for tests and for scripts. */
export function captureDisplays(fn: () => void): Display[] {
  const outer = captured;
  const mine: Display[] = [];
  captured = mine;
  try {
    fn();
  } finally {
    captured = outer;
  }
  return mine;
}
