import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordAudit } from "@/lib/actions/audit";
import type { Role } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-origin";
import { recordFailedSignIn } from "@/lib/auth/sessions";
import { roleFromGroups, type SsoSettings } from "@/lib/auth/sso-settings";
import { db } from "@/lib/db";

// Single sign-on through any OpenID Connect issuer (Okta, Entra ID, Google Workspace, Keycloak…) with
// next-auth's OAuth provider: discovery from OIDC_ISSUER, authorization code with PKCE and state, and the
// ID token verified by openid-client (signature against the issuer's keys, issuer, audience, expiry)
// before any of the code below runs. People are matched by email; a first sign-in creates the account
// (or is refused unless invited), and a mapped groups claim sets the role on every sign-in.

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
  [claim: string]: unknown;
}

export function oidcProvider(settings: SsoSettings): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    // Only the subject here: who the person is in Baton is decided in the signIn callback.
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

/** Why an SSO sign-in was refused; each has its message on the sign-in page. */
export type SsoRefusal = "SsoNoEmail" | "SsoNotInvited" | "SsoDeactivated";

export interface SsoUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

/** Finds, creates or updates the person behind a verified ID token; a refusal creates nothing. */
export async function signInWithOidc(profile: OidcProfile, settings: SsoSettings, origin: RequestOrigin): Promise<SsoUser | SsoRefusal> {
  const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : "";
  if (!email || profile.email_verified === false) {
    await recordFailedSignIn(email || `oidc:${profile.sub}`, origin, "single sign-on without a verified email");
    return "SsoNoEmail";
  }
  const mappedRole = roleFromGroups(profile[settings.groupsClaim], settings.roleGroups);
  const select = { id: true, name: true, email: true, role: true, active: true, sessionVersion: true } as const;
  const existing = await db.user.findUnique({ where: { email }, select });
  if (!existing && settings.provisioning === "invited") {
    await recordFailedSignIn(email, origin, "single sign-on: not invited");
    return "SsoNotInvited";
  }
  if (existing && !existing.active) {
    await recordFailedSignIn(email, origin, "single sign-on: account deactivated", existing.id);
    return "SsoDeactivated";
  }
  const groups = profile[settings.groupsClaim] ?? null;
  const row = await db.$transaction(async (tx) => {
    if (!existing) {
      const name = (profile.name || profile.preferred_username || email).toString().slice(0, 120);
      const created = await tx.user.create({ data: { email, name, role: mappedRole ?? settings.defaultRole, passwordHash: null }, select });
      await recordAudit(tx, {
        actorId: null,
        action: "user.provision",
        entityType: "user",
        entityId: created.id,
        after: { email, name, role: created.role, source: "oidc", issuer: settings.issuer, groups },
      });
      return created;
    }
    if (mappedRole && mappedRole !== existing.role) {
      // A role change ends the person's other sessions, as when an admin changes it.
      const updated = await tx.user.update({
        where: { id: existing.id },
        data: { role: mappedRole, sessionVersion: { increment: 1 } },
        select,
      });
      await recordAudit(tx, {
        actorId: null,
        action: "user.role_from_groups",
        entityType: "user",
        entityId: existing.id,
        before: { role: existing.role },
        after: { role: mappedRole, source: "oidc", groups },
      });
      return updated;
    }
    return existing;
  });
  return { id: row.id, name: row.name, email, role: row.role, sessionVersion: row.sessionVersion };
}
