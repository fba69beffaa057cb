import type { ReactNode } from "react";
import { LeadListView } from "@/components/leads/lead-list-view";
import { LeadTable } from "@/components/leads/lead-table";
import { ListToolbar } from "@/components/leads/list-toolbar";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { tableState, type LeadListQuery } from "@/lib/lead-set/query";
import { findLeadFilterOptions, findLeads } from "@/lib/leads/list-queries";
import { findComingMeetings } from "@/lib/meetings/queries";

type FilterOptions = Awaited<ReturnType<typeof findLeadFilterOptions>>;

/**
 * The body of the lead list and of Flagged: one page of the leads the query matches, with the filter bar,
 * saved views and export above them, and bulk tagging and meeting picks where the user may use them.
 */
export async function LeadListPage({
  user,
  params,
  query,
  list,
  emptyMessage,
  note,
}: {
  user: SessionUser;
  params: Record<string, string | string[] | undefined>;
  query: LeadListQuery;
  list: "leads" | "flagged";
  emptyMessage: string;
  /** Above the filters, given the filter options (a drill-down note names teams and reasons from them). */
  note?: (options: FilterOptions) => ReactNode;
}) {
  const [{ rows, total, totalExact }, options, timeZone, meetings] = await Promise.all([
    findLeads(query),
    findLeadFilterOptions(),
    getWorkspaceTimeZone(),
    can(user.role, "meetings.manage") ? findComingMeetings() : undefined,
  ]);
  return (
    <LeadListView
      query={query}
      options={options}
      flagged={list === "flagged"}
      toolbar={<ListToolbar list={list} params={params} user={user} />}
      note={note?.(options)}
    >
      <LeadTable
        rows={rows}
        total={total}
        totalExact={totalExact}
        {...tableState(query)}
        timeZone={timeZone}
        bulkTag={can(user.role, "review.tag")}
        meetings={meetings}
        emptyMessage={emptyMessage}
      />
    </LeadListView>
  );
}
