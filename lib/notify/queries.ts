import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { AWAITING } from "@/lib/decisions/queue-queries";

// What the bell and the navigation counts show, read from PostgreSQL on every poll: any instance
// answers the same, and a notice written by another instance shows within one poll.

export const BELL_SIZE = 15;

export interface BellItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  path: string;
  createdAt: string;
  read: boolean;
}

export interface LiveCounts {
  unread: number;
  items: BellItem[];
  /** Navigation badges: leads awaiting me, open info requests, my open fixes; null when not shown. */
  nav: { queue: number | null; inbox: number | null; fixes: number | null };
}

export async function findLiveCounts(user: SessionUser): Promise<LiveCounts> {
  const [unread, items, queue, inbox, fixes] = await Promise.all([
    db.notification.count({ where: { userId: user.id, readAt: null } }),
    db.notification.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BELL_SIZE,
      select: { id: true, kind: true, title: true, body: true, path: true, createdAt: true, readAt: true },
    }),
    can(user.role, "queue.read") ? db.lead.count({ where: { AND: [AWAITING, { ownerId: user.id }] } }) : null,
    can(user.role, "info_requests.answer") ? db.lead.count({ where: { acceptanceStatus: "info_requested", outcome: "open" } }) : null,
    db.fix.count({ where: { ownerId: user.id, status: { in: ["open", "in_progress"] } } }),
  ]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      path: n.path,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    })),
    nav: { queue, inbox, fixes },
  };
}

export async function markNotificationsRead(userId: number, ids: number[] | "all"): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
      data: { readAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: "notifications.read",
      entityType: "user",
      entityId: userId,
      after: { marked: count, which: ids },
    });
  });
}
