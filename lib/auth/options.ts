import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { verifyDecoy, verifyPassword } from "@/lib/auth/password";
import { OIDC_PROVIDER_ID, oidcProvider, signInWithOidc, type OidcProfile } from "@/lib/auth/oidc";
import { currentOrigin, originFromHeaders, type RequestOrigin } from "@/lib/auth/request-origin";
import { signInSchema } from "@/lib/auth/schemas";
import { endSignedOutSession, recordFailedSignIn, startSession, type SignInMethod } from "@/lib/auth/sessions";
import { recordSignInAttempt, isSignInLocked } from "@/lib/auth/sign-in-throttle";
import type { Role } from "@/lib/auth/permissions";
import { parseRoleGroups, type AuthSettings } from "@/lib/auth/sso-settings";

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

/** The settings in force, from the environment (validated at start-up by lib/env.ts). */
export function authSettingsFromEnv(): AuthSettings {
  const env = getEnv();
  const sso =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          name: env.OIDC_NAME,
          provisioning: env.OIDC_PROVISIONING,
          defaultRole: env.OIDC_DEFAULT_ROLE,
          groupsClaim: env.OIDC_GROUPS_CLAIM,
          roleGroups: parseRoleGroups(env.OIDC_ROLE_GROUPS),
        }
      : null;
  return {
    sso,
    passwordSignIn: env.PASSWORD_SIGN_IN === "on",
    sessionMaxAgeSeconds: env.SESSION_MAX_AGE_HOURS * 3600,
    secret: env.NEXTAUTH_SECRET,
  };
}

export function authOptions(): NextAuthOptions {
  return buildAuthOptions(authSettingsFromEnv());
}

export function buildAuthOptions(settings: AuthSettings): NextAuthOptions {
  const maxAge = settings.sessionMaxAgeSeconds;
  const providers: Provider[] = [];
  if (settings.passwordSignIn) providers.push(passwordProvider());
  if (settings.sso) providers.push(oidcProvider(settings.sso));
  return {
    secret: settings.secret,
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!settings.sso || !profile) return false;
        const origin = await currentOrigin();
        const result = await signInWithOidc(profile as OidcProfile, settings.sso, origin);
        if (typeof result === "string") return `/sign-in?error=${result}`;
        // Without a next-auth adapter this is the object the jwt callback receives: it opens the session.
        const signedIn: SignedInUser = {
          id: String(result.id),
          name: result.name,
          email: result.email,
          role: result.role,
          sessionVersion: result.sessionVersion,
          method: "oidc",
          origin,
        };
        Object.assign(user, signedIn);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SignedInUser;
          token.sub = signedIn.id;
          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
          token.sid = await startSession(
            { id: Number(signedIn.id), email: signedIn.email, sessionVersion: signedIn.sessionVersion },
            signedIn.method,
            signedIn.origin,
            maxAge,
          );
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

function passwordProvider(): Provider {
  return CredentialsProvider({
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
      const valid =
        user && user.active ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyDecoy(parsed.data.password);
      await recordSignInAttempt(email, origin.ip, Boolean(valid));
      if (!user || !valid) {
        const reason = !user
          ? "unknown email"
          : !user.active
            ? "account deactivated"
            : user.passwordHash === null
              ? "no password (single sign-on only)"
              : "wrong password";
        await recordFailedSignIn(email, origin, reason, user?.id);
        return null;
      }
      return {
        id: String(user.id),
        name: user.name,
        email,
        role: user.role,
        sessionVersion: user.sessionVersion,
        method: "password",
        origin,
      };
    },
  });
}
