// Retries of a request to the search engine: a node that is busy (429, its circuit breakers or
// queues full), restarting (502–504), slow (a timeout) or briefly unreachable is asked again after
// a pause that doubles each time, a bounded number of times; anything else fails at once. The
// clients' own retries are off (maxRetries 0): this is the one policy, the same for both engines.
// Every request of a pull can be repeated safely: a search inside a point in time with the same
// search_after gives the same page.

export class SnapshotError extends Error {
  constructor(
    message: string,
    /** Worth asking again: the node may answer later. */
    readonly retryable = false,
  ) {
    super(message);
  }
}
SnapshotError.prototype.name = "SnapshotError";

export interface RetryPolicy {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** The pause before the second try, in ms (default 500); doubled before each further one. */
  firstDelayMs?: number;
  /** The longest pause, in ms (default 8000). */
  maxDelayMs?: number;
  /** Told before each pause (awaited): which try failed (1-based), why, and how long the pause is. */
  onRetry?: (failedTry: number, error: SnapshotError, delayMs: number) => void | Promise<void>;
}

/** The pause after the `failedTry`-th try (1-based): firstDelay · 2^(failedTry−1), at most maxDelay. */
export function retryDelay(failedTry: number, policy: RetryPolicy = {}): number {
  const { firstDelayMs = 500, maxDelayMs = 8000 } = policy;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (failedTry - 1));
}

/**
 * Runs `request` until it succeeds, fails with an error that is not retryable, or has failed
 * `attempts` times; `describe` turns whatever the client threw into a SnapshotError. The last
 * error is thrown, saying how many tries were made when there was more than one.
 */
export async function withRetries<T>(request: () => Promise<T>, describe: (e: unknown) => SnapshotError, policy: RetryPolicy = {}): Promise<T> {
  const attempts = Math.max(1, policy.attempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (e) {
      const error = e instanceof SnapshotError ? e : describe(e);
      if (!error.retryable) throw error;
      if (attempt >= attempts) throw new SnapshotError(attempts > 1 ? `${error.message} (tried ${attempts} times)` : error.message, true);
      const delay = retryDelay(attempt, policy);
      await policy.onRetry?.(attempt, error, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
