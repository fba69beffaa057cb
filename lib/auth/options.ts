import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { verifyDecoy, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/auth/schemas";
import { recordSignInAttempt, isSignInLocked } from "@/lib/auth/sign-in-throttle";
import type { Role } from "@/lib/auth/permissions";

// Sessions are signed JWT cookies (nothing in process memory, so any instance can serve any request);
// the session version stored on the user lets "sign out everywhere" and role changes revoke them.
export function authOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const email = parsed.data.email.toLowerCase();
          const ip = clientIp(request?.headers);
          if (await isSignInLocked(email, ip)) throw new Error("locked");
          const user = await db.user.findUnique({
            where: { email },
            select: { id: true, name: true, email: true, role: true, passwordHash: true, active: true, sessionVersion: true },
          });
          // A person without a password hash (a CRM owner not yet given a sign-in) can never sign in with a password.
          const valid = user && user.active && user.passwordHash ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyDecoy(parsed.data.password);
          await recordSignInAttempt(email, ip, Boolean(valid));
          if (!user || !valid || !user.email) return null;
          return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { role: Role; sessionVersion: number };
          token.sub = signedIn.id;
          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, id: token.sub ?? "", role: token.role as Role };
        session.sessionVersion = token.sessionVersion;
        return session;
      },
    },
  };
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function clientIp(headers: HeaderBag): string {
  const read = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip") || "unknown";
}
