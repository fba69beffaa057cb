import type { Metadata } from "next";
import { DrillDownNote } from "@/components/dashboard/drill-down-note";
import { LeadListPage } from "@/components/leads/lead-list-page";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { parseLeadListQuery } from "@/lib/lead-set/query";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("leads.read");
  const params = await searchParams;
  const query = parseLeadListQuery(params);
  return (
    <>
      <PageHeader title="Leads" description="Every lead with its handoff status. Filter, sort and share the view: the address holds it." />
      <LeadListPage
        user={user}
        params={params}
        query={query}
        list="leads"
        emptyMessage="No leads match these filters. Clear a filter or widen the date range."
        note={(options) => <DrillDownNote params={params} query={query} teams={options.teams} reasons={options.reasons} />}
      />
    </>
  );
}
