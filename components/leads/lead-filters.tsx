"use client";

import { FilterDate, FilterSelect, ownerChoices } from "@/components/ui/filter-controls";
import { FILTER_GRID } from "@/components/ui/form";
import { useEffect, useId, useRef } from "react";
import { ACCEPTANCE_STATUS_LABELS, sourceLabel } from "@/lib/leads/labels";
import { useAddressParams } from "@/components/ui/use-address-params";

interface LeadFiltersProps {
  /** Extra filters of a view (the Flagged view's failure point and step), shown first. */
  children?: React.ReactNode;
  options: { sources: string[]; systems?: string[]; leadTypes: { key: string; name: string }[]; owners: { id: number; name: string }[] };
  current: { q?: string; system?: string; source?: string; type?: string; owner?: string; status?: string; from?: string; to?: string };
}

/** A pause in typing this long searches; Enter searches at once. */
const SEARCH_PAUSE_MS = 400;
/** Shorter text matches too much of a large list to be worth a query per keystroke (Enter still runs it). */
const SEARCH_MIN_LENGTH = 2;

/** The search box's text reaches the address as the user types (after a pause) and at once on Enter. */
function useSearchAsYouType(current: string | undefined, set: ReturnType<typeof useAddressParams>["set"]) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest navigation: a search that fires after another filter changed keeps that filter.
  const latest = useRef({ current, set });
  useEffect(() => {
    latest.current = { current, set };
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const run = (text: string, how: { replace: boolean }) => {
    const q = text.trim();
    if (q !== (latest.current.current ?? "")) latest.current.set({ q }, how);
  };
  return {
    typed: (text: string) => {
      clearTimeout(timer.current);
      if (text.trim().length > 0 && text.trim().length < SEARCH_MIN_LENGTH) return;
      // Replace, not push: typing a name leaves one entry in the history, not one per pause.
      timer.current = setTimeout(() => run(text, { replace: true }), SEARCH_PAUSE_MS);
    },
    submitted: (text: string) => {
      clearTimeout(timer.current);
      run(text, { replace: false });
    },
    cancel: () => clearTimeout(timer.current),
  };
}

export function LeadFilters({ options, current, children }: LeadFiltersProps) {
  const { apply, set, clear, pending } = useAddressParams();
  const search = useSearchAsYouType(current.q, set);
  const searchBox = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const hintId = useId();

  const hasFilters = Object.values(current).some(Boolean);

  return (
    <form
      role="search"
      aria-label="Filter leads"
      className={`mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm ${FILTER_GRID}`}
      onSubmit={(event) => {
        event.preventDefault();
        search.submitted(String(new FormData(event.currentTarget).get("q") ?? ""));
      }}
    >
      {children}
      <div className="col-span-2 flex flex-col gap-1 text-xs font-medium text-slate-600">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={searchId}>Search</label>
          <span id={hintId} className="font-normal text-slate-500">
            Updates as you type
          </span>
        </div>
        <input
          ref={searchBox}
          id={searchId}
          name="q"
          type="search"
          defaultValue={current.q}
          placeholder="Name, email, company or CRM id"
          aria-describedby={hintId}
          onChange={(event) => search.typed(event.target.value)}
          className="h-9 rounded-md border border-slate-300 px-2 text-sm"
        />
      </div>
      {/* Where the leads came from (an import's or a CRM's name): only worth a control when there are several. */}
      {(options.systems?.length ?? 0) > 1 && (
        <FilterSelect
          label="System (CRM or import)"
          value={current.system}
          onChange={(value) => apply("system", value)}
          options={options.systems!.map((system) => ({ value: system, label: system }))}
        />
      )}
      <FilterSelect
        label="Source"
        value={current.source}
        onChange={(value) => apply("source", value)}
        options={options.sources.map((source) => ({ value: source, label: sourceLabel(source) }))}
      />
      <FilterSelect
        label="Lead type"
        value={current.type}
        onChange={(value) => apply("type", value)}
        options={options.leadTypes.map((type) => ({ value: type.key, label: type.name }))}
      />
      <FilterSelect
        label="Owner"
        value={current.owner}
        onChange={(value) => apply("owner", value)}
        options={ownerChoices(options.owners)}
      />
      <FilterSelect
        label="Decision"
        value={current.status}
        onChange={(value) => apply("status", value)}
        options={Object.entries(ACCEPTANCE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <FilterDate label="Captured from" value={current.from} onChange={(value) => apply("from", value)} />
      <FilterDate label="Captured to" value={current.to} onChange={(value) => apply("to", value)} />
      {(hasFilters || pending) && (
        <div className="col-span-full flex items-center gap-2">
          {hasFilters && (
            <button
              type="button"
              onClick={() => {
                search.cancel();
                if (searchBox.current) searchBox.current.value = "";
                clear();
              }}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Clear filters
            </button>
          )}
          {pending && <span className="text-xs text-slate-400">Updating…</span>}
        </div>
      )}
    </form>
  );
}
