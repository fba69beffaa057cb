import type { Metadata } from "next";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { parseAuditListQuery } from "@/lib/audit/list-query";
import { getAuditLogView } from "@/lib/audit/queries";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("audit.read");
  const query = parseAuditListQuery(await searchParams);
  const log = await getAuditLogView(query);
  return <AuditLogView log={log} query={query} />;
}
