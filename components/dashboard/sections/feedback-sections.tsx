import { ChartCard } from "@/components/dashboard/chart-card";
import { ParetoChart, ReasonQualityTeamChart } from "@/components/dashboard/lazy-charts";
import type { ParetoSource } from "@/components/dashboard/pareto-chart";
import { chartCardProps, type SectionProps } from "@/components/dashboard/sections/shared";
import { drillHref } from "@/lib/lead-set/filters";
import type { SourceReasons, TeamReasonQuality } from "@/lib/metrics/rejections";
import { sourceName } from "@/lib/metrics/tables";

/** Every source's reasons, plus all sources together (one lead has one source, so the sums are exact). */
function withAllSources(sources: SourceReasons[], filter: SectionProps["filter"]): ParetoSource[] {
  const total = new Map<string | null, { label: string; count: number }>();
  for (const source of sources) {
    for (const reason of source.reasons) {
      const entry = total.get(reason.code) ?? { label: reason.label, count: 0 };
      entry.count += reason.count;
      total.set(reason.code, entry);
    }
  }
  const all: ParetoSource = {
    key: "__all",
    label: "All sources",
    rejected: sources.reduce((sum, source) => sum + source.rejected, 0),
    reasons: [...total.entries()]
      .map(([code, entry]) => ({
        label: entry.label,
        count: entry.count,
        href: drillHref(filter, { segment: code === null ? { kind: "rejected_no_reason" } : { kind: "rejected_reason", code } }),
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
  const each = sources.map((source) => ({
    key: source.source ?? "__none",
    label: sourceName(source.source),
    rejected: source.rejected,
    reasons: source.reasons,
  }));
  return each.length === 1 ? each : [all, ...each];
}

export async function ParetoSection({ data, filter, context }: SectionProps & { data: Promise<SourceReasons[]> }) {
  const sources = await data;
  return (
    <ChartCard
      {...chartCardProps("rejection_pareto", filter, context)}
      emptyMessage={sources.length ? null : "No lead in this selection was rejected, so there are no reasons to rank."}
    >
      <ParetoChart sources={withAllSources(sources, filter)} />
    </ChartCard>
  );
}

export async function ReasonQualityTeamSection({ data, filter, context }: SectionProps & { data: Promise<TeamReasonQuality[]> }) {
  const teams: TeamReasonQuality[] = await data;
  return (
    <ChartCard
      {...chartCardProps("reason_quality_team", filter, context)}
      emptyMessage={teams.length ? null : "No lead in this selection was rejected, so there are no reasons to score."}
    >
      <ReasonQualityTeamChart
        data={teams.map((team) => ({ team: team.team, mean: team.mean, rejected: team.rejected, href: team.href }))}
      />
    </ChartCard>
  );
}
