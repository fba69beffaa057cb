import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { currentOrigin } from "@/lib/auth/request-origin";
import { db } from "@/lib/db";

// Data leaving Baton as a file is audited: who took which export, with which filters, from where.
export type ExportKind = "dashboard_csv" | "import_report_csv" | "meeting_summary" | "leads_csv";

export async function recordExport(
  actorId: number,
  kind: ExportKind,
  entityId: string | number,
  details: Record<string, unknown>,
): Promise<void> {
  const { ip } = await currentOrigin();
  await recordAudit(db, { actorId, action: `exports.${kind}`, entityType: "export", entityId, after: { ...details, ip } });
}
