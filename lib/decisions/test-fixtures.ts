import { db } from "@/lib/db";
import type { TeamActor } from "@/lib/actions/authorize";
import { DEFAULT_REJECTION_REASONS } from "@/lib/diagnosis/defaults";
import type { Role } from "@/lib/auth/permissions";

// Data for the decisions integration tests: two sales teams with a manager and reps each, marketing, a
// viewer, revenue operations, a lead type with criteria and the default rejection reasons. Each test file
// runs on a fresh database of its own (tests/integration-setup.ts).

export const CRITERIA = [
  { id: "icp_company_size", label: "Company size fits the ideal customer profile" },
  { id: "decision_role", label: "Decision maker or direct influencer" },
];
export const ALL_MET = { icp_company_size: true, decision_role: true };

const PROMPTS: Record<string, string> = {
  not_icp: "Which part of the ideal customer profile does not fit?",
  duplicate: "Which lead does it duplicate?",
};

export interface DecisionWorld {
  rep: TeamActor;
  teammate: TeamActor;
  otherRep: TeamActor;
  manager: TeamActor;
  otherManager: TeamActor;
  marketing: TeamActor;
  viewer: TeamActor;
  revops: TeamActor;
  leadTypeId: number;
}

async function user(email: string, name: string, role: Role, teamId: number | null): Promise<TeamActor> {
  return db.user.create({
    data: { email, name, role, teamId, passwordHash: "not-a-real-hash" },
    select: { id: true, name: true, role: true, teamId: true },
  });
}

export async function createDecisionWorld(): Promise<DecisionWorld> {
  const inbound = await db.team.create({ data: { name: "Inbound" }, select: { id: true } });
  const midMarket = await db.team.create({ data: { name: "Mid-Market" }, select: { id: true } });
  const world = {
    rep: await user("rep@example.com", "Riley Chen", "sales_rep", inbound.id),
    teammate: await user("jordan@example.com", "Jordan Patel", "sales_rep", inbound.id),
    otherRep: await user("noah@example.com", "Noah Fischer", "sales_rep", midMarket.id),
    manager: await user("dana@example.com", "Dana Okafor", "sales_manager", inbound.id),
    otherManager: await user("sofia@example.com", "Sofia Marquez", "sales_manager", midMarket.id),
    marketing: await user("marcus@example.com", "Marcus Bell", "marketing", null),
    viewer: await user("victor@example.com", "Victor Hale", "viewer", null),
    revops: await user("priya@example.com", "Priya Raman", "revops", null),
  };
  const leadType = await db.leadType.create({
    data: { key: "demo_request", name: "Demo request", intent: "high", priority: "p1", acceptanceCriteria: CRITERIA },
    select: { id: true },
  });
  await db.rejectionReason.createMany({
    data: DEFAULT_REJECTION_REASONS.map((reason, index) => ({ ...reason, detailPrompt: PROMPTS[reason.code] ?? null, sortOrder: index })),
  });
  return { ...world, leadTypeId: leadType.id };
}

let counter = 0;

/** An open lead assigned to `ownerId` `minutesAgo` minutes ago, awaiting a decision. */
export async function createAssignedLead(
  world: DecisionWorld,
  ownerId: number,
  options: { minutesAgo?: number; source?: string; campaign?: string } = {},
): Promise<number> {
  counter += 1;
  const assignedAt = new Date(Date.now() - (options.minutesAgo ?? 20) * 60_000);
  const capturedAt = new Date(assignedAt.getTime() - 5 * 60_000);
  const lead = await db.lead.create({
    data: {
      externalId: `t-${counter}`,
      name: `Buyer ${counter}`,
      email: `buyer${counter}@example.com`,
      company: `Company ${counter}`,
      capturedAt,
      originalSource: options.source ?? "webinar",
      campaign: options.campaign ?? "spring_launch",
      conversionPoint: "demo_form",
      leadTypeId: world.leadTypeId,
      ownerId,
      ownerAssignedAt: assignedAt,
    },
    select: { id: true },
  });
  await db.handoffEvent.createMany({
    data: [
      { leadId: lead.id, type: "captured", occurredAt: capturedAt },
      { leadId: lead.id, type: "assigned", occurredAt: assignedAt, details: { ownerId: String(ownerId) } },
    ],
  });
  return lead.id;
}

export async function leadState(leadId: number) {
  return db.lead.findUniqueOrThrow({
    where: { id: leadId },
    select: {
      acceptanceStatus: true,
      version: true,
      decidedById: true,
      rejectionReasonCode: true,
      rejectionDetail: true,
      ownerId: true,
      nextAction: true,
      firstSalesActionAt: true,
      stepAcceptance: true,
      diagnosedAt: true,
    },
  });
}

export async function eventTypes(leadId: number): Promise<string[]> {
  const events = await db.handoffEvent.findMany({
    where: { leadId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { type: true },
  });
  return events.map((event) => event.type);
}

export const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
