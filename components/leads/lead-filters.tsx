"use client";

import { ACCEPTANCE_STATUS_LABELS, sourceLabel } from "@/lib/leads/labels";
import { useAddressParams } from "@/components/ui/use-address-params";

interface LeadFiltersProps {
  /** Extra filters of a view (the Flagged view's failure point and step), shown first. */
  children?: React.ReactNode;
  options: { sources: string[]; leadTypes: { key: string; name: string }[]; owners: { id: number; name: string }[] };
  current: { q?: string; source?: string; type?: string; owner?: string; status?: string; from?: string; to?: string };
}

const selectClass = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

export function LeadFilters({ options, current, children }: LeadFiltersProps) {
  const { apply, clear, pending } = useAddressParams();

  const hasFilters = Object.values(current).some(Boolean);

  return (
    <form
      role="search"
      aria-label="Filter leads"
      className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-4 xl:grid-cols-8"
      onSubmit={(event) => {
        event.preventDefault();
        apply("q", String(new FormData(event.currentTarget).get("q") ?? "").trim());
      }}
    >
      {children}
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-slate-600">
        Search
        <input
          name="q"
          type="search"
          defaultValue={current.q}
          placeholder="Name, email, company or CRM id"
          className="h-9 rounded-md border border-slate-300 px-2 text-sm"
        />
      </label>
      <Select
        label="Source"
        value={current.source}
        onChange={(value) => apply("source", value)}
        options={options.sources.map((source) => ({ value: source, label: sourceLabel(source) }))}
      />
      <Select
        label="Lead type"
        value={current.type}
        onChange={(value) => apply("type", value)}
        options={options.leadTypes.map((type) => ({ value: type.key, label: type.name }))}
      />
      <Select
        label="Owner"
        value={current.owner}
        onChange={(value) => apply("owner", value)}
        options={[
          { value: "none", label: "Unassigned" },
          ...options.owners.map((owner) => ({ value: String(owner.id), label: owner.name })),
        ]}
      />
      <Select
        label="Decision"
        value={current.status}
        onChange={(value) => apply("status", value)}
        options={Object.entries(ACCEPTANCE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
        Captured from
        <input type="date" defaultValue={current.from} onChange={(event) => apply("from", event.target.value)} className={selectClass} />
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
        Captured to
        <input type="date" defaultValue={current.to} onChange={(event) => apply("to", event.target.value)} className={selectClass} />
      </label>
      {(hasFilters || pending) && (
        <div className="col-span-full flex items-center gap-2">
          {hasFilters && (
            <button type="button" onClick={clear} className="text-sm font-medium text-brand-700 hover:underline">
              Clear filters
            </button>
          )}
          {pending && <span className="text-xs text-slate-400">Updating…</span>}
        </div>
      )}
    </form>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value?: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value)} className={selectClass}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
