import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { createApiToken, EXTRA_SCOPES } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { demoAnchor, loadAndDiagnoseDemo } from "@/scripts/db/demo";
import { ACTION_CASES, governingActions, PUBLIC_ROUTES, ROUTE_CASES, type CaseContext, type Governing } from "@/tests/permission-cases";
import {
  discoverInlineServerActions,
  discoverPages,
  discoverRouteFiles,
  discoverServerActionModules,
  exportedActions,
  exportedMethods,
} from "@/tests/permission-discovery";
import { PAGE_CASES, PUBLIC_PAGES } from "@/tests/permission-page-cases";
import {
  callRoute,
  freshSession,
  invokeAction,
  invokePage,
  writeCounts,
  type ActionOutcome,
  type RouteResponse,
} from "@/tests/permission-runner";
import { PermissionWorld } from "@/tests/permission-world";

// The permission matrix (issue 9): every server action and every API route, called as a user of every
// role, must be allowed or refused exactly as the one permission table (lib/auth/permissions.ts) says.
// The real session helpers, permission checks and mutations run; only next-auth's cookie reading is
// replaced by "this user is signed in", and revalidatePath (which needs a Next request) is a no-op.
// Discovery is from the code, so a new action or route without a case in tests/permission-cases.ts fails.

const state = vi.hoisted(() => ({ session: null as Session | null, forbidden: [] as Error[] }));

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => state.session,
}));
// Pages render here outside a request: no headers came with it (the connections page reads its one-time notice there).
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));
// Counts every permission refusal, so "refused by the permission check" is told apart from "refused by
// validation or a conflict": both come back as { ok: false, message }.
vi.mock("@/lib/errors", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/errors")>();
  class ForbiddenError extends original.ForbiddenError {
    constructor(message?: string) {
      super(message);
      state.forbidden.push(this);
    }
  }
  return { ...original, ForbiddenError };
});

const actionModules = discoverServerActionModules();
const discoveredActions = Object.fromEntries(
  await Promise.all(actionModules.map(async (file) => [file, await exportedActions(file)] as const)),
);
const routeFiles = discoverRouteFiles();
const discoveredRoutes = Object.fromEntries(
  (
    await Promise.all(
      routeFiles.map(async (route) =>
        (await exportedMethods(route.file)).map((method) => [`${method} ${route.path}`, route.file] as const),
      ),
    )
  ).flat(),
);

const discoveredPages = Object.fromEntries(discoverPages().map((page) => [page.path, page.file]));
const allowed = (role: Role, permission: Governing) => governingActions(permission).every((action) => can(role, action));
const SIGN_IN_MESSAGE = "Sign in to continue.";

let world: PermissionWorld;
const writeTokens = {} as Record<Role, string>;
const readTokens = {} as Record<Role, string>;

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: demoAnchor() });
  world = await PermissionWorld.load();
  for (const role of ROLES) {
    const userId = world.actors[role].id;
    writeTokens[role] = (await createApiToken({ name: `matrix ${role} write`, scope: "write", userId, extraScopes: EXTRA_SCOPES })).token;
    readTokens[role] = (await createApiToken({ name: `matrix ${role} read`, scope: "read", userId })).token;
  }
}, 180_000);

afterAll(async () => {
  await stopBoss();
});

function context(role: Role): CaseContext {
  return { role, actor: world.actors[role], world };
}

function describeOutcome(outcome: ActionOutcome): string {
  if (outcome.kind === "threw") return `threw ${String(outcome.error)}`;
  return JSON.stringify(outcome);
}

