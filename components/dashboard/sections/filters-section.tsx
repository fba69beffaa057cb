import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import type { SectionProps } from "@/components/dashboard/sections/shared";
import { todayIn } from "@/lib/time";
import type { DashboardOptions } from "@/lib/metrics/options";

export async function DashboardFiltersSection({ options, filter, context }: SectionProps & { options: Promise<DashboardOptions> }) {
  const choices = await options;
  const owner = filter.unassigned ? "none" : filter.owners[0]?.toString();
  return (
    <DashboardFilters
      options={choices}
      today={todayIn(context.timeZone)}
      current={{
        from: filter.from,
        to: filter.to,
        source: filter.sources[0],
        campaign: filter.campaigns[0],
        type: filter.leadTypes[0],
        priority: filter.priorities[0],
        team: filter.noTeam ? "none" : filter.teams[0]?.toString(),
        owner,
      }}
    />
  );
}

export function FiltersSkeleton() {
  return (
    <div
      className="mb-6 h-[86px] animate-pulse rounded-lg border border-slate-200 bg-white shadow-sm"
      aria-busy="true"
      aria-label="Loading the filters"
    />
  );
}
