import type { Metadata } from "next";
import { FixStatusTabs } from "@/components/fixes/fix-status-tabs";
import { FixesTable } from "@/components/fixes/fixes-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findFixesPage } from "@/lib/fixes/queries";
import { FIX_STATUSES, type FixStatus } from "@/lib/fixes/status";

export const metadata: Metadata = { title: "Fixes" };

export default async function FixesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("review.read");
  const raw = (await searchParams).status;
  const status = (FIX_STATUSES as readonly string[]).includes(String(raw)) ? (raw as FixStatus) : null;
  const page = await findFixesPage(status);
  return (
    <>
      <PageHeader
        title="Fixes"
        description="What marketing and sales agreed to change, with an owner, a due date, the leads that prove the problem and the metric that should move. Done fixes appear as markers on the dashboard."
      />
      <FixStatusTabs current={status} counts={page.counts} />
      <FixesTable rows={page.rows} today={page.today} canEdit={can(user.role, "fixes.propose")} />
    </>
  );
}