describe("coverage: the registry covers everything the server exposes", () => {
  it("has a case for every exported server action", () => {
    const missing = Object.entries(discoveredActions).flatMap(([file, names]) =>
      names.filter((name) => !ACTION_CASES[file]?.[name]?.length).map((name) => `${file}#${name}`),
    );
    expect(missing, "server actions without a case in tests/permission-cases.ts").toEqual([]);
  });

  it("has a case, or a public reason, for every route handler method", () => {
    const missing = Object.keys(discoveredRoutes).filter((key) => !ROUTE_CASES[key]?.length && !PUBLIC_ROUTES[key]);
    expect(missing, "routes without a case in tests/permission-cases.ts").toEqual([]);
  });

  it("has a case, or a public reason, for every page", () => {
    expect(
      Object.keys(discoveredPages).filter((page) => !PAGE_CASES[page] && !PUBLIC_PAGES[page]),
      "pages without a case in tests/permission-page-cases.ts",
    ).toEqual([]);
  });

  it("names no action, route or page the code no longer has", () => {
    const staleActions = Object.entries(ACTION_CASES).flatMap(([file, cases]) =>
      Object.keys(cases)
        .filter((name) => !discoveredActions[file]?.includes(name))
        .map((name) => `${file}#${name}`),
    );
    const staleRoutes = [...Object.keys(ROUTE_CASES), ...Object.keys(PUBLIC_ROUTES)].filter((key) => !discoveredRoutes[key]);
    const stalePages = [...Object.keys(PAGE_CASES), ...Object.keys(PUBLIC_PAGES)].filter((page) => !discoveredPages[page]);
    expect([...staleActions, ...staleRoutes, ...stalePages]).toEqual([]);
  });

  it("finds no server action declared inside a component or page, where the matrix cannot call it", () => {
    expect(discoverInlineServerActions()).toEqual([]);
  });
});

describe.each(Object.entries(ACTION_CASES))("server actions in %s", (file, cases) => {
  describe.each(Object.entries(cases))("%s", (name, variants) => {
    for (const [index, testCase] of variants.entries()) {
      const label = testCase.variant ? ` (${testCase.variant})` : "";
      it.each(ROLES)(`%s${label}: as the table says`, async (role) => {
        world.beginCase();
        const args = await testCase.args(context(role));
        state.session = await freshSession(world.actors[role]);
        state.forbidden.length = 0;
        const before = await writeCounts();
        const outcome = await invokeAction(file, name, args);
        if (allowed(role, testCase.permission)) {
          expect(
            state.forbidden.map((error) => error.message),
            `${role} is allowed ${name}${label}`,
          ).toEqual([]);
          const succeeded =
            (outcome.kind === "result" && outcome.ok) || (outcome.kind === "redirect" && !/^\/(sign-in|forbidden)\b/.test(outcome.url));
          expect(succeeded, `${role} ${name}${label}: ${describeOutcome(outcome)}`).toBe(true);
          // Every change is audited (issue 9): an allowed action that changed something left an entry.
          if (!testCase.unaudited)
            expect((await writeCounts()).audit_logs, `${role}'s ${name}${label} is in the audit log`).toBeGreaterThan(before.audit_logs!);
        } else {
          expect(
            state.forbidden.length,
            `${role} must be refused ${name}${label} by the permission check: ${describeOutcome(outcome)}`,
          ).toBeGreaterThan(0);
          expect(outcome).toEqual({ kind: "result", ok: false, message: state.forbidden[0]!.message, fieldErrors: undefined });
          expect(await writeCounts(), `${role}'s refused ${name} wrote nothing`).toEqual(before);
          world.releaseCase();
        }
      });

      if (index > 0) continue;
      it("without a session: asks to sign in and writes nothing", async () => {
        world.beginCase();
        const args = await testCase.args(context("admin"));
        state.session = null;
        const before = await writeCounts();
        expect(await invokeAction(file, name, args)).toEqual({
          kind: "result",
          ok: false,
          message: SIGN_IN_MESSAGE,
          fieldErrors: undefined,
        });
        expect(await writeCounts()).toEqual(before);
        world.releaseCase();
      });
    }
  });
});

describe("sessions", () => {
  it("a session revoked by 'sign out everywhere' (older session version) is refused like no session", async () => {
    const admin = world.actors.admin;
    state.session = await freshSession(admin);
    await db.user.update({ where: { id: admin.id }, data: { sessionVersion: { increment: 1 } } });
    const [file, cases] = Object.entries(ACTION_CASES)[0]!;
    const [name, [testCase]] = Object.entries(cases)[0]!;
    const outcome = await invokeAction(file, name, await testCase!.args(context("admin")));
    expect(outcome).toMatchObject({ kind: "result", ok: false, message: SIGN_IN_MESSAGE });
  });
});

