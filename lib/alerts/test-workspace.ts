import { db, pool } from "@/lib/db";
import type { EventType } from "@/lib/diagnosis";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";

// A small workspace for the alert tests, shaped like the demo's: the Inbound Sales team with its
// manager (manager@demo.baton.dev) and a rep, a second team with its own manager, marketing and an admin.

export interface AlertWorkspace {
  inbound: number;
  manager: number;
  otherManager: number;
  rep: number;
  marketing: number;
  admin: number;
  demoType: number;
  contentType: number;
}

export async function buildAlertWorkspace(): Promise<AlertWorkspace> {
  const inbound = (await db.team.create({ data: { name: "Inbound Sales" } })).id;
  const midMarket = (await db.team.create({ data: { name: "Mid-Market" } })).id;
  const user = async (email: string, name: string, role: "sales_manager" | "sales_rep" | "marketing" | "admin", teamId: number | null) =>
    (await db.user.create({ data: { email, name, passwordHash: "x", role, teamId } })).id;
  return {
    inbound,
    manager: await user("manager@demo.baton.dev", "Dana Okafor", "sales_manager", inbound),
    otherManager: await user("sofia.marquez@demo.baton.dev", "Sofia Marquez", "sales_manager", midMarket),
    rep: await user("rep@demo.baton.dev", "Riley Chen", "sales_rep", inbound),
    marketing: await user("marketing@demo.baton.dev", "Marcus Bell", "marketing", null),
    admin: await user("admin@demo.baton.dev", "Ada Whitfield", "admin", null),
    demoType: (await db.leadType.create({ data: { key: "demo_request", name: "Demo request", intent: "high", priority: "p1" } })).id,
    contentType: (await db.leadType.create({ data: { key: "content_download", name: "Content download", intent: "low", priority: "p3" } }))
      .id,
  };
}

let counter = 0;

/** A lead captured at `capturedAt`, routed to the Inbound Sales queue, diagnosed as of `capturedAt`. */
export async function createLead(options: { name: string; capturedAt: Date; leadTypeId: number; queue?: string }): Promise<number> {
  const lead = await db.lead.create({
    data: {
      externalId: `alert-${++counter}`,
      name: options.name,
      email: `buyer${counter}@example.com`,
      capturedAt: options.capturedAt,
      originalSource: "website",
      campaign: "Q4",
      offer: "Demo",
      conversionPoint: "/demo form",
      leadTypeId: options.leadTypeId,
      queue: options.queue ?? "Inbound Sales queue",
    },
  });
  await db.handoffEvent.createMany({
    data: [
      { leadId: lead.id, type: "captured", occurredAt: options.capturedAt },
      { leadId: lead.id, type: "routed", occurredAt: options.capturedAt, details: { queue: options.queue ?? "Inbound Sales queue" } },
    ],
  });
  await rediagnoseLeads(pool, [lead.id], { now: options.capturedAt });
  return lead.id;
}

/** Records an event the way the app does: the fact, the lead's columns, then a re-diagnosis. */
export async function recordEvent(
  leadId: number,
  type: EventType,
  at: Date,
  actorId: number | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.handoffEvent.create({ data: { leadId, type, occurredAt: at, actorId, details: details as object } });
  if (type === "assigned") await db.lead.update({ where: { id: leadId }, data: { ownerId: Number(details.ownerId), ownerAssignedAt: at } });
  await rediagnoseLeads(pool, [leadId], { now: at });
}
