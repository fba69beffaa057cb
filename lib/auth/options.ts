import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { verifyDecoy, verifyPassword } from "@/lib/auth/password";
import { currentOrigin, originFromHeaders, type RequestOrigin } from "@/lib/auth/request-origin";
import { signInSchema } from "@/lib/auth/schemas";
import { endSignedOutSession, recordFailedSignIn, startSession, type SignInMethod } from "@/lib/auth/sessions";
import { recordSignInAttempt, isSignInLocked } from "@/lib/auth/sign-in-throttle";
import type { Role } from "@/lib/auth/permissions";

// Sessions are signed JWT cookies naming a user_sessions row (nothing in process memory, so any instance
// can serve any request); the row and the session version stored on the user let an admin, "sign out
// everywhere" and role changes end them.

/** What authorize hands to the jwt callback, which opens the session. */
interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
  method: SignInMethod;
  origin: RequestOrigin;
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  const maxAge = env.SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request): Promise<SignedInUser | null> {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const email = parsed.data.email.toLowerCase();
          const origin = originFromHeaders(request?.headers);
          const user = await db.user.findUnique({
            where: { email },
            select: { id: true, name: true, email: true, role: true, passwordHash: true, active: true, sessionVersion: true },
          });
          if (await isSignInLocked(email, origin.ip)) {
            await recordFailedSignIn(email, origin, "locked after repeated failures", user?.id);
            throw new Error("locked");
          }
          const valid = user && user.active ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyDecoy(parsed.data.password);
          await recordSignInAttempt(email, origin.ip, Boolean(valid));
          if (!user || !valid) {
            await recordFailedSignIn(email, origin, !user ? "unknown email" : !user.active ? "account deactivated" : "wrong password", user?.id);
            return null;
          }
          return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, method: "password", origin };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SignedInUser;
          token.sub = signedIn.id;
          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
          token.sid = await startSession({ id: Number(signedIn.id), email: signedIn.email, sessionVersion: signedIn.sessionVersion }, signedIn.method, signedIn.origin, maxAge);
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, id: token.sub ?? "", role: token.role as Role };
        session.sessionVersion = token.sessionVersion;
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSignedOutSession(token.sid, await currentOrigin());
      },
    },
  };
}