describe.each(Object.entries(ROUTE_CASES))("route %s", (key, variants) => {
  const file = () => discoveredRoutes[key] ?? `(no route file for ${key})`;
  for (const testCase of variants) {
    const label = testCase.variant ? ` (${testCase.variant})` : "";
    const expectDecision = async (role: Role, response: RouteResponse, before?: Record<string, number>) => {
      if (allowed(role, testCase.permission)) {
        if (testCase.redirectsTo) expect(response, `${role} is sent on by ${key}${label}`).toMatchObject({ status: 303 });
        if (testCase.redirectsTo) expect(new URL(response.location!).pathname).toBe(testCase.redirectsTo);
        else expect(response.status, `${role} is allowed ${key}${label}: ${response.message}`).toBeLessThan(300);
        if (before && key.startsWith("POST ") && !testCase.unaudited)
          expect((await writeCounts()).audit_logs, `${role}'s ${key}${label} is in the audit log`).toBeGreaterThan(before.audit_logs!);
      } else {
        expect(response, `${role} is refused ${key}${label}`).toMatchObject({ status: 403, message: expect.any(String) });
        if (before) expect(await writeCounts(), `${role}'s refused ${key}${label} wrote nothing`).toEqual(before);
        world.releaseCase();
      }
    };
    const build = (role: Role) => {
      world.beginCase();
      return testCase.request(context(role));
    };

    if (testCase.auth === "token") {
      it.each(ROLES)(`%s${label}, write token: as the table says`, async (role) => {
        const request = await build(role);
        const before = await writeCounts();
        await expectDecision(role, await callRoute(file(), key, request, `Bearer ${writeTokens[role]}`), before);
      });
      it.each(ROLES)(`%s${label}, read-only token: ${testCase.scope === "write" ? "403" : "as the table says"}`, async (role) => {
        const request = await build(role);
        const before = await writeCounts();
        const response = await callRoute(file(), key, request, `Bearer ${readTokens[role]}`);
        if (testCase.scope !== "write") return await expectDecision(role, response, before);
        expect(response).toEqual({ status: 403, message: "This token is read-only; this request needs a token with write scope." });
        expect(await writeCounts()).toEqual(before);
        world.releaseCase();
      });
      it(`without a token, or with an unknown one${label}: 401 and nothing written`, async () => {
        const request = await build("admin");
        const before = await writeCounts();
        for (const authorization of [undefined, "Bearer baton_not-a-real-token", "Basic YWRtaW46YmF0b24tZGVtbw=="]) {
          expect((await callRoute(file(), key, request, authorization)).status).toBe(401);
        }
        expect(await writeCounts()).toEqual(before);
        world.releaseCase();
      });
    } else {
      it.each(ROLES)(`%s${label}, signed in: as the table says`, async (role) => {
        state.session = await freshSession(world.actors[role]);
        const request = await build(role);
        const before = await writeCounts();
        await expectDecision(role, await callRoute(file(), key, request), before);
      });
      it(`without a session${label}: 401`, async () => {
        const request = await build("admin");
        state.session = null;
        expect(await callRoute(file(), key, request)).toMatchObject({ status: 401, message: SIGN_IN_MESSAGE });
      });
    }
  }
});

describe.each(Object.entries(PUBLIC_ROUTES).filter(([, route]) => route.answersAnonymously))("public route %s", (key, route) => {
  it(`answers without credentials (${route.reason})`, async () => {
    state.session = null;
    expect((await callRoute(discoveredRoutes[key]!, key, {})).status).toBe(route.answersAnonymously);
  });
});

describe.each(Object.entries(PAGE_CASES))("page %s", (page, pageCase) => {
  const file = () => discoveredPages[page] ?? `(no page file for ${page})`;
  it.each(ROLES)("%s: opens it or is sent to /forbidden, as the table says", async (role) => {
    const params = (await pageCase.params?.(context(role))) ?? {};
    state.session = await freshSession(world.actors[role]);
    const outcome = await invokePage(file(), params);
    if (pageCase.redirectsTo) expect(outcome).toEqual({ kind: "redirect", url: pageCase.redirectsTo });
    else if (pageCase.permission === null || can(role, pageCase.permission))
      expect(outcome, `${role} opens ${page}: ${JSON.stringify(outcome)}`).toEqual({ kind: "rendered" });
    else expect(outcome).toEqual({ kind: "redirect", url: "/forbidden" });
  });
  it("without a session: sent to sign in", async () => {
    const params = (await pageCase.params?.(context("admin"))) ?? {};
    state.session = null;
    expect(await invokePage(file(), params)).toEqual({ kind: "redirect", url: pageCase.signedOutTo ?? pageCase.redirectsTo ?? "/sign-in" });
  });
});
