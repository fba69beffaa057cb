"use client";

import { EntityTable } from "@/components/ui/entity-table";
import { controlBaseClass } from "@/components/ui/form";
import { choiceOptions, matchChoice, type ChoiceIndex } from "@/lib/import/choices";
import { findTarget, type ChoiceSet, type FileKind } from "@/lib/import/fields";
import type { FileShape } from "@/lib/import/job-state";
import type { FileMapping } from "@/lib/import/mapping";
import type { PresetId } from "@/lib/import/presets";
import { PRESETS } from "@/lib/import/presets";
import { MAX_DISTINCT, valueKey } from "@/lib/import/values";

// The categorical columns' values and what each becomes: "Connected" -> accepted by sales, "-None-"
// -> empty, "Riley Chen" -> that Baton user. Pre-filled from the preset and by matching names; the
// user changes what is wrong. Only changes are stored; the rest keeps following the suggestions.

const SET_HELP: Record<ChoiceSet, string> = {
  state: "Each status or stage sets whether sales accepted the lead and where it ended.",
  source: "Baton's source ids; a value nobody maps is kept as it is, in lower case.",
  user: "Owners are matched to people of the workspace; an owner left unmapped becomes a person of the workspace (without sign-in), never dropped.",
  leadType: "The lead type sets the priority and the acceptance criteria.",
  priority: "P1 is the most urgent.",
  rejectionReason: "Rejection reasons as defined in Definitions.",
  objection: "The buyer's objections as defined in Definitions; a value mapped to none is left empty and reported.",
  sourceSignal: "Good fit, wrong person, wrong company or not a real buyer.",
  eventType: "Which timeline event a row is; rows left empty are not imported.",
};

export function ValueMapping(props: {
  kind: FileKind;
  shape: FileShape;
  mapping: FileMapping;
  preset: PresetId;
  index: ChoiceIndex;
  disabled: boolean;
  onChange: (mapping: FileMapping) => void;
}) {
  const { kind, shape, mapping, preset, index, disabled, onChange } = props;
  const columns = Object.entries(mapping.columns)
    .map(([header, targetId]) => ({ header, target: findTarget(kind, targetId) }))
    .filter((column): column is { header: string; target: NonNullable<ReturnType<typeof findTarget>> } => Boolean(column.target?.choices));
  if (columns.length === 0)
    return (
      <p className="text-sm text-slate-500">
        No column of this file holds categories (status, source, owner…), so there are no values to map.
      </p>
    );

  const setValue = (header: string, key: string, value: string) =>
    onChange({ ...mapping, values: { ...mapping.values, [header]: { ...(mapping.values[header] ?? {}), [key]: value } } });

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {columns.map(({ header, target }) => {
        const set = target.choices!;
        const values = shape.distinctValues[header];
        const options = choiceOptions(set, index.context);
        return (
          <section key={header} aria-label={`Values of ${header}`} className="rounded-md border border-slate-200">
            <header className="border-b border-slate-100 px-3 py-2">
              <h4 className="text-sm font-semibold text-slate-900">
                {header} <span className="font-normal text-slate-500">→ {target.label}</span>
              </h4>
              <p className="text-xs text-slate-500">{SET_HELP[set]}</p>
            </header>
            {values ? (
              <EntityTable
                caption={`Values of ${header}`}
                rows={values}
                rowKey={({ value }) => valueKey(value)}
                columns={[
                  {
                    header: "Value in the file",
                    rowHeader: true,
                    className: "w-1/2 wrap-anywhere",
                    cell: ({ value, count }) => (
                      <span className="text-slate-800">
                        {value} <span className="text-xs text-slate-400">× {count.toLocaleString("en")}</span>
                      </span>
                    ),
                  },
                  {
                    header: "Becomes",
                    className: "text-right",
                    cell: ({ value }) => {
                      const chosen = matchChoice(set, value, index, mapping.values[header], PRESETS[preset].values[set]);
                      const extra =
                        chosen && !options.some((option) => option.value === chosen)
                          ? [{ value: chosen, label: `${chosen} (as in the file)` }]
                          : [];
                      return (
                        <select
                          aria-label={`Value ${value} of ${header}`}
                          value={chosen ?? ""}
                          disabled={disabled}
                          onChange={(event) => setValue(header, valueKey(value), event.target.value)}
                          className={`${controlBaseClass} w-full max-w-full sm:w-64 ${chosen === undefined ? "border-amber-400" : ""}`}
                        >
                          <option value="">{chosen === undefined ? "Not matched: leave empty" : "Leave empty"}</option>
                          {[...extra, ...options].map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      );
                    },
                  },
                ]}
              />
            ) : (
              <p className="px-3 py-2 text-xs text-slate-500">
                More than {MAX_DISTINCT} different values in the file: each is matched by id, email or name, and unmatched ones are listed
                in the check&apos;s report.
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
