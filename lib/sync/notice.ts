import { NextResponse, type NextRequest } from "next/server";

// The outcome of an OAuth callback, carried to the connections page in a short-lived cookie (not the
// address, so a crafted link cannot put words on the page). The proxy takes it off the page's request
// and drops it in the same response, so the page shows it once, however soon it is reloaded.

export const CONNECTIONS_PAGE = "/settings/connections";
export const CONNECTION_NOTICE_COOKIE = "baton_connection_notice";
/** The request header the proxy hands the notice to the page in; never taken from the browser. */
export const CONNECTION_NOTICE_HEADER = "x-baton-connection-notice";

export interface ConnectionNotice {
  ok: boolean;
  message: string;
}

export function connectionNoticeCookie(notice: ConnectionNotice): string {
  const value = encodeURIComponent(JSON.stringify({ ok: notice.ok, message: notice.message }));
  return `${CONNECTION_NOTICE_COOKIE}=${value}; Path=${CONNECTIONS_PAGE}; Max-Age=120; SameSite=Lax`;
}

export function parseConnectionNotice(value: string | undefined): ConnectionNotice | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as Partial<ConnectionNotice>;
    return typeof parsed.ok === "boolean" && typeof parsed.message === "string"
      ? { ok: parsed.ok, message: parsed.message.slice(0, 1000) }
      : null;
  } catch {
    return null;
  }
}

/** The proxy's step for the connections page: the notice moves from its cookie to the request, and the cookie goes. */
export function takeConnectionNotice(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.delete(CONNECTION_NOTICE_HEADER);
  const value = request.cookies.get(CONNECTION_NOTICE_COOKIE)?.value;
  if (!value) return NextResponse.next({ request: { headers } });
  // The cookie reads back decoded; a header carries only Latin-1, so the value travels encoded again.
  headers.set(CONNECTION_NOTICE_HEADER, encodeURIComponent(value));
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(CONNECTION_NOTICE_COOKIE, "", { path: CONNECTIONS_PAGE, maxAge: 0, sameSite: "lax" });
  return response;
}
