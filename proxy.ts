import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { isStorableText } from "@/lib/storable-text";
import { CONNECTIONS_PAGE, takeConnectionNotice } from "@/lib/sync/notice";

// A fast first gate: visitors without a session cookie go to sign-in. Not the security boundary: every
// page, action and route checks the session and the permission table on the server itself.
const PUBLIC_PATHS = [
  "/sign-in",
  "/reset-password",
  "/set-password",
  "/api/auth",
  "/api/password",
  "/api/health",
  "/api/v1",
  "/api/webhooks",
];

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  // A query string with a NUL (or half a UTF-16 pair) would fail deep in a page's database query with a
  // 500: every page and route answers 400 with the reason instead. The token API reports its own 422.
  if (!pathname.startsWith("/api/v1/") && [...searchParams].some(([key, value]) => !isStorableText(key) || !isStorableText(value))) {
    const message = "The address contains a character Baton cannot read (a NUL or an unpaired UTF-16 half). Remove it and try again.";
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "bad_request", message } }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  const token = await getToken({ req: request, secret: getEnv().NEXTAUTH_SECRET });
  if (token) return pathname === CONNECTIONS_PAGE ? takeConnectionNotice(request) : NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "Sign in to continue." } }, { status: 401 });
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png|robots.txt).*)"],
};
