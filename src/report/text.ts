// Text as it arrives in notebooks: nbformat stores multi-line strings either whole or as a list
// of lines, and kernels colour their output with ANSI escape codes that mean nothing in HTML.

/** A MIME value or stream text as one string; anything else is not text and gives undefined. */
export function joinText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((line): line is string => typeof line === "string")) return value.join("");
  return undefined;
}

// CSI sequences (colours, cursor moves) and OSC sequences (terminal titles, hyperlinks).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}
