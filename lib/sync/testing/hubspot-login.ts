import { randomUUID } from "node:crypto";
import type http from "node:http";
import { redirectBack, sendJson, type Consent } from "@/lib/sync/testing/json-server";

// The HubSpot contract server's OAuth: the install page's authorize redirect (the admin's answer is
// `consent`; the portal grants the optional scopes too, as one with every product would) and the v1 token endpoint's authorization_code and refresh_token grants, as HubSpot answers them.

export class HubspotLogin {
  readonly refreshTokens = new Map<string, { clientId: string; clientSecret: string }>();
  /** Public apps: client id -> client secret. */
  readonly apps = new Map<string, string>();
  /** What the admin answers on the install page. */
  consent: Consent = "allow";
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; scopes: string[] }>();

  constructor(private readonly issueToken: (scopes?: string[]) => string) {}

  /** An OAuth app's refresh token: exchanging it gives a fresh access token. */
  issueRefreshToken(clientId: string, clientSecret: string): string {
    const token = randomUUID();
    this.refreshTokens.set(token, { clientId, clientSecret });
    return token;
  }

  /** Answers the request if it is an OAuth endpoint; false when it is not one. */
  route(request: http.IncomingMessage, path: string, url: URL, body: string, response: http.ServerResponse): boolean {
    if (request.method === "GET" && path === "/oauth/authorize") {
      this.authorize(url.searchParams, response);
      return true;
    }
    if (request.method !== "POST" || path !== "/oauth/v1/token") return false;
    const form = new URLSearchParams(body);
    if (form.get("grant_type") === "authorization_code") this.exchangeCode(form, response);
    else this.token(form, response);
    return true;
  }

  /** The install page: back to the app's redirect URI with a one-time code for the scopes asked, or access_denied. */
  private authorize(query: URLSearchParams, response: http.ServerResponse): void {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    if (!this.apps.has(clientId) || !URL.canParse(redirectUri))
      return sendJson(response, 400, { status: "error", message: "Invalid client_id or redirect_uri", correlationId: randomUUID() });
    const state: Record<string, string> = query.has("state") ? { state: query.get("state")! } : {};
    if (this.consent === "deny") return redirectBack(response, redirectUri, { error: "access_denied", ...state });
    const code = randomUUID();
    this.codes.set(code, {
      clientId,
      redirectUri,
      scopes: [query.get("scope"), query.get("optional_scope")].join(" ").split(/[ +]/).filter(Boolean),
    });
    redirectBack(response, redirectUri, { code, ...state });
  }

  /** The authorization_code grant: a code once, for the app and redirect URI it was issued to. */
  private exchangeCode(form: URLSearchParams, response: http.ServerResponse): void {
    const clientId = form.get("client_id") ?? "";
    if (!this.apps.has(clientId) || this.apps.get(clientId) !== form.get("client_secret"))
      return sendJson(response, 400, {
        status: "BAD_CLIENT_ID",
        message: "missing or invalid client id or secret",
        correlationId: randomUUID(),
      });
    const issued = this.codes.get(form.get("code") ?? "");
    this.codes.delete(form.get("code") ?? "");
    if (!issued || issued.clientId !== clientId)
      return sendJson(response, 400, { status: "BAD_AUTH_CODE", message: "missing or unknown auth code", correlationId: randomUUID() });
    if (issued.redirectUri !== form.get("redirect_uri"))
      return sendJson(response, 400, {
        status: "BAD_REDIRECT_URI",
        message: "redirect_uri does not match the one the code was issued for",
        correlationId: randomUUID(),
      });
    sendJson(response, 200, {
      token_type: "bearer",
      refresh_token: this.issueRefreshToken(clientId, this.apps.get(clientId)!),
      access_token: this.issueToken(issued.scopes),
      expires_in: 1800,
    });
  }

  private token(form: URLSearchParams, response: http.ServerResponse): void {
    const refresh = this.refreshTokens.get(form.get("refresh_token") ?? "");
    if (
      form.get("grant_type") !== "refresh_token" ||
      !refresh ||
      refresh.clientId !== form.get("client_id") ||
      refresh.clientSecret !== form.get("client_secret")
    ) {
      return sendJson(response, 400, {
        status: "BAD_REFRESH_TOKEN",
        message: "missing or unknown refresh token",
        correlationId: randomUUID(),
      });
    }
    const accessToken = this.issueToken();
    sendJson(response, 200, {
      token_type: "bearer",
      refresh_token: form.get("refresh_token"),
      access_token: accessToken,
      expires_in: 1800,
    });
  }
}
