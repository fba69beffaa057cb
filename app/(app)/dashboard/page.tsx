import type { Metadata } from "next";
import { Suspense } from "react";
import { ChartSkeleton } from "@/components/dashboard/chart-card";
import { DashboardFiltersSection, FiltersSkeleton } from "@/components/dashboard/sections/filters-section";
import { FixImpactSection } from "@/components/dashboard/sections/fix-impact-section";
import { FunnelSection } from "@/components/dashboard/sections/funnel-section";
import { SourceFitSection } from "@/components/dashboard/sections/source-fit-section";
import { ParetoSection, ReasonQualityTeamSection } from "@/components/dashboard/sections/feedback-sections";
import { HistogramSection, TimeTrendSection } from "@/components/dashboard/sections/response-sections";
import {
  DuplicateSection,
  FailurePointsSection,
  NoActionSection,
  ReasonQualityWeeklySection,
} from "@/components/dashboard/sections/weekly-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { CHART_TEXT, type ChartId } from "@/lib/metrics/charts";
import { loadDashboard } from "@/lib/metrics/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

/** One chart in its own Suspense boundary: it streams in when its query is done, a skeleton until then. */
function Slot({ chart, wide, children }: { chart: ChartId; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "min-w-0 lg:col-span-2" : "min-w-0"}>
      <Suspense fallback={<ChartSkeleton title={CHART_TEXT[chart].title} />}>{children}</Suspense>
    </div>
  );
}

function Question({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="mb-8">
      <h2 className="mb-3 text-base font-semibold text-slate-800">{title}</h2>
      <div className="grid gap-4 lg:grid-cols-2">{children}</div>
    </section>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("dashboard.read");
  const dashboard = await loadDashboard(await searchParams);
  const { filter, context } = dashboard;
  const section = { filter, context };
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Which sources sales accepts, how fast leads get an owner and a first action, where accepted leads leak, how usable sales feedback is, and whether the fixes helped. Every bar and point opens the leads behind it."
      />
      <Suspense fallback={<FiltersSkeleton />}>
        <DashboardFiltersSection options={dashboard.options} filter={filter} context={context} />
      </Suspense>

      <Question title="Which sources does sales accept?">
        {/* The first chart, and the page's largest text: part of the page's first response (its query is one
            of the cheapest), because a skeleton the funnel's height would need its number of sources. */}
        <div className="min-w-0 lg:col-span-2">
          <FunnelSection data={dashboard.funnel} {...section} />
        </div>
        <div className="min-w-0 lg:col-span-2">
          <Suspense fallback={<ChartSkeleton title="Source fit" />}>
            <SourceFitSection data={dashboard.sourceFit} {...section} />
          </Suspense>
        </div>
      </Question>

      <Question title="How fast do we respond?">
        <Slot chart="lead_to_owner_time" wide>
          <TimeTrendSection metric="lead_to_owner" data={dashboard.trends} fixes={dashboard.fixes} {...section} />
        </Slot>
        <Slot chart="owner_to_first_action_time" wide>
          <TimeTrendSection metric="owner_to_first_action" data={dashboard.trends} fixes={dashboard.fixes} {...section} />
        </Slot>
        <Slot chart="lead_to_owner_histogram">
          <HistogramSection metric="lead_to_owner" data={dashboard.histograms} {...section} />
        </Slot>
        <Slot chart="owner_to_first_action_histogram">
          <HistogramSection metric="owner_to_first_action" data={dashboard.histograms} {...section} />
        </Slot>
      </Question>

      <Question title="Where do accepted leads leak?">
        <Slot chart="no_action_accepted">
          <NoActionSection data={dashboard.weekly} fixes={dashboard.fixes} {...section} />
        </Slot>
        <Slot chart="duplicate_outreach_rate">
          <DuplicateSection data={dashboard.weekly} fixes={dashboard.fixes} {...section} />
        </Slot>
        <Slot chart="failure_points_weekly" wide>
          <FailurePointsSection data={dashboard.weekly} {...section} />
        </Slot>
      </Question>

      <Question title="Is sales feedback usable?">
        <Slot chart="rejection_pareto" wide>
          <ParetoSection data={dashboard.pareto} {...section} />
        </Slot>
        <Slot chart="reason_quality_weekly">
          <ReasonQualityWeeklySection data={dashboard.weekly} fixes={dashboard.fixes} {...section} />
        </Slot>
        <Slot chart="reason_quality_team">
          <ReasonQualityTeamSection data={dashboard.teams} {...section} />
        </Slot>
      </Question>

      <Question title="Did the fix help?">
        <Slot chart="fix_impact" wide>
          <FixImpactSection data={dashboard.impact} {...section} />
        </Slot>
      </Question>
    </>
  );
}
