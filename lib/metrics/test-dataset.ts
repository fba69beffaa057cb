import { db, pool } from "@/lib/db";
import type { EventType, Priority } from "@/lib/diagnosis/vocabulary";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";

// A small workspace built by hand for the metric tests: every lead's timeline is chosen so each metric's
// expected figure can be worked out on paper (see metrics.int.test.ts). Default definitions apply (UTC,
// weeks from Monday, p1 owner SLA 15 min and first-action SLA 1 h, duplicate window 14 days).

const MINUTE = 60_000;
/** Tuesdays, 10:00 UTC: inside working hours, so business-day SLAs start at once. */
export const WEEK_1 = new Date("2025-03-04T10:00:00Z");
export const WEEK_2 = new Date("2025-03-11T10:00:00Z");
export const WEEK_3 = new Date("2025-03-18T10:00:00Z");
export const NOW = new Date("2025-04-30T12:00:00Z");
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

export interface Dataset {
  users: { a: number; b: number; c: number };
  teams: { north: number; south: number };
  leads: Record<string, number>;
}

type Step = [type: EventType, minutesAfterCapture: number, actor: "a" | "b" | "c" | null, details?: Record<string, unknown>];

interface LeadSpec {
  key: string;
  capturedAt: Date;
  source: string;
  type: "demo" | "webinar" | "ebook";
  owner?: "a" | "b" | "c";
  status?: "accepted" | "rejected";
  outcome?: "qualified" | "won";
  reason?: { code: string | null; detail: string | null };
  steps: Step[];
}

const assigned = (minutes: number, owner: "a" | "b" | "c"): Step => ["assigned", minutes, null, { owner }];

export const LEAD_SPECS: LeadSpec[] = [
  // Week 1
  {
    key: "L1",
    capturedAt: WEEK_1,
    source: "website",
    type: "demo",
    owner: "a",
    status: "accepted",
    outcome: "won",
    steps: [assigned(5, "a"), ["accepted", 10, "a"], ["contacted", 25, "a"]],
  },
  {
    key: "L2",
    capturedAt: WEEK_1,
    source: "website",
    type: "demo",
    owner: "a",
    status: "accepted",
    outcome: "qualified",
    steps: [assigned(10, "a"), ["accepted", 15, "a"], ["contacted", 70, "a"]],
  },
  {
    key: "L3",
    capturedAt: WEEK_1,
    source: "website",
    type: "demo",
    owner: "b",
    status: "accepted",
    steps: [assigned(30, "b"), ["accepted", 35, "b"], ["contacted", 91, "b"]],
  },
  {
    key: "L4",
    capturedAt: WEEK_1,
    source: "webinar",
    type: "webinar",
    owner: "b",
    status: "rejected",
    reason: { code: "not_icp", detail: "Company has 12 employees" },
    steps: [assigned(120, "b"), ["rejected", 150, "b"]],
  },
  { key: "L5", capturedAt: WEEK_1, source: "webinar", type: "webinar", steps: [] },
  {
    key: "L6",
    capturedAt: WEEK_1,
    source: "webinar",
    type: "webinar",
    owner: "c",
    status: "rejected",
    reason: { code: null, detail: null },
    steps: [assigned(60, "c"), ["rejected", 90, "c"]],
  },
  // Week 2
  {
    key: "L7",
    capturedAt: WEEK_2,
    source: "website",
    type: "demo",
    owner: "a",
    status: "accepted",
    steps: [assigned(2, "a"), ["accepted", 5, "a"]],
  },
  {
    key: "L8",
    capturedAt: WEEK_2,
    source: "content",
    type: "ebook",
    owner: "b",
    status: "rejected",
    reason: { code: "competitor", detail: "n/a" },
    steps: [assigned(240, "b"), ["rejected", 300, "b"]],
  },
  {
    key: "L11",
    capturedAt: WEEK_2,
    source: "content",
    type: "ebook",
    steps: [
      ["contacted", 1_440, "a"],
      ["contacted", 1_440 + 14 * 1_440, "b"],
    ],
  },
  {
    key: "L12",
    capturedAt: WEEK_2,
    source: "content",
    type: "ebook",
    steps: [
      ["contacted", 1_440, "a"],
      ["contacted", 1_440 + 14 * 1_440 + 1, "b"],
    ],
  },
  {
    key: "L13",
    capturedAt: WEEK_2,
    source: "webinar",
    type: "webinar",
    owner: "a",
    status: "accepted",
    steps: [assigned(10, "a"), ["accepted", 15, "a"], ["contacted", 20, "a"], ["contacted", 20 + 14 * 1_440, "b"]],
  },
  {
    key: "L14",
    capturedAt: WEEK_2,
    source: "webinar",
    type: "webinar",
    owner: "a",
    status: "accepted",
    steps: [assigned(10, "a"), ["accepted", 15, "a"], ["contacted", 20, "a"], ["contacted", 20 + 14 * 1_440 + 1, "b"]],
  },
  // An owner on the record but no assignment event: its lead-to-owner time cannot be measured.
  { key: "L15", capturedAt: WEEK_2, source: "content", type: "ebook", owner: "b", steps: [] },
  // Week 3, outside the dashboard's period in the tests: only the fix impact reads it.
  {
    key: "L16",
    capturedAt: WEEK_3,
    source: "website",
    type: "demo",
    owner: "a",
    status: "accepted",
    steps: [assigned(1, "a"), ["accepted", 2, "a"], ["contacted", 3, "a"]],
  },
];

