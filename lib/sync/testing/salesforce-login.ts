import { createHash, createPublicKey, randomUUID, verify, type KeyObject } from "node:crypto";
import type http from "node:http";
import { JWT_BEARER_GRANT } from "@/lib/sync/salesforce/jwt";
import { redirectBack, sendJson, type Consent } from "@/lib/sync/testing/json-server";

// The Salesforce contract server's sign-in endpoints, as Salesforce's OAuth reference words them: the
// web-server flow's authorize page (the admin's consent answered by `consent`) and its token endpoint
// (one-time codes, PKCE S256 verified), the refresh grant, and the JWT bearer grant for a connected app
// with a certificate: RS256 signature verified against it, iss a known consumer key, aud the login URL,
// exp not passed, sub a user who approved the app (pre-authorized); each refusal as Salesforce answers it.

/** What a successful token request answers (a new session), with the refresh token when the grant gives one. */
export type IssueSession = (refreshToken?: string) => Record<string, string>;

export class SalesforceLogin {
  /** Connected apps: consumer key -> consumer secret. */
  readonly apps = new Map<string, string>();
  readonly refreshTokens = new Map<string, string>();
  /** Connected apps using digital signatures: consumer key -> the certificate's public key and the users who approved it. */
  readonly signingApps = new Map<string, { certificate: KeyObject; approvedUsers: Set<string> }>();
  /** Every JWT bearer grant answered, in order (for tests that count new assertions). */
  readonly jwtGrants: { sub: string; ok: boolean }[] = [];
  /** What the admin answers on the consent page. */
  consent: Consent = "allow";
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; challenge: string | null }>();

  constructor(
    private readonly issueSession: IssueSession,
    /** The audience an assertion must name: this server's own address, standing for login.salesforce.com. */
    private readonly audience: () => string,
  ) {}

  issueRefreshToken(clientId: string): string {
    const token = randomUUID();
    this.refreshTokens.set(token, clientId);
    return token;
  }

  /** A connected app with "Use digital signatures": its certificate (PEM, or the public key) and its pre-authorized users. */
  registerSigningApp(consumerKey: string, certificate: string | KeyObject, approvedUsers: readonly string[]): void {
    const publicKey = typeof certificate === "string" ? createPublicKey(certificate) : certificate;
    this.signingApps.set(consumerKey, { certificate: publicKey, approvedUsers: new Set(approvedUsers) });
  }

  /** Answers the request if it is a sign-in endpoint; false when it is not one. */
  route(request: http.IncomingMessage, url: URL, body: string, response: http.ServerResponse): boolean {
    if (request.method === "GET" && url.pathname === "/services/oauth2/authorize") {
      this.authorize(url.searchParams, response);
      return true;
    }
    if (request.method !== "POST" || url.pathname !== "/services/oauth2/token") return false;
    const form = new URLSearchParams(body);
    const grant = form.get("grant_type");
    if (grant === "authorization_code") this.exchangeCode(form, response);
    else if (grant === JWT_BEARER_GRANT) this.jwtBearer(form.get("assertion") ?? "", response);
    else if (grant !== "refresh_token" || this.refreshTokens.get(form.get("refresh_token") ?? "") !== form.get("client_id"))
      sendJson(response, 400, { error: "invalid_grant", error_description: "expired access/refresh token" });
    else sendJson(response, 200, this.issueSession());
    return true;
  }

  /** The consent page: an unknown consumer key is an error page; otherwise back to the app with a code, or access_denied. */
  private authorize(query: URLSearchParams, response: http.ServerResponse): void {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    if (query.get("response_type") !== "code" || !this.apps.has(clientId) || !URL.canParse(redirectUri)) {
      response.writeHead(400, { "Content-Type": "text/html;charset=UTF-8" });
      response.end("<html><body>error=invalid_client_id&amp;error_description=client identifier invalid</body></html>");
      return;
    }
    const state: Record<string, string> = query.has("state") ? { state: query.get("state")! } : {};
    if (this.consent === "deny")
      return redirectBack(response, redirectUri, { error: "access_denied", error_description: "end-user denied authorization", ...state });
    const code = `aPrx${randomUUID().replace(/-/g, "")}`;
    this.codes.set(code, { clientId, redirectUri, challenge: query.get("code_challenge") });
    redirectBack(response, redirectUri, { code, ...state });
  }

  /** The authorization_code grant: each code once, for the app and redirect URI it was issued to, with the PKCE verifier. */
  private exchangeCode(form: URLSearchParams, response: http.ServerResponse): void {
    const clientId = form.get("client_id") ?? "";
    if (!this.apps.has(clientId))
      return sendJson(response, 400, { error: "invalid_client_id", error_description: "client identifier invalid" });
    if (this.apps.get(clientId) !== form.get("client_secret"))
      return sendJson(response, 400, { error: "invalid_client", error_description: "invalid client credentials" });
    const issued = this.codes.get(form.get("code") ?? "");
    this.codes.delete(form.get("code") ?? "");
    if (!issued || issued.clientId !== clientId)
      return sendJson(response, 400, { error: "invalid_grant", error_description: "invalid authorization code" });
    if (issued.redirectUri !== form.get("redirect_uri"))
      return sendJson(response, 400, { error: "redirect_uri_mismatch", error_description: "redirect_uri must match configuration" });
    const verifier = form.get("code_verifier");
    if (issued.challenge && (!verifier || createHash("sha256").update(verifier).digest("base64url") !== issued.challenge))
      return sendJson(response, 400, { error: "invalid_grant", error_description: "invalid code verifier" });
    sendJson(response, 200, this.issueSession(this.issueRefreshToken(clientId)));
  }

  /** The JWT bearer grant: no refresh token in the answer; the client signs a new assertion when the session expires. */
  private jwtBearer(assertion: string, response: http.ServerResponse): void {
    const refuse = (error: string, description: string, sub = "") => {
      this.jwtGrants.push({ sub, ok: false });
      sendJson(response, 400, { error, error_description: description });
    };
    const parts = assertion.split(".");
    const decode = (part: string | undefined): Record<string, unknown> | null => {
      try {
        const value: unknown = JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
        return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    };
    const [header, claims] = [decode(parts[0]), decode(parts[1])];
    if (parts.length !== 3 || header?.alg !== "RS256" || !claims) return refuse("invalid_grant", "invalid assertion");
    const sub = String(claims.sub ?? "");
    const app = this.signingApps.get(String(claims.iss ?? ""));
    if (!app) return refuse("invalid_client_id", "client identifier invalid", sub);
    const signed = verify("RSA-SHA256", Buffer.from(`${parts[0]}.${parts[1]}`), app.certificate, Buffer.from(parts[2]!, "base64url"));
    if (!signed) return refuse("invalid_grant", "invalid assertion", sub);
    if (String(claims.aud ?? "").replace(/\/$/, "") !== this.audience()) return refuse("invalid_grant", "audience is invalid", sub);
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now())
      return refuse("invalid_grant", "expired authorization code", sub);
    if (!app.approvedUsers.has(sub)) return refuse("invalid_grant", "user hasn't approved this consumer", sub);
    this.jwtGrants.push({ sub, ok: true });
    const { access_token, instance_url, id, token_type } = this.issueSession();
    sendJson(response, 200, { access_token, scope: "api", instance_url, id, token_type });
  }
}
