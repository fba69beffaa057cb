import type { Metadata } from "next";
import { DrillDownNote } from "@/components/dashboard/drill-down-note";
import { LeadListView } from "@/components/leads/lead-list-view";
import { LeadTable } from "@/components/leads/lead-table";
import { ListToolbar } from "@/components/leads/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { parseLeadListQuery, tableState } from "@/lib/lead-set/query";
import { findLeadFilterOptions, findLeads } from "@/lib/leads/list-queries";
import { findComingMeetings } from "@/lib/meetings/queries";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("leads.read");
  const params = await searchParams;
  const query = parseLeadListQuery(params);
  const [{ rows, total, totalExact }, options, timeZone, meetings] = await Promise.all([
    findLeads(query),
    findLeadFilterOptions(),
    getWorkspaceTimeZone(),
    can(user.role, "meetings.manage") ? findComingMeetings() : undefined,
  ]);
  return (
    <>
      <PageHeader title="Leads" description="Every lead with its handoff status. Filter, sort and share the view: the address holds it." />
      <LeadListView
        query={query}
        options={options}
        toolbar={<ListToolbar list="leads" params={params} user={user} />}
        note={<DrillDownNote params={params} query={query} teams={options.teams} reasons={options.reasons} />}
      >
        <LeadTable
          rows={rows}
          total={total}
          totalExact={totalExact}
          {...tableState(query)}
          timeZone={timeZone}
          bulkTag={can(user.role, "review.tag")}
          meetings={meetings}
          emptyMessage="No leads match these filters. Clear a filter or widen the date range."
        />
      </LeadListView>
    </>
  );
}
