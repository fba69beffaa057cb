// Shared by the definitions integration tests: a revops user, one lead type and the default SLAs and
// workspace settings, changed through the same mutation functions the server actions call.
import { db } from "@/lib/db";
import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import { slaColumns } from "@/lib/definitions/sla-columns";
import { PRIORITIES } from "@/lib/diagnosis/vocabulary";

/** The definitions every diagnosis needs, and the revops user who edits them. */
export async function seedDefinitions(): Promise<{ actorId: number; leadTypeId: number }> {
  const user = await db.user.create({
    data: { email: "revops@example.com", name: "Rev Ops", passwordHash: "not-a-real-hash", role: "revops" },
    select: { id: true },
  });
  const leadType = await db.leadType.create({
    data: {
      key: "demo_request",
      name: "Demo request",
      intent: "high",
      priority: "p1",
      acceptanceCriteria: [{ id: "icp_company_size", label: "Company size fits" }],
    },
    select: { id: true },
  });
  await db.prioritySla.createMany({
    data: PRIORITIES.map((priority) => ({ priority, ...slaColumns(DEFAULT_SETTINGS.slaByPriority[priority]) })),
  });
  const { calendar, slaByPriority: _slas, ...windows } = DEFAULT_SETTINGS;
  await db.workspaceSettings.create({ data: { id: 1, ...calendar, ...windows } });
  return { actorId: user.id, leadTypeId: leadType.id };
}

/** The SLA form's fields for p1 as they stand, with some replaced. */
export async function p1SlaInput(changes: Record<string, unknown> = {}) {
  const row = await db.prioritySla.findUniqueOrThrow({ where: { priority: "p1" } });
  const { updatedAt: _updatedAt, ...fields } = row;
  return { ...fields, ...changes };
}

export async function auditRows(entityType: string, entityId: string) {
  return db.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, before: true, after: true },
  });
}
