// A browser for next-auth's own request handler (next-auth/core), the code behind /api/auth/*: it keeps
// cookies, posts the CSRF token like the sign-in page, and follows the identity provider's redirects
// over real HTTP, so a single sign-on test runs the whole authorization-code flow without a Next server.
import type { NextAuthOptions } from "next-auth";
// next-auth exports no path to its core; this is the handler its App Router route calls with the request.
import { AuthHandler } from "../node_modules/next-auth/core/index.js";

export const APP_ORIGIN = "http://baton.test";

export interface SignInOutcome {
  /** Where next-auth sent the browser at the end: the app, or the sign-in page with ?error=. */
  redirect: string;
  sessionToken: string | null;
}

type AuthAction = Parameters<typeof AuthHandler>[0]["req"] extends infer R ? (R extends { action: infer A } ? A : never) : never;

export class AuthBrowser {
  private readonly appCookies = new Map<string, string>();
  private readonly idpCookies = new Map<string, string>();

  constructor(private readonly options: NextAuthOptions) {}

  private async app(
    action: AuthAction,
    method: "GET" | "POST",
    providerId?: string,
    query: Record<string, string> = {},
    body?: Record<string, string>,
  ) {
    const response = await AuthHandler({
      req: {
        action,
        method,
        providerId,
        query: { ...query, nextauth: [action, ...(providerId ? [providerId] : [])] },
        body,
        error: query.error,
        cookies: Object.fromEntries(this.appCookies),
        headers: { host: "baton.test", "x-forwarded-for": "192.0.2.44", "user-agent": "AuthBrowser/1" },
      },
      options: this.options,
    });
    for (const cookie of response.cookies ?? []) {
      if (cookie.value === "" || cookie.options?.maxAge === 0) this.appCookies.delete(cookie.name);
      else this.appCookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Follows the identity provider's redirects until it sends the browser back to `returnTo`. */
  private async throughIdp(start: string, returnTo: string): Promise<URL> {
    let next = start;
    for (let hop = 0; hop < 10; hop += 1) {
      if (next.startsWith(returnTo)) return new URL(next);
      const cookie = [...this.idpCookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const response = await fetch(next, { redirect: "manual", headers: cookie ? { cookie } : {} });
      for (const line of response.headers.getSetCookie()) {
        const pair = line.split(";")[0] ?? "";
        const at = pair.indexOf("=");
        this.idpCookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get("location");
      if (!location)
        throw new Error(`the identity provider answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`);
      next = new URL(location, next).toString();
    }
    throw new Error("too many redirects at the identity provider");
  }

  /** Clicks "Sign in with …" for `providerId` and lets the identity provider answer. */
  async signInWith(providerId: string, callbackUrl = "/leads"): Promise<SignInOutcome> {
    const csrf = await this.app("csrf", "GET");
    const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
    const started = await this.app("signin", "POST", providerId, {}, { csrfToken, callbackUrl });
    const redirect = started.redirect ?? "";
    const callbackPath = `${APP_ORIGIN}/api/auth/callback/${providerId}`;
    if (!redirect.startsWith("http") || redirect.startsWith(APP_ORIGIN))
      return { redirect: await this.followErrorPage(redirect), sessionToken: null };
    const back = await this.throughIdp(redirect, callbackPath);
    const finished = await this.app("callback", "GET", providerId, Object.fromEntries(back.searchParams));
    return {
      redirect: await this.followErrorPage(finished.redirect ?? ""),
      sessionToken: this.appCookies.get("next-auth.session-token") ?? null,
    };
  }

  /** next-auth's /api/auth/error and /api/auth/signin pages forward to ours (pages.error, pages.signIn). */
  private async followErrorPage(redirect: string): Promise<string> {
    let next = redirect;
    for (let hop = 0; hop < 3; hop += 1) {
      const url = new URL(next, APP_ORIGIN);
      const action = url.pathname.replace("/api/auth/", "");
      if (!url.pathname.startsWith("/api/auth/") || (action !== "error" && action !== "signin")) return next;
      next = (await this.app(action, "GET", undefined, Object.fromEntries(url.searchParams))).redirect ?? next;
    }
    return next;
  }
}
