import type { Metadata } from "next";
import { DrillDownNote } from "@/components/dashboard/drill-down-note";
import { LeadFilters } from "@/components/leads/lead-filters";
import { LeadTable } from "@/components/leads/lead-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { filterBarValues, parseLeadListQuery } from "@/lib/lead-set/query";
import { findLeadFilterOptions, findLeads } from "@/lib/leads/list-queries";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("leads.read");
  const params = await searchParams;
  const query = parseLeadListQuery(params);
  const [{ rows, total, totalExact }, options, timeZone] = await Promise.all([findLeads(query), findLeadFilterOptions(), getWorkspaceTimeZone()]);
  return (
    <>
      <PageHeader title="Leads" description="Every lead with its handoff status. Filter, sort and share the view: the address holds it." />
      <DrillDownNote params={params} query={query} teams={options.teams} reasons={options.reasons} />
      <LeadFilters
        options={options}
        current={filterBarValues(query)}
      />
      <LeadTable
        rows={rows}
        total={total}
        totalExact={totalExact}
        page={query.page}
        pageSize={query.pageSize}
        sort={{ id: query.sort, desc: query.direction === "desc" }}
        hiddenColumns={query.hiddenColumns}
        timeZone={timeZone}
        emptyMessage="No leads match these filters. Clear a filter or widen the date range."
      />
    </>
  );
}
