// Every command's arguments, read by Node's own parser (`parseArgs` from node:util) and reported
// the same way: a UsageError whose message names the argument, printed with the command's usage,
// exit status 2.
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A command given arguments it cannot take: one line naming the argument; the command exits 2. */
export class UsageError extends Error {}
UsageError.prototype.name = "UsageError";

/** Exit status of a command given bad arguments. */
export const USAGE_EXIT = 2;

type Options = NonNullable<ParseArgsConfig["options"]>;
type Config<O extends Options> = { args: string[]; options: O; strict: true; allowPositionals: true; tokens: true };

/**
 * `parseArgs` in strict mode, with positionals, and its tokens (for options that take several
 * values); Node's own errors ("Unknown option '--x'", "Option '--out <value>' argument missing")
 * come back as UsageError.
 */
export function readArgs<O extends Options>(argv: readonly string[], options: O): ReturnType<typeof parseArgs<Config<O>>> {
  try {
    return parseArgs<Config<O>>({ args: [...argv], options, strict: true, allowPositionals: true, tokens: true });
  } catch (e) {
    // One line; the hint about `--` is for positionals, which no command here takes with a dash.
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument starting with.*$/s, "").replace(/\s*\n\s*/g, " ") : String(e);
    throw new UsageError(message);
  }
}

/** Writes `error`'s message and the usage, and returns the exit status for a usage error. */
export function reportUsage(error: Error, usage: string, stream: NodeJS.WritableStream = process.stderr): number {
  stream.write(`${error.message}\n${usage}\n`);
  return USAGE_EXIT;
}
