import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Flagged leads" };

export default async function FlaggedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("leads.read");
  const params = await searchParams;
  const query = { ...parseLeadListQuery(params, { sort: "severity" }), flagged: true };
  const [{ rows, total, totalExact }, options, timeZone, meetings] = await Promise.all([
    findLeads(query),
    findLeadFilterOptions(),
    getWorkspaceTimeZone(),
    can(user.role, "meetings.manage") ? findComingMeetings() : undefined,
  ]);
  return (
    <>
      <PageHeader
        title="Flagged leads"
        description="Leads where at least one diagnosis step failed, most severe first. High-intent leads weigh more. Narrow by failure point to find the layer that breaks."
      />
      <LeadListView query={query} options={options} flagged toolbar={<ListToolbar list="flagged" params={params} user={user} />}>
        <LeadTable
          rows={rows}
          total={total}
          totalExact={totalExact}
          {...tableState(query)}
          timeZone={timeZone}
          bulkTag={can(user.role, "review.tag")}
          meetings={meetings}
          emptyMessage="No flagged leads match these filters."
        />
      </LeadListView>
    </>
  );
}
