"use client";

import { FilterDate, FilterSelect, ownerChoices } from "@/components/ui/filter-controls";
import { FILTER_GRID } from "@/components/ui/form";
import { PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { PRIORITIES } from "@/lib/diagnosis/vocabulary";
import { NONE_VALUE } from "@/lib/lead-set/none-value";
import { sourceLabel } from "@/lib/leads/labels";
import type { DashboardOptions } from "@/lib/metrics/options";
import { useAddressParams } from "@/components/ui/use-address-params";

interface DashboardFiltersProps {
  options: DashboardOptions;
  current: {
    from: string;
    to: string;
    source?: string;
    campaign?: string;
    type?: string;
    priority?: string;
    team?: string;
    owner?: string;
  };
  today: string;
}

/** Full width of its grid cell, and free to shrink below its longest choice. */
const fieldClass = "h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** The dashboard's filters, held in the address so a view can be shared and drill-downs keep them. */
export function DashboardFilters({ options, current, today }: DashboardFiltersProps) {
  const { apply, clear, pending, searchParams } = useAddressParams({ keepPage: true, scroll: false });
  const narrowed = ["source", "campaign", "type", "priority", "team", "owner", "from", "to"].some((key) => searchParams.has(key));

  return (
    <form
      role="search"
      aria-label="Filter the dashboard"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className={FILTER_GRID}>
        <FilterDate
          key={current.from}
          label="Captured from"
          value={current.from}
          max={current.to}
          onChange={(value) => apply("from", value)}
          className={fieldClass}
        />
        <FilterDate
          key={current.to}
          label="Captured to"
          value={current.to}
          min={current.from}
          max={today}
          onChange={(value) => apply("to", value)}
          className={fieldClass}
        />
        <FilterSelect
          className={fieldClass}
          label="Source"
          value={current.source}
          onChange={(value) => apply("source", value)}
          options={options.sources.map((source) => ({ value: source, label: source === NONE_VALUE ? "No source" : sourceLabel(source) }))}
        />
        <FilterSelect
          className={fieldClass}
          label="Campaign"
          value={current.campaign}
          onChange={(value) => apply("campaign", value)}
          options={options.campaigns.map((campaign) => ({ value: campaign, label: campaign === NONE_VALUE ? "No campaign" : campaign }))}
        />
        <FilterSelect
          className={fieldClass}
          label="Lead type"
          value={current.type}
          onChange={(value) => apply("type", value)}
          options={options.leadTypes.map((type) => ({ value: type.key, label: type.name }))}
        />
        <FilterSelect
          className={fieldClass}
          label="Priority"
          value={current.priority}
          onChange={(value) => apply("priority", value)}
          options={PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABELS[priority] }))}
        />
        <FilterSelect
          className={fieldClass}
          label="Team"
          value={current.team}
          onChange={(value) => apply("team", value)}
          options={[...options.teams.map((team) => ({ value: String(team.id), label: team.name })), { value: "none", label: "No team" }]}
        />
        <FilterSelect
          className={fieldClass}
          label="Owner"
          value={current.owner}
          onChange={(value) => apply("owner", value)}
          options={ownerChoices(options.owners)}
        />
      </div>
      <div aria-live="polite" className="text-xs">
        {(narrowed || pending) && (
          <div className="mt-2 flex items-center gap-3">
            {narrowed && (
              <button type="button" onClick={clear} className="font-medium text-brand-700 hover:underline">
                Reset to the last 13 weeks, all leads
              </button>
            )}
            {pending && <span className="text-slate-500">Updating the charts…</span>}
          </div>
        )}
      </div>
    </form>
  );
}
