import type { ReactNode } from "react";

// The controls of a filter bar (leads, flagged, dashboard): a small label above each control, and selects
// whose first, empty choice means "no filter". The bar holds their values, usually in the address.

/** A filter bar's select or input. */
export const FILTER_CONTROL_CLASS = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** A filter's label, above its control. */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      {children}
    </label>
  );
}

/** One filter's choices, after an empty one (`anyLabel`) that filters nothing. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  anyLabel = "All",
  className = FILTER_CONTROL_CLASS,
}: {
  label: string;
  value?: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  anyLabel?: string;
  className?: string;
}) {
  return (
    <FilterField label={label}>
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value)} className={className}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** A date a filter starts or ends at; it applies as soon as it is picked. */
export function FilterDate({
  label,
  value,
  onChange,
  min,
  max,
  className = FILTER_CONTROL_CLASS,
}: {
  label: string;
  value?: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  className?: string;
}) {
  return (
    <FilterField label={label}>
      <input
        type="date"
        defaultValue={value}
        min={min}
        max={max}
        onChange={(event) => onChange(event.target.value)}
        className={className}
      />
    </FilterField>
  );
}

/** The owner filter's choices: the unassigned leads ("none"), then each person by name. */
export function ownerChoices(owners: readonly { id: number; name: string }[]) {
  return [{ value: "none", label: "Unassigned" }, ...owners.map((owner) => ({ value: String(owner.id), label: owner.name }))];
}
