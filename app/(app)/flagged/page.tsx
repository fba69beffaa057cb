import type { Metadata } from "next";
import { LeadListPage } from "@/components/leads/lead-list-page";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { parseLeadListQuery } from "@/lib/lead-set/query";

export const metadata: Metadata = { title: "Flagged leads" };

export default async function FlaggedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("leads.read");
  const params = await searchParams;
  const query = { ...parseLeadListQuery(params, { sort: "severity" }), flagged: true };
  return (
    <>
      <PageHeader
        title="Flagged leads"
        description="Leads where at least one diagnosis step failed, most severe first. High-intent leads weigh more. Narrow by failure point to find the layer that breaks."
      />
      <LeadListPage user={user} params={params} query={query} list="flagged" emptyMessage="No flagged leads match these filters." />
    </>
  );
}
