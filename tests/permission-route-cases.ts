// Matrix cases for the route handlers under app/api: the token API (/api/v1) and the few routes the
// signed-in browser calls (live-update stamps, downloads), plus the routes that are public on purpose.
import { db } from "@/lib/db";
import type { CaseContext, PublicRoute, RouteCase, RouteRequest } from "@/tests/permission-cases";

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

async function someLeadId({ world }: CaseContext): Promise<string> {
  return String(await world.anyLead());
}

async function decision(
  context: CaseContext,
  body: (lead: Awaited<ReturnType<CaseContext["world"]["decidableLead"]>>) => Record<string, unknown>,
): Promise<RouteRequest> {
  const lead = await context.world.decidableLead(context.actor);
  return { params: { id: String(lead.id) }, body: body(lead) };
}

/** A lead as a CRM integration sends it: created on first sight, by its external id. */
function newLead(externalId: string) {
  return {
    sourceSystem: "matrix",
    externalId,
    name: "Ines Alvarez",
    email: `${externalId}@example.com`,
    company: "Alvarez Tooling",
    capturedAt: new Date().toISOString(),
    originalSource: "webinar",
  };
}

/** A meeting's id for the read-only meeting routes (everyone may read them). */
async function meetingId({ world }: CaseContext): Promise<string> {
  return String((await world.meeting()).id);
}

export const ROUTE_CASE_LIST: Record<string, RouteCase[]> = {
  "GET /api/v1/leads": [
    {
      auth: "token",
      scope: "read",
      permission: "leads.read",
      request: async () => ({ query: "status=pending&flagged=1&sort=severity.desc&size=25" }),
    },
  ],
  "GET /api/v1/leads/[id]": [
    { auth: "token", scope: "read", permission: "leads.read", request: async (context) => ({ params: { id: await someLeadId(context) } }) },
  ],
  "DELETE /api/v1/leads/[id]": [
    {
      auth: "token",
      scope: "write",
      permission: "leads.erase",
      request: async ({ world }) => {
        const lead = await db.lead.create({
          data: { sourceSystem: "matrix", externalId: world.unique("matrix-erase"), name: "Erin Erasable", capturedAt: new Date() },
          select: { id: true },
        });
        return { params: { id: String(lead.id) } };
      },
    },
  ],
  "POST /api/v1/leads/[id]/decisions": [
    {
      variant: "accept",
      auth: "token",
      scope: "write",
      permission: "leads.decide",
      request: (context) =>
        decision(context, (lead) => ({
          decision: "accept",
          version: lead.version,
          criteria: lead.criteria,
          nextAction: "Send pricing",
          nextActionDueAt: inTwoDays(),
        })),
    },
    {
      variant: "reject",
      auth: "token",
      scope: "write",
      permission: "leads.decide",
      request: (context) =>
        decision(context, (lead) => ({
          decision: "reject",
          version: lead.version,
          criteria: lead.criteria,
          reasonCode: "competitor",
          detail: "Signed with a competitor last quarter.",
        })),
    },
    {
      variant: "request_info",
      auth: "token",
      scope: "write",
      permission: "leads.decide",
      request: (context) =>
        decision(context, (lead) => ({
          decision: "request_info",
          version: lead.version,
          question: "Did they attend the webinar or only register?",
        })),
    },
  ],
  "POST /api/v1/leads/[id]/info-requests/answer": [
    {
      auth: "token",
      scope: "write",
      permission: "info_requests.answer",
      request: async ({ world }) => {
        const lead = await world.leadWithOpenQuestion();
        return { params: { id: String(lead.id) }, body: { version: lead.version, answer: "They attended the full webinar." } };
      },
    },
  ],
  "POST /api/v1/leads": [
    {
      auth: "token",
      scope: "write",
      permission: "import.run",
      request: async ({ world }) => ({ body: newLead(world.unique("matrix-lead")) }),
    },
  ],
  "POST /api/v1/leads/batch": [
    {
      auth: "token",
      scope: "write",
      permission: "import.run",
      request: async ({ world }) => ({ body: { leads: [newLead(world.unique("matrix-batch")), newLead(world.unique("matrix-batch"))] } }),
    },
  ],
  "POST /api/v1/events": [
    {
      auth: "token",
      scope: "write",
      permission: "import.run",

      request: async (context) => ({
        body: {
          events: [
            {
              lead: { id: Number(await someLeadId(context)) },
              type: "contacted",
              channel: "email",
              occurredAt: new Date().toISOString(),
              externalId: context.world.unique("matrix-event"),
            },
          ],
        },
      }),
    },
  ],
  "POST /api/v1/leads/lookup": [
    {
      auth: "token",
      scope: "read",
      permission: "leads.read",
      unaudited: "A read sent as POST (a batch of ids in the body): it changes nothing.",
      request: async ({ world }) => {
        const lead = await db.lead.findUniqueOrThrow({
          where: { id: await world.anyLead() },
          select: { sourceSystem: true, externalId: true },
        });
        return { body: { leads: [lead, { sourceSystem: "matrix", externalId: "no-such-lead" }] } };
      },
    },
  ],
  "GET /api/v1/definitions": [{ auth: "token", scope: "read", permission: "definitions.read", request: async () => ({}) }],
  "POST /api/v1/definitions/changes": [
    {
      auth: "token",
      scope: "write",
      permission: "definitions.edit",
      request: async ({ world }) => ({
        body: {
          change: "reason",
          code: world.unique("matrix_api_reason"),
          label: "Matrix reason",
          requiresDetail: false,
          detailPrompt: null,
          active: false,
          sortOrder: 9_000,
        },
      }),
    },
  ],
  "GET /api/v1/people": [{ auth: "token", scope: "read", permission: "leads.read", request: async () => ({ query: "q=a" }) }],
  "POST /api/v1/people": [
    {
      auth: "token",
      scope: "write",
      permission: "import.run",
      request: async ({ world }) => ({ body: { sourceSystem: "matrix", externalId: world.unique("matrix-owner"), name: "Noor Matrix" } }),
    },
  ],
  "GET /api/review/leads/[id]/stamp": [
    { auth: "session", permission: "review.read", request: async (context) => ({ params: { id: await someLeadId(context) } }) },
  ],
  "GET /api/notifications": [{ auth: "session", permission: "notifications.read", request: async () => ({}) }],
  "GET /api/meetings/[id]/stamp": [
    { auth: "session", permission: "review.read", request: async (context) => ({ params: { id: await meetingId(context) } }) },
  ],
  "GET /api/meetings/[id]/summary": [
    {
      variant: "markdown",
      auth: "session",
      permission: "review.read",
      request: async (context) => ({ params: { id: await meetingId(context) }, query: "format=md" }),
    },
    {
      variant: "csv",
      auth: "session",
      permission: "review.read",
      request: async (context) => ({ params: { id: await meetingId(context) }, query: "format=csv" }),
    },
  ],
  "GET /api/report/markdown": [
    {
      auth: "session",
      permission: "dashboard.read",
      request: async () => {
        const first = await db.lead.findFirstOrThrow({ orderBy: { capturedAt: "asc" }, select: { capturedAt: true } });
        return { query: `from=${first.capturedAt.toISOString().slice(0, 10)}` };
      },
    },
  ],
  "GET /api/dashboard/csv": [
    {
      auth: "session",
      permission: "dashboard.read",
      request: async () => {
        // The chart over the demo's history, as the dashboard's download link sends it.
        const first = await db.lead.findFirstOrThrow({ orderBy: { capturedAt: "asc" }, select: { capturedAt: true } });
        return { query: `chart=funnel&from=${first.capturedAt.toISOString().slice(0, 10)}` };
      },
    },
  ],
  "GET /api/dashboard/table": [
    {
      auth: "session",
      permission: "dashboard.read",
      request: async () => {
        // A chart's table view over the demo's history, as the dashboard asks for it.
        const first = await db.lead.findFirstOrThrow({ orderBy: { capturedAt: "asc" }, select: { capturedAt: true } });
        return { query: `chart=funnel&from=${first.capturedAt.toISOString().slice(0, 10)}` };
      },
    },
  ],
};

