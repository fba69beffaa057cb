import { ROLES, type Role } from "@/lib/auth/permissions";

// Single sign-on settings (OpenID Connect) and the group-to-role rules, pure so lib/env.ts validates them
// at start-up and the tests check them without a provider.

export type Provisioning = "auto" | "invited";

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's label: "Sign in with <name>". */
  name: string;
  /** auto: a first sign-in creates the account; invited: only people an admin invited may sign in. */
  provisioning: Provisioning;
  defaultRole: Role;
  groupsClaim: string;
  /** IdP group -> Baton role. */
  roleGroups: Map<string, Role>;
}

export interface AuthSettings {
  sso: SsoSettings | null;
  passwordSignIn: boolean;
  sessionMaxAgeSeconds: number;
  secret: string;
}

/** "Baton Admins=admin, RevOps=revops": comma-separated group=role pairs; throws a readable message. */
export function parseRoleGroups(raw: string | undefined): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of (raw ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    const group = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !group) throw new Error(`OIDC_ROLE_GROUPS: "${pair}" is not group=role`);
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`OIDC_ROLE_GROUPS: "${role}" is not a role (${ROLES.join(", ")})`);
    map.set(group, role as Role);
  }
  return map;
}

// When someone is in several mapped groups, the widest role wins.
const WIDEST_FIRST: readonly Role[] = ["admin", "revops", "sales_manager", "marketing", "sales_rep", "viewer"];

/** The role the groups claim maps to, or null when no group is mapped (the account keeps its role). */
export function roleFromGroups(claim: unknown, roleGroups: Map<string, Role>): Role | null {
  const groups = Array.isArray(claim)
    ? claim.filter((value): value is string => typeof value === "string")
    : typeof claim === "string"
      ? [claim]
      : [];
  const roles = new Set(groups.map((group) => roleGroups.get(group)).filter((role): role is Role => Boolean(role)));
  return WIDEST_FIRST.find((role) => roles.has(role)) ?? null;
}
