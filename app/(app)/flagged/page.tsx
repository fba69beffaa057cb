import type { Metadata } from "next";
import { FlaggedFilters } from "@/components/diagnosis/flagged-filters";
import { LeadFilters } from "@/components/leads/lead-filters";
import { LeadTable } from "@/components/leads/lead-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { filterBarValues, parseLeadListQuery } from "@/lib/lead-set/query";
import { findLeadFilterOptions, findLeads } from "@/lib/leads/list-queries";

export const metadata: Metadata = { title: "Flagged leads" };

export default async function FlaggedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("leads.read");
  const query = { ...parseLeadListQuery(await searchParams, { sort: "severity" }), flagged: true };
  const [{ rows, total, totalExact }, options, timeZone] = await Promise.all([findLeads(query), findLeadFilterOptions(), getWorkspaceTimeZone()]);
  const step = query.steps[0];
  return (
    <>
      <PageHeader
        title="Flagged leads"
        description="Leads where at least one diagnosis step failed, most severe first. High-intent leads weigh more. Narrow by failure point to find the layer that breaks."
      />
      <LeadFilters
        options={options}
        current={filterBarValues(query)}
      >
        <FlaggedFilters failurePoint={query.failurePoints[0]} step={step ? `${step.step}:${step.status}` : undefined} />
      </LeadFilters>
      <LeadTable
        rows={rows}
        total={total}
        totalExact={totalExact}
        page={query.page}
        pageSize={query.pageSize}
        sort={{ id: query.sort, desc: query.direction === "desc" }}
        hiddenColumns={query.hiddenColumns}
        timeZone={timeZone}
        emptyMessage="No flagged leads match these filters."
      />
    </>
  );
}
