"use client";

import clsx from "clsx";
import { useId } from "react";
import { EffectiveDateControls, useImpactPreview } from "@/components/definitions/effective-date-controls";
import { Badge } from "@/components/ui/badge";
import { controlClass, describedBy, FieldError, FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { previewPrioritySla, savePrioritySla } from "@/lib/definitions/actions";
import { readPrioritySlaForm } from "@/lib/definitions/form-data";
import type { SlaDefinition } from "@/lib/definitions/queries";
import { MAX_SLA_AMOUNT, prioritySlaSchema } from "@/lib/definitions/schemas";
import { PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { SLA_UNITS, type SlaUnit } from "@/lib/diagnosis/vocabulary";

const UNIT_LABELS: Record<SlaUnit, string> = { minutes: "minutes", hours: "hours", business_days: "business days" };

const KINDS = [
  { amount: "ownerSlaAmount", unit: "ownerSlaUnit", title: "Owner", clock: "from capture" },
  { amount: "decisionSlaAmount", unit: "decisionSlaUnit", title: "Decision", clock: "from assignment" },
  { amount: "firstActionSlaAmount", unit: "firstActionSlaUnit", title: "First action", clock: "from assignment" },
] as const;

const validate = validateWith(prioritySlaSchema, readPrioritySlaForm);

/** One priority's three SLA targets, saved together. */
export function SlaForm({ sla, usedBy, canEdit }: { sla: SlaDefinition; usedBy: string[]; canEdit: boolean }) {
  const { state, pending, onSubmit, errorFor } = useActionForm({ action: savePrioritySla, validate });
  const prefix = useId();
  const tier = sla.priority.toUpperCase();
  const { formRef, impact, previewing, preview, clear } = useImpactPreview(previewPrioritySla);

  return (
    <form
      key={sla.version}
      ref={formRef}
      onSubmit={onSubmit}
      onChange={clear}
      noValidate
      aria-label={`${tier} SLA targets`}
      className="py-4 first:pt-0 last:pb-0"
    >
      <input type="hidden" name="priority" value={sla.priority} />
      <input type="hidden" name="version" value={sla.version} />
      <fieldset disabled={!canEdit} className="grid items-start gap-4 lg:grid-cols-[10rem_repeat(3,minmax(0,1fr))_auto]">
        <legend className="sr-only">{PRIORITY_LABELS[sla.priority]}</legend>
        <div>
          <Badge tone={sla.priority === "p1" ? "bad" : sla.priority === "p2" ? "warn" : "neutral"}>{PRIORITY_LABELS[sla.priority]}</Badge>
          <p className="mt-1.5 text-xs text-slate-500">
            {usedBy.length > 0 ? `Lead types: ${usedBy.join(", ")}` : "No lead type uses this priority yet."}
          </p>
          {!sla.saved && <p className="mt-1 text-xs text-amber-700">Defaults in use; not saved yet.</p>}
        </div>
        {KINDS.map((kind) => {
          const id = `${prefix}-${kind.amount}`;
          const amountError = errorFor(kind.amount);
          const unitError = errorFor(kind.unit);
          const error = amountError ?? unitError;
          return (
            <fieldset key={kind.amount} className="min-w-0">
              <legend className="text-xs font-semibold text-slate-800">
                {kind.title} <span className="font-normal text-slate-500">· {kind.clock}</span>
              </legend>
              <div className="mt-1 flex gap-2">
                <div className="w-24 shrink-0">
                  <label htmlFor={id} className="block text-[11px] text-slate-500">
                    Amount
                  </label>
                  <input
                    id={id}
                    name={kind.amount}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={MAX_SLA_AMOUNT}
                    step={1}
                    required
                    defaultValue={sla[kind.amount]}
                    {...describedBy(id, false, amountError)}
                    className={controlClass}
                  />
                </div>
                <div className="min-w-0 flex-1">
                  <label htmlFor={`${id}-unit`} className="block text-[11px] text-slate-500">
                    Unit
                  </label>
                  <select
                    id={`${id}-unit`}
                    name={kind.unit}
                    defaultValue={sla[kind.unit]}
                    {...describedBy(id, false, amountError ? undefined : unitError)}
                    className={clsx(controlClass, "pr-7")}
                  >
                    {SLA_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {UNIT_LABELS[unit]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <FieldError id={id} error={error} />
            </fieldset>
          );
        })}
        {canEdit && (
          <div className="lg:pt-[1.4rem]">
            <SaveButton pending={pending} label={`Save ${tier}`} />
          </div>
        )}
      </fieldset>
      {canEdit && <EffectiveDateControls kept="the targets" preview={preview} previewing={previewing} impact={impact} />}
      {canEdit && <FormStatus state={state} className="mt-2" />}
    </form>
  );
}
