import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import type { Actor } from "@/lib/actions/authorize";
import type { Prisma } from "@/lib/db";

/**
 * Records a change to one meeting (its details, agenda or progress) in the transaction that makes it:
 * every meeting write, from the meeting page or from a lead list, leaves the same kind of audit row.
 */
export function auditMeeting(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: `meetings.${"meeting" | "agenda"}.${string}`,
  meetingId: number,
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(tx, { actorId: actor.id, action, entityType: "meeting", entityId: meetingId, ...change });
}
