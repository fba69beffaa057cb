"use client";

import { useActionState, useId, useState } from "react";
import { EntityTable } from "@/components/ui/entity-table";
import { CheckboxField, controlBaseClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { LEAD_STATE_LABELS, LEAD_STATES } from "@/lib/import/lead-states";
import { saveMappingAction } from "@/lib/sync/actions";
import { MAPPING_PRESET } from "@/lib/sync/schemas";
import type { MappingRow } from "@/lib/sync/value-mapping";

// Which CRM status or lifecycle stage means what, for one connection: the import's preset is the start,
// each value can be overridden, and the values a sync met but nobody mapped come first, with how many
// records carry them. Saving can re-read every record so leads already synced follow the new mapping.

const stateLabel = (state: string) =>
  state === "" ? "Says nothing about the handoff" : LEAD_STATE_LABELS[state as keyof typeof LEAD_STATE_LABELS];

function presetOption(row: MappingRow) {
  return row.preset === null ? "Unmapped: list it, write no event" : `As the preset says: ${stateLabel(row.preset)}`;
}

/** A value the sync met on records that neither the connection nor the preset maps: those records got no status event. */
const waitsForDecision = (row: MappingRow) => row.unmappedRecords > 0 && row.own === null && row.preset === null;

export function ValueMappingForm({ id, rows, reasonField }: { id: number; rows: MappingRow[]; reasonField: string | null }) {
  const formId = useId();
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(saveMappingAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const waiting = rows.filter(waitsForDecision).length;
  // Open when values wait for a decision; after that the reader decides (a save must not fold it over its own message).
  const [open, setOpen] = useState(waiting > 0);
  return (
    <details className="mt-5" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Value mapping: status and lifecycle stage</summary>
      <form action={formAction} className="mt-3 space-y-4">
        <input type="hidden" name="id" value={id} />
        <p className="text-sm text-slate-700">
          {waiting
            ? `${waiting} value${waiting === 1 ? "" : "s"} met by the sync ${waiting === 1 ? "is" : "are"} not mapped: ${waiting === 1 ? "its" : "their"} records got no status event. Choose what each means.`
            : "Every value the sync has met is mapped."}
        </p>
        <EntityTable
          caption="Status and lifecycle stage values"
          rows={rows}
          rowKey={(row) => row.key}
          rowProps={(row) => ({ className: waitsForDecision(row) ? "bg-amber-50" : undefined })}
          columns={[
            {
              header: "CRM value",
              rowHeader: true,
              cell: (row) => (
                <span className="text-slate-800">
                  {row.label}
                  {row.unmappedRecords > 0 && (
                    <span className="ml-2 text-xs text-amber-800">
                      unmapped on {row.unmappedRecords.toLocaleString("en-US")} record{row.unmappedRecords === 1 ? "" : "s"}
                    </span>
                  )}
                </span>
              ),
            },
            {
              header: "Means in Baton",
              cell: (row) => (
                <select
                  name={`state:${row.key}`}
                  aria-label={`What ${row.label} means`}
                  defaultValue={row.own ?? MAPPING_PRESET}
                  aria-invalid={fieldErrors?.[`states.${row.key}`] ? true : undefined}
                  className={`${controlBaseClass} w-96 max-w-full ${waitsForDecision(row) ? "border-amber-400" : ""}`}
                >
                  <option value={MAPPING_PRESET}>{presetOption(row)}</option>
                  <option value="">{stateLabel("")}</option>
                  {LEAD_STATES.map((leadState) => (
                    <option key={leadState} value={leadState}>
                      {LEAD_STATE_LABELS[leadState]}
                    </option>
                  ))}
                </select>
              ),
            },
          ]}
        />
        <Field
          id={`${formId}-reason`}
          name="reasonField"
          label="Field holding the rejection reason (optional)"
          help="The CRM property or field's API name, e.g. hs_lead_rejection_reason. Its value becomes the rejection's reason."
          error={fieldErrors?.reasonField?.[0]}
        >
          {(control) => (
            <input {...control} type="text" defaultValue={reasonField ?? ""} className={`${controlBaseClass} w-72 max-w-full`} />
          )}
        </Field>
        <CheckboxField
          id={`${formId}-reread`}
          name="reread"
          label="Re-read every record now"
          help="So the leads already synced follow the new mapping. Nothing is duplicated: a re-read rewrites what changed."
          defaultChecked
        />
        <div className="flex flex-wrap items-center gap-3">
          <SaveButton pending={pending} label="Save mapping" />
          <FormStatus state={state} />
        </div>
      </form>
    </details>
  );
}
