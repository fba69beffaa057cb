// What can go wrong talking to a CRM, shared by HubSpot and Salesforce: each kind has one handling. A
// rate limit is waited out (never a lost page); a daily limit stops the run and keeps the cursor; bad
// credentials or a missing scope stop the connection with a message saying exactly what to fix.

export type SourceErrorKind = "auth" | "scope" | "rate_limit" | "daily_limit" | "unavailable" | "other";

export class SyncSourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    /** For a rate limit: how long the CRM asked us to wait. */
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = "SyncSourceError";
  }
}

const MAX_RATE_LIMIT_WAITS = 20;
const MAX_UNAVAILABLE_RETRIES = 4;

/** Repeats a call through rate limits (waiting as told) and brief outages (backing off); other errors pass. */
export async function withRetries<T>(call: () => Promise<T>, sleep: (ms: number) => Promise<void> = delay): Promise<T> {
  let limited = 0;
  let unavailable = 0;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof SyncSourceError && error.kind === "rate_limit" && limited++ < MAX_RATE_LIMIT_WAITS) {
        await sleep(Math.min(error.retryAfterMs, 60_000));
        continue;
      }
      if (error instanceof SyncSourceError && error.kind === "unavailable" && unavailable++ < MAX_UNAVAILABLE_RETRIES) {
        await sleep(500 * 2 ** unavailable);
        continue;
      }
      throw error;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