async function createUser(email: string, name: string, teamId: number | null): Promise<number> {
  const user = await db.user.create({ data: { email, name, passwordHash: "x", role: "sales_rep", teamId }, select: { id: true } });
  return user.id;
}

export async function buildDataset(): Promise<Dataset> {
  const north = (await db.team.create({ data: { name: "North" }, select: { id: true } })).id;
  const south = (await db.team.create({ data: { name: "South" }, select: { id: true } })).id;
  const users = {
    a: await createUser("a@example.com", "Ada", north),
    b: await createUser("b@example.com", "Ben", south),
    c: await createUser("c@example.com", "Cy", null),
  };
  const types: Record<LeadSpec["type"], { priority: Priority; id?: number }> = {
    demo: { priority: "p1" },
    webinar: { priority: "p2" },
    ebook: { priority: "p3" },
  };
  for (const [key, type] of Object.entries(types)) {
    type.id = (await db.leadType.create({ data: { key, name: key, intent: "high", priority: type.priority }, select: { id: true } })).id;
  }
  await db.rejectionReason.createMany({
    data: [
      { code: "not_icp", label: "Not in our ideal customer profile" },
      { code: "competitor", label: "Competitor" },
    ],
  });

  const leads: Record<string, number> = {};
  for (const spec of LEAD_SPECS) {
    const lead = await db.lead.create({
      data: {
        externalId: spec.key,
        name: `Buyer ${spec.key}`,
        email: `${spec.key.toLowerCase()}@buyer.example`,
        capturedAt: spec.capturedAt,
        originalSource: spec.source,
        campaign: "Spring",
        offer: "Offer",
        conversionPoint: "form",
        leadTypeId: types[spec.type].id,
        ownerId: spec.owner ? users[spec.owner] : null,
        acceptanceStatus: spec.status ?? "pending",
        outcome: spec.outcome ?? "open",
        rejectionReasonCode: spec.reason?.code ?? null,
        rejectionDetail: spec.reason?.detail ?? null,
      },
      select: { id: true },
    });
    leads[spec.key] = lead.id;
    await db.handoffEvent.createMany({
      data: [
        { leadId: lead.id, type: "captured", occurredAt: spec.capturedAt },
        ...spec.steps.map(([type, minutes, actor, details]) => ({
          leadId: lead.id,
          type,
          occurredAt: at(spec.capturedAt, minutes),
          actorId: actor ? users[actor] : null,
          channel: type === "contacted" ? ("call" as const) : null,
          details: details?.owner
            ? { ownerId: String(users[details.owner as "a" | "b" | "c"]) }
            : type === "rejected"
              ? { reasonCode: spec.reason?.code ?? undefined }
              : {},
        })),
      ],
    });
  }
  await rediagnoseLeads(pool, Object.values(leads), { now: NOW });
  return { users, teams: { north, south }, leads };
}