export const PUBLIC_ROUTE_LIST: Record<string, PublicRoute> = {
  "GET /api/health": {
    reason: "Load balancers and the start script poll it; it reports only whether the app and database are up.",
    answersAnonymously: 200,
  },
  "GET /api/metrics": {
    reason: "Prometheus scrapes it with METRICS_TOKEN (or on a loopback-only server); without either it refuses everyone.",
    answersAnonymously: 403,
  },
  "GET /api/v1/openapi.json": { reason: "The API's description: paths and schemas, no data.", answersAnonymously: 200 },
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [
      `${method} /api/v1/[...path]`,
      { reason: "Unknown API paths: a JSON 404 in the API's error shape, no data.", answersAnonymously: 404 },
    ]),
  ),
  // NextAuth's handler needs Next's request context (cookies, headers), so it is not called here; signing
  // in is covered by lib/auth/sign-in-throttle.int.test.ts through the same credentials provider.
  "GET /api/auth/[...nextauth]": {
    reason: "next-auth: the sign-in page's providers, CSRF token and session endpoints; answers anyone by design.",
  },
  "POST /api/auth/[...nextauth]": { reason: "next-auth: the sign-in form posts the credentials here; it is how one gets a session." },
  "POST /api/webhooks/hubspot": {
    reason:
      "HubSpot delivers contact changes here; the v3 signature under the connection's client secret is the authentication (lib/sync/hubspot/webhook.ts), and a delivery only queues a sync.",
    answersAnonymously: 400,
  },
  "POST /api/password/reset": {
    reason: "Someone who forgot their password asks for an emailed link; the answer never says whether the address has an account.",
  },
  "POST /api/password/set": {
    reason: "The signed, expiring link from an invitation or reset email is the credential.",
    answersAnonymously: 400,
  },
};
