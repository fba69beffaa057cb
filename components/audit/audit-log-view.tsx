import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import type { AuditListQuery } from "@/lib/audit/list-query";
import type { AuditLogView as AuditLog } from "@/lib/audit/queries";

export function AuditLogView({ log, query }: { log: AuditLog; query: AuditListQuery }) {
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change to Baton's records: who made it, when, and each field before and after. Entries are never edited or deleted. Times in ${log.timeZone}.`}
      />
      <AuditFilters query={query} actors={log.actors} entityTypes={log.entityTypes} />
      <AuditTable page={log.page} query={query} names={log.names} />
    </>
  );
}
