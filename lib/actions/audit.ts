import "server-only";
import type { Prisma } from "@/lib/db";
import { attachVia, type AuditVia } from "@/lib/actions/audit-via";
import { currentAuditVia } from "@/lib/actions/audit-context";

// Every change is kept: who, when, which record, before and after. Called inside the same transaction as
// the write it describes, so the trail and the data never disagree.
export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** The API token the change came through; `actorId` is then the token's user (lib/actions/audit-via.ts). Defaults to the token of the API request being served. */
  via?: AuditVia;
}

type TransactionClient = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(tx: TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(attachVia(entry.after, entry.via ?? currentAuditVia())),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
