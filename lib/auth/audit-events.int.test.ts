import { spawnSync } from "node:child_process";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { isSessionLive, listLiveSessions } from "@/lib/auth/sessions";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { updateWorkspaceSettings } from "@/lib/definitions/mutations";
import { revokeUserSession } from "@/lib/users/mutations";

// Every security-relevant event leaves an audit row: sign-ins (with the address, failed ones too),
// sign-outs, an admin ending a session, tokens made or revoked on the command line, settings changes and
// exports. The real credentials provider, jwt callback, sign-out event and routes run; only next-auth's
// cookie reading is replaced by "this session is signed in".

const state = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => state.session,
}));

const PASSWORD = "audit trail password 1";
let admin: { id: number; email: string };
let person: { id: number; email: string };

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;

/** The sign-in form's post, then what next-auth does with a success: the jwt callback opens the session. */
async function signIn(email: string, password: string, ip: string): Promise<string | null> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": ip, "user-agent": "Firefox/140" } });
  if (!user) return null;
  const token = await options.callbacks!.jwt!({ token: {}, user: user as never, account: null, trigger: "signIn" } as never);
  return token.sid as string;
}

async function auditRows(action: string) {
  return db.auditLog.findMany({
    where: { action },
    orderBy: { id: "asc" },
    select: { actorId: true, entityType: true, entityId: true, before: true, after: true },
  });
}

async function newUser(label: string, role: "admin" | "viewer") {
  const email = `${label}@audit.test`;
  const { id } = await db.user.create({
    data: { email, name: label, role, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
  return { id, email };
}

beforeAll(async () => {
  admin = await newUser("admin", "admin");
  person = await newUser("person", "viewer");
});

describe("sign-in audit", () => {
  it("records a sign-in with its address and opens a session row", async () => {
    const sid = await signIn(person.email, PASSWORD, "198.51.100.20");
    expect(sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditRows("auth.sign_in")).toContainEqual(
      expect.objectContaining({
        actorId: person.id,
        entityType: "user",
        after: { email: person.email, method: "password", ip: "198.51.100.20", userAgent: "Firefox/140" },
      }),
    );
    expect((await listLiveSessions(person.id)).map((session) => session.id)).toContain(sid);
  });

  it("records failed sign-ins with the email, the reason and the address, known user or not", async () => {
    expect(await signIn(person.email, "wrong password here", "198.51.100.21")).toBeNull();
    expect(await signIn("nobody@audit.test", "whatever password", "198.51.100.22")).toBeNull();
    const failed = await auditRows("auth.sign_in_failed");
    expect(failed).toContainEqual(
      expect.objectContaining({
        actorId: person.id,
        after: expect.objectContaining({ email: person.email, reason: "wrong password", ip: "198.51.100.21" }),
      }),
    );
    expect(failed).toContainEqual(
      expect.objectContaining({
        actorId: null,
        entityId: "nobody@audit.test",
        after: expect.objectContaining({ reason: "unknown email", ip: "198.51.100.22" }),
      }),
    );
  });

  it("records a sign-out and the cookie stops working", async () => {
    const sid = (await signIn(person.email, PASSWORD, "198.51.100.23"))!;
    state.session = { user: { id: String(person.id), role: "viewer" }, sessionVersion: 0, sid, expires: "" };
    expect(await getSessionUser()).toMatchObject({ id: person.id });
    await authOptions().events!.signOut!({ token: { sid }, session: null as never });
    expect(await isSessionLive(sid, person.id, 0)).toBe(false);
    expect(await auditRows("auth.sign_out")).toContainEqual(
      expect.objectContaining({ actorId: person.id, after: expect.objectContaining({ email: person.email, session: sid }) }),
    );
  });
});

describe("sessions an admin ends", () => {
  it("lists the user's open sessions, ends one, and records who ended it", async () => {
    const kept = (await signIn(person.email, PASSWORD, "198.51.100.30"))!;
    const ended = (await signIn(person.email, PASSWORD, "198.51.100.31"))!;
    await revokeUserSession({ id: admin.id, role: "admin" }, { userId: String(person.id), sessionId: ended });

    const open = (await listLiveSessions(person.id)).map((session) => session.id);
    expect(open).toContain(kept);
    expect(open).not.toContain(ended);
    expect(await isSessionLive(ended, person.id, 0)).toBe(false);
    expect(await auditRows("auth.session_revoke")).toContainEqual(
      expect.objectContaining({
        actorId: admin.id,
        entityId: String(person.id),
        before: expect.objectContaining({ session: ended, ip: "198.51.100.31" }),
      }),
    );
    await expect(revokeUserSession({ id: admin.id, role: "admin" }, { userId: String(person.id), sessionId: ended })).rejects.toThrow(
      "already ended",
    );
    await expect(revokeUserSession({ id: person.id, role: "viewer" }, { userId: String(person.id), sessionId: kept })).rejects.toThrow(
      "Only admins",
    );
  });
});

describe("tokens from the command line", () => {
  it("records the token created and the token revoked, naming the command line as the source", async () => {
    const run = (...args: string[]) =>
      spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/baton.ts", "token", ...args], {
        env: { ...process.env },
        encoding: "utf8",
        timeout: 60_000,
      });
    const created = run("create", "--name", "CRM sync", "--scope", "write", "--user", admin.email);
    expect(created.status).toBe(0);
    const token = await db.apiToken.findFirstOrThrow({ where: { name: "CRM sync" }, select: { id: true, prefix: true } });
    expect(run("revoke", "--id", String(token.id)).status).toBe(0);

    expect(await auditRows("tokens.create")).toContainEqual(
      expect.objectContaining({
        actorId: null,
        entityId: String(token.id),
        after: expect.objectContaining({ name: "CRM sync", scope: "write", actsAs: admin.email, source: "command line" }),
      }),
    );
    expect(await auditRows("tokens.revoke")).toContainEqual(
      expect.objectContaining({ entityId: String(token.id), after: expect.objectContaining({ revoked: true, source: "command line" }) }),
    );
  });
});

describe("settings and exports", () => {
  it("records a workspace settings change with before and after", async () => {
    await updateWorkspaceSettings(admin.id, {
      version: 0,
      timeZone: "Europe/Berlin",
      workdayStart: "08:00",
      workdayEnd: "16:00",
      workingDays: [1, 2, 3, 4, 5],
      weekStartsOn: 1,
      duplicateWindowDays: 7,
      stallWindowDays: 7,
      reassignmentWarnCount: 3,
      outcomeWindowDays: 90,
      minimumSpecificDetailLength: 20,
      inboundSources: "website",
    });
    expect(await auditRows("definitions.workspace_settings.update")).toContainEqual(
      expect.objectContaining({ actorId: admin.id, after: expect.objectContaining({ timeZone: "Europe/Berlin" }) }),
    );
  });

  it("records a dashboard export with its chart and filters", async () => {
    const sid = (await signIn(admin.email, PASSWORD, "198.51.100.40"))!;
    state.session = { user: { id: String(admin.id), role: "admin" }, sessionVersion: 0, sid, expires: "" };
    const { GET } = await import("@/app/api/dashboard/csv/route");
    const response = await GET(new Request("http://baton.test/api/dashboard/csv?chart=funnel&source=website"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(await auditRows("exports.dashboard_csv")).toContainEqual(
      expect.objectContaining({
        actorId: admin.id,
        entityType: "export",
        entityId: "funnel",
        after: expect.objectContaining({ chart: "funnel", filters: { chart: ["funnel"], source: ["website"] } }),
      }),
    );
  });
});
