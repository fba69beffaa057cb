import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuthOptions } from "@/lib/auth/options";
import { isSessionLive } from "@/lib/auth/sessions";
import { parseRoleGroups, type AuthSettings, type SsoSettings } from "@/lib/auth/sso-settings";
import { db } from "@/lib/db";
import { APP_ORIGIN, AuthBrowser } from "@/tests/auth-browser";
import { startForgingIssuer, startOidcProvider, type IdpAccount, type RealIssuer } from "@/tests/oidc-issuers";

// Single sign-on end to end: next-auth's own handler against a real OpenID provider started here (code
// flow with PKCE, ID token verified), and against issuers that are wrong, unreachable or forging tokens.

const SECRET = "oidc-integration-secret-0123456789abcdef";
const CLIENT = { clientId: "baton", clientSecret: "right-client-secret-0123456789", redirectUri: `${APP_ORIGIN}/api/auth/callback/oidc` };
// The directory at the identity provider; a test may move someone to another group.
const ACCOUNTS: Record<string, IdpAccount> = {
  "ada-sub": { email: "Ada@Corp.test", email_verified: true, name: "Ada Lovelace", groups: ["everyone", "baton-revops"] },
  "bob-sub": { email: "bob@corp.test", email_verified: true, name: "Bob", groups: ["everyone"] },
  "cy-sub": { email: "cy@corp.test", email_verified: true, name: "Cy", groups: ["baton-admins"] },
  "dee-sub": { email: "dee@corp.test", email_verified: true, name: "Dee" },
};
let idp: RealIssuer;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  idp = await startOidcProvider(CLIENT, ACCOUNTS);
});
afterAll(async () => {
  await idp?.stop();
});

function settings(sso: Partial<SsoSettings> = {}, passwordSignIn = true): AuthSettings {
  return {
    sso: {
      issuer: idp.issuer,
      clientId: CLIENT.clientId,
      clientSecret: CLIENT.clientSecret,
      name: "Corp SSO",
      provisioning: "auto",
      defaultRole: "viewer",
      groupsClaim: "groups",
      roleGroups: parseRoleGroups("baton-admins=admin, baton-revops=revops, baton-marketing=marketing"),
      ...sso,
    },
    passwordSignIn,
    sessionMaxAgeSeconds: 3600,
    secret: SECRET,
  };
}

async function signIn(sub: string, sso: Partial<SsoSettings> = {}) {
  idp.loginAs(sub);
  return new AuthBrowser(buildAuthOptions(settings(sso))).signInWith("oidc");
}

/** Where the browser ended: our sign-in page, with the error code its message is chosen by. */
function expectSignInPageError(outcome: { redirect: string; sessionToken: string | null }, code: string) {
  const url = new URL(outcome.redirect, APP_ORIGIN);
  expect([url.pathname, url.searchParams.get("error"), outcome.sessionToken]).toEqual(["/sign-in", code, null]);
}

const users = (email: string) =>
  db.user.findMany({ where: { email }, select: { id: true, role: true, passwordHash: true, name: true, sessionVersion: true } });

describe("single sign-on through a real OpenID provider", () => {
  it("creates the account on the first sign-in, role from the groups claim, no password, and a working session", async () => {
    const outcome = await signIn("ada-sub");
    expect(outcome.redirect).toBe(`${APP_ORIGIN}/leads`);
    const [ada] = await users("ada@corp.test");
    expect(ada).toMatchObject({ role: "revops", passwordHash: null, name: "Ada Lovelace" });

    const token = await decode({ token: outcome.sessionToken!, secret: SECRET });
    expect(token).toMatchObject({ sub: String(ada!.id), role: "revops" });
    expect(await isSessionLive(token!.sid!, ada!.id, ada!.sessionVersion)).toBe(true);
    const audit = await db.auditLog.findMany({
      where: { entityType: "user", entityId: String(ada!.id) },
      select: { action: true, after: true },
    });
    expect(audit.map((row) => row.action)).toEqual(["user.provision", "auth.sign_in"]);
    expect(audit[1]!.after).toMatchObject({ method: "oidc" });

    // The second sign-in finds the same account.
    expect((await signIn("ada-sub")).redirect).toBe(`${APP_ORIGIN}/leads`);
    expect(await users("ada@corp.test")).toHaveLength(1);
  });

  it("gives the default role when no group is mapped, and maps the widest group when one is", async () => {
    await signIn("bob-sub");
    expect((await users("bob@corp.test"))[0]?.role).toBe("viewer");
    await signIn("cy-sub");
    expect((await users("cy@corp.test"))[0]?.role).toBe("admin");
  });

  it("follows the identity provider when a mapped group changes the role, and ends the older sessions", async () => {
    const first = await signIn("dee-sub");
    const [before] = await users("dee@corp.test");
    expect(before?.role).toBe("viewer");
    const firstSid = (await decode({ token: first.sessionToken!, secret: SECRET }))!.sid!;

    ACCOUNTS["dee-sub"]!.groups = ["baton-marketing"];
    await signIn("dee-sub");
    const [after] = await users("dee@corp.test");
    expect(after?.role).toBe("marketing");
    expect(await isSessionLive(firstSid, after!.id, after!.sessionVersion)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "user.role_from_groups", entityId: String(after!.id) } })).toBe(1);
  });

  it("refuses someone not invited when provisioning is by invitation, creating nothing", async () => {
    idp.loginAs("bob-sub");
    await db.user.deleteMany({ where: { email: "bob@corp.test" } });
    const outcome = await signIn("bob-sub", { provisioning: "invited" });
    expectSignInPageError(outcome, "SsoNotInvited");
    expect(await users("bob@corp.test")).toHaveLength(0);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_failed", entityId: "bob@corp.test" } })).toBe(1);
  });

  it("turns password sign-in off: only the identity provider is offered", () => {
    const providers = buildAuthOptions(settings({}, false)).providers.map((provider) => provider.id);
    expect(providers).toEqual(["oidc"]);
  });
});

describe("single sign-on that must fail, creating nothing", () => {
  async function noOneCreated<T>(work: () => Promise<T>): Promise<T> {
    const before = await db.user.count();
    const result = await work();
    expect(await db.user.count()).toBe(before);
    return result;
  }

  it("says the issuer is misconfigured when its discovery document cannot be read", async () => {
    const outcome = await noOneCreated(() => signIn("bob-sub", { issuer: "http://127.0.0.1:9/not-an-issuer" }));
    expectSignInPageError(outcome, "OAuthSignin");
  });

  it("refuses the sign-in when the client secret is wrong", async () => {
    await db.user.deleteMany({ where: { email: "bob@corp.test" } });
    const outcome = await noOneCreated(() => signIn("bob-sub", { clientSecret: "wrong-secret" }));
    expectSignInPageError(outcome, "OAuthCallback");
  });

  for (const forgery of ["bad-signature", "wrong-audience"] as const) {
    it(`refuses an ID token with a ${forgery.replace("-", " ")}`, async () => {
      const forger = await startForgingIssuer(forgery, CLIENT.clientId, {
        email: "mallory@corp.test",
        email_verified: true,
        groups: ["baton-admins"],
      });
      try {
        const outcome = await noOneCreated(() => new AuthBrowser(buildAuthOptions(settings({ issuer: forger.issuer }))).signInWith("oidc"));
        expectSignInPageError(outcome, "OAuthCallback");
        expect(await users("mallory@corp.test")).toHaveLength(0);
      } finally {
        await forger.stop();
      }
    });
  }
});
