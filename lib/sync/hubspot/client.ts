import { Client } from "@hubspot/api-client";
import { SyncSourceError, withRetries } from "@/lib/sync/source-errors";

// The official HubSpot client, pointed at the portal's API (or a contract server through basePath), with
// what the client leaves to its caller: 429s waited out for as long as Retry-After says (the client's own
// retry ignores the header), the daily limit turned into a stop that keeps the cursor, and an expired
// OAuth token refreshed once and the call repeated.

export type HubspotCredentials =
  | { kind: "private_app"; accessToken: string; clientSecret?: string }
  | { kind: "oauth"; clientId: string; clientSecret: string; refreshToken: string; accessToken?: string };

interface ErrorLike {
  code?: number;
  body?: { category?: string; policyName?: string; message?: string; errors?: { context?: { requiredGranularScopes?: string[] } }[] };
  headers?: Record<string, string>;
}

export class HubspotApi {
  readonly client: Client;

  constructor(
    private credentials: HubspotCredentials,
    baseUrl: string | null,
    /** Called with the new credentials after a token refresh, so they are stored (encrypted) for next time. */
    private readonly onRefresh: (credentials: HubspotCredentials) => Promise<void> = async () => {},
  ) {
    this.client = new Client({ accessToken: credentials.accessToken ?? "", ...(baseUrl ? { basePath: baseUrl } : {}) });
  }

  /** Runs one API call with back-off on rate limits and server errors and one token refresh on expiry. */
  call<T>(request: (client: Client) => Promise<T>): Promise<T> {
    let refreshed = false;
    return withRetries(async () => {
      try {
        return await request(this.client);
      } catch (error) {
        const classified = classify(error);
        if (classified.kind !== "auth" || this.credentials.kind !== "oauth" || refreshed) throw classified;
        refreshed = true;
        await this.refresh();
        return request(this.client).catch((retryError: unknown) => Promise.reject(classify(retryError)));
      }
    });
  }

  /** One attempt, errors classified but not retried: "Test connection" answers at once. */
  async once<T>(request: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await request(this.client);
    } catch (error) {
      const classified = classify(error);
      if (classified.kind !== "auth" || this.credentials.kind !== "oauth") throw classified;
      await this.refresh();
      return request(this.client).catch((retryError: unknown) => Promise.reject(classify(retryError)));
    }
  }

  private async refresh(): Promise<void> {
    if (this.credentials.kind !== "oauth") return;
    const { clientId, clientSecret, refreshToken } = this.credentials;
    try {
      const token = await this.client.oauth.tokensApi.create("refresh_token", undefined, undefined, clientId, clientSecret, refreshToken);
      this.credentials = { ...this.credentials, accessToken: token.accessToken, refreshToken: token.refreshToken || refreshToken };
      this.client.setAccessToken(token.accessToken);
      await this.onRefresh(this.credentials);
    } catch {
      throw new SyncSourceError(
        "auth",
        "HubSpot refused to refresh the access token (the app was uninstalled or its client secret changed): reconnect HubSpot.",
      );
    }
  }
}

/** HubSpot's error answers -> what failed, in words an admin can act on. */
export function classify(error: unknown): SyncSourceError {
  if (error instanceof SyncSourceError) return error;
  const { code, body, headers } = (error ?? {}) as ErrorLike;
  if (code === 401) {
    return new SyncSourceError(
      "auth",
      body?.category === "EXPIRED_AUTHENTICATION"
        ? "HubSpot says the access token has expired."
        : "HubSpot refused the token (wrong, revoked or deleted private app): paste a valid token.",
    );
  }
  if (code === 403 && body?.category === "MISSING_SCOPES") {
    const scopes = body.errors?.flatMap((entry) => entry.context?.requiredGranularScopes ?? []) ?? [];
    return new SyncSourceError(
      "scope",
      `The HubSpot token lacks a required scope${scopes.length ? `: ${scopes.join(", ")}` : ""}. Add it to the private app (or reinstall the app) and test again.`,
    );
  }
  if (code === 429) {
    if (body?.policyName === "DAILY")
      return new SyncSourceError(
        "daily_limit",
        "HubSpot's daily API limit is used up: the sync stopped and resumes from where it was after midnight (the portal's time zone).",
      );
    const seconds = Number(headerValue(headers, "retry-after"));
    return new SyncSourceError(
      "rate_limit",
      "HubSpot rate limit reached.",
      Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000,
    );
  }
  if (code !== undefined && code >= 500) return new SyncSourceError("unavailable", `HubSpot answered ${code}: try again later.`);
  if (code === undefined)
    return new SyncSourceError(
      "unavailable",
      `HubSpot could not be reached (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`,
    );
  return new SyncSourceError("other", `HubSpot answered ${code}: ${body?.message ?? "no message"}`);
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key ? headers[key] : undefined;
}
