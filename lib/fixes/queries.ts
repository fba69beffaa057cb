import "server-only";
import { db, type Prisma } from "@/lib/db";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { FIX_FIELDS, FIX_STATUSES, type FixStatus } from "@/lib/fixes/status";
import { describeFixChange } from "@/lib/fixes/history";
import { zonedToday } from "@/lib/time";

// Reads for the fixes page and the fix forms.

const FIX_ROW_SELECT = {
  ...FIX_FIELDS,
  doneAt: true,
  verifiedAt: true,
  createdAt: true,
  version: true,
  owner: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
  meeting: { select: { id: true, title: true } },
  leads: { select: { lead: { select: { id: true, name: true, company: true } } }, orderBy: { leadId: "asc" } },
} as const satisfies Prisma.FixSelect;

export type FixRow = Awaited<ReturnType<typeof findFixRows>>[number];

function findFixRows(where: Prisma.FixWhereInput) {
  return db.fix.findMany({ where, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "desc" }], select: FIX_ROW_SELECT });
}

/** The fixes page: one status (or all), with counts per status for the tabs. */
export async function findFixesPage(status: FixStatus | null) {
  const [rows, grouped, timeZone] = await Promise.all([
    findFixRows(status ? { status } : {}),
    db.fix.groupBy({ by: ["status"], _count: { _all: true } }),
    getWorkspaceTimeZone(),
  ]);
  const counts = Object.fromEntries(
    FIX_STATUSES.map((key) => [key, grouped.find((group) => group.status === key)?._count._all ?? 0]),
  ) as Record<FixStatus, number>;
  return { rows, counts, timeZone, today: zonedToday(new Date(), timeZone).day };
}

export async function findFixPage(id: number) {
  const [fix, owners, timeZone, history] = await Promise.all([
    db.fix.findUnique({ where: { id }, select: FIX_ROW_SELECT }),
    findFixOwnerOptions(),
    getWorkspaceTimeZone(),
    db.auditLog.findMany({
      where: { entityType: "fix", entityId: String(id) },
      orderBy: { id: "desc" },
      take: 50,
      select: { id: true, action: true, at: true, before: true, after: true, actor: { select: { name: true } } },
    }),
  ]);
  if (!fix) return null;
  const entries = history.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor?.name ?? "someone",
    ...describeFixChange(row.action, row.before, row.after),
  }));
  return { fix, owners, timeZone, today: zonedToday(new Date(), timeZone).day, history: entries };
}

/** Anyone active can own a fix except read-only viewers. */
export async function findFixOwnerOptions() {
  return db.user.findMany({
    where: { active: true, role: { not: "viewer" } },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

export type FixOwnerOption = Awaited<ReturnType<typeof findFixOwnerOptions>>[number];

/** Fixes still being worked on that a lead could be cited on, newest first. */
export async function findCiteableFixes(leadId: number) {
  return db.fix.findMany({
    where: { status: { in: ["open", "in_progress"] }, leads: { none: { leadId } } },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, title: true, fixType: true },
  });
}

/** The fixes citing a lead, for its side-by-side view. */
export async function findLeadFixes(leadId: number) {
  return findFixRows({ leads: { some: { leadId } } });
}

/** "2025-05-20" for a @db.Date column (stored as UTC midnight). */
export function dueDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
