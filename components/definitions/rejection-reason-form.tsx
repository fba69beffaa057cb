"use client";

import { useId } from "react";
import { AmountInput, CheckboxField, controlClass, Field, FormActions, RecordVersion } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { addRejectionReason, previewRejectionReason, saveRejectionReason } from "@/lib/definitions/actions";
import { EffectiveDateControls, useImpactPreview } from "@/components/definitions/effective-date-controls";
import { readRejectionReasonForm } from "@/lib/definitions/form-data";
import type { RejectionReasonDefinitionRow } from "@/lib/definitions/queries";
import { rejectionReasonCreateSchema, rejectionReasonUpdateSchema } from "@/lib/definitions/schemas";

const validateCreate = validateWith(rejectionReasonCreateSchema, readRejectionReasonForm);
const validateUpdate = validateWith(rejectionReasonUpdateSchema, readRejectionReasonForm);

/** Adds a rejection reason (no `reason`) or edits one. Closes itself through onDone after a save. */
export function RejectionReasonForm(props: {
  reason?: RejectionReasonDefinitionRow;
  nextSortOrder: number;
  onDone: (message?: string) => void;
}) {
  const { reason, nextSortOrder, onDone } = props;
  const creating = !reason;
  const { state, pending, onSubmit, errorFor } = useActionForm({
    action: creating ? addRejectionReason : saveRejectionReason,
    validate: creating ? validateCreate : validateUpdate,
    onSuccess: (result) => onDone(result.message),
  });
  const { formRef, impact, previewing, preview, clear } = useImpactPreview(previewRejectionReason);
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={clear}
      noValidate
      aria-labelledby={id("title")}
      className="space-y-4 rounded-md border border-brand-100 bg-brand-50/40 p-4"
    >
      <h3 id={id("title")} className="text-sm font-semibold text-slate-900">
        {creating ? "New rejection reason" : `Edit “${reason.label}”`}
      </h3>
      <RecordVersion record={reason} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto]">
        {creating ? (
          <Field
            id={id("code")}
            name="code"
            label="Code"
            error={errorFor("code")}
            help="Stored on every rejection that uses it, so it cannot be changed later."
          >
            {(control) => (
              <input
                {...control}
                type="text"
                required
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                placeholder="e.g. not_icp"
                className={`${controlClass} font-mono`}
              />
            )}
          </Field>
        ) : (
          <div>
            <p className="text-xs font-medium text-slate-700">Code</p>
            <p className="mt-1 py-1.5 font-mono text-sm text-slate-800">{reason.code}</p>
            <p className="mt-1 text-xs text-slate-500">Fixed: past rejections store it.</p>
          </div>
        )}
        <Field id={id("label")} name="label" label="Label" error={errorFor("label")} help="What reps see when they pick a reason.">
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={120}
              defaultValue={reason?.label}
              placeholder="e.g. Not in our ideal customer profile"
              className={controlClass}
            />
          )}
        </Field>
        <Field id={id("sortOrder")} name="sortOrder" label="Order" error={errorFor("sortOrder")} help="Lower numbers are listed first.">
          {(control) => <AmountInput control={control} unit="" min={0} max={9_999} defaultValue={reason?.sortOrder ?? nextSortOrder} />}
        </Field>
      </div>
      <CheckboxField
        id={id("requiresDetail")}
        name="requiresDetail"
        label="Requires detail"
        defaultChecked={reason?.requiresDetail ?? false}
        help="Tick when the code alone leaves marketing guessing (which rule failed, which record it duplicates). Without a specific detail the rejection counts as weak feedback."
      />
      <Field
        id={id("detailPrompt")}
        name="detailPrompt"
        label="Detail prompt (optional)"
        error={errorFor("detailPrompt")}
        help="The question reps see under the detail box, for example “Which ICP rule does it fail?”"
      >
        {(control) => <input {...control} type="text" maxLength={200} defaultValue={reason?.detailPrompt ?? ""} className={controlClass} />}
      </Field>
      <CheckboxField
        id={id("active")}
        name="active"
        label="Active"
        defaultChecked={reason?.active ?? true}
        help="Turn off a reason reps should no longer use; past rejections keep it."
      />
      {!creating && <EffectiveDateControls kept="whether it needed detail" preview={preview} previewing={previewing} impact={impact} />}
      <FormActions pending={pending} saveLabel={creating ? "Add reason" : "Save reason"} onCancel={() => onDone()} state={state} />
    </form>
  );
}
