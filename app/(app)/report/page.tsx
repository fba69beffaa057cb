import type { Metadata } from "next";
import { FindingCard } from "@/components/report/finding-card";
import { FixOutcomes } from "@/components/report/fix-outcomes";
import { ReportToolbar } from "@/components/report/report-toolbar";
import { SharesTable } from "@/components/report/shares-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findFixOwnerOptions } from "@/lib/fixes/queries";
import { OUTCOME_WINDOW_DAYS } from "@/lib/report/fix-outcomes";
import { HOW_FINDINGS_ARE_DECIDED } from "@/lib/report/method";
import { loadHandoffReport } from "@/lib/report/report";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Handoff report" };

export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("dashboard.read");
  const allowed = { planMeetings: can(user.role, "meetings.manage"), proposeFixes: can(user.role, "fixes.propose") };
  const [report, owners] = await Promise.all([
    loadHandoffReport(await searchParams),
    allowed.proposeFixes ? findFixOwnerOptions() : Promise.resolve([]),
  ]);
  const { period } = report;
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, "UTC");
  const periodParams = new URLSearchParams({ from: period.from, to: period.to });
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Handoff report"
        description={`Leads captured ${day(period.from)} – ${day(period.to)}: where the handoff breaks, why it most likely breaks there, and the fix to try first. Every finding opens the leads behind it.`}
      />
      <ReportToolbar from={period.from} to={period.to} markdownHref={`/api/report/markdown?${periodParams.toString()}`} />

      <Card
        title="Failure points"
        description="How many of the period's leads failed each, against the period of the same length before."
        className="mb-6"
      >
        <SharesTable shares={report.shares} leads={report.leads} previousLeads={report.previousLeads} days={period.days} />
      </Card>

      <section aria-labelledby="findings-title" className="mb-6">
        <h2 id="findings-title" className="mb-1 text-base font-semibold text-slate-900">
          Where the breaks concentrate
        </h2>
        <p className="text-sm text-slate-600">
          Most concentrated first: each is a group of leads in which a failure point occurs far more often than across the period.
        </p>
        <details className="mt-1 mb-3 text-sm text-slate-600">
          <summary className="cursor-pointer font-medium text-brand-700">How findings are decided</summary>
          <p className="mt-1 max-w-3xl">{HOW_FINDINGS_ARE_DECIDED}</p>
        </details>
        {report.findings.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            No failure point concentrates anywhere beyond what chance explains in this period: the failures are spread across sources,
            queues, owners and hours. Walk the flagged leads on the review board instead.
          </p>
        ) : (
          <div className="space-y-4">
            {report.findings.map((finding, index) => (
              <FindingCard key={finding.key} finding={finding} rank={index + 1} period={period} can={allowed} owners={owners} />
            ))}
            {report.moreFindings > 0 && (
              <p className="text-sm text-slate-600">{report.moreFindings} smaller concentrations are not listed.</p>
            )}
          </div>
        )}
      </section>

      <Card
        title="Did the fixes help?"
        description="Fixes marked done, and whether the failure they targeted became rarer where it concentrated."
      >
        <FixOutcomes fixes={report.fixes} timeZone={report.context.timeZone} windowDays={OUTCOME_WINDOW_DAYS} />
      </Card>
    </div>
  );
}
