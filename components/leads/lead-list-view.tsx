import type { ReactNode } from "react";
import { FlaggedFilters } from "@/components/diagnosis/flagged-filters";
import { LeadFilters } from "@/components/leads/lead-filters";
import { filterBarValues, type LeadListQuery } from "@/lib/lead-set/query";

type FilterOptions = Parameters<typeof LeadFilters>[0]["options"];

/**
 * The one view over a set of leads, shared by the lead list, Flagged and the review board: a note above
 * (a dashboard drill-down), the filter bar of the lead set (with the step and failure point filters on
 * flagged lists), its saved views and export, then the page's own table.
 */
export function LeadListView({
  query,
  options,
  flagged = false,
  filtersKey,
  note,
  toolbar,
  children,
}: {
  query: LeadListQuery;
  options: FilterOptions;
  flagged?: boolean;
  /** Remounts the filter bar when the address changes behind it (the board's period buttons). */
  filtersKey?: string;
  note?: ReactNode;
  /** Saved views and the export (components/leads/list-toolbar.tsx), above the table. */
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  const step = query.steps[0];
  return (
    <>
      {note}
      <LeadFilters key={filtersKey} options={options} current={filterBarValues(query)}>
        {flagged && <FlaggedFilters failurePoint={query.failurePoints[0]} step={step ? `${step.step}:${step.status}` : undefined} />}
      </LeadFilters>
      {toolbar}
      {children}
    </>
  );
}
