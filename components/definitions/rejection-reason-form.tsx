"use client";

import { ActiveField, CodedEntryFields, DefinitionForm, useDefinitionEditor } from "@/components/definitions/definition-form";
import { controlClass, Field, FormActions } from "@/components/ui/form";
import { validateWith } from "@/components/ui/use-action-form";
import { addRejectionReason, previewRejectionReason, saveRejectionReason } from "@/lib/definitions/actions";
import { EffectiveDateControls, useImpactPreview } from "@/components/definitions/effective-date-controls";
import { readRejectionReasonForm } from "@/lib/definitions/form-data";
import type { RejectionReasonDefinitionRow } from "@/lib/definitions/queries";
import { rejectionReasonCreateSchema, rejectionReasonUpdateSchema } from "@/lib/definitions/catalog-schemas";

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
  const { state, pending, onSubmit, errorFor, id } = useDefinitionEditor({
    creating,
    add: addRejectionReason,
    save: saveRejectionReason,
    validateCreate,
    validateUpdate,
    onDone,
  });
  const { formRef, impact, previewing, preview, clear } = useImpactPreview(previewRejectionReason);

  return (
    <DefinitionForm
      ref={formRef}
      id={id}
      title={creating ? "New rejection reason" : `Edit “${reason.label}”`}
      record={reason}
      onSubmit={onSubmit}
      onChange={clear}
    >
      <CodedEntryFields
        id={id}
        errorFor={errorFor}
        entry={reason}
        nextSortOrder={nextSortOrder}
        codeHelp="Stored on every rejection that uses it, so it cannot be changed later."
        codeFixedHelp="Fixed: past rejections store it."
        codePlaceholder="e.g. not_icp"
        labelHelp="What reps see when they pick a reason."
        labelPlaceholder="e.g. Not in our ideal customer profile"
        orderHelp="Lower numbers are listed first."
        detailLabel="Requires detail"
        detailHelp="Tick when the code alone leaves marketing guessing (which rule failed, which record it duplicates). Without a specific detail the rejection counts as weak feedback."
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
      <ActiveField id={id} active={reason?.active} help="Turn off a reason reps should no longer use; past rejections keep it." />
      {!creating && <EffectiveDateControls kept="whether it needed detail" preview={preview} previewing={previewing} impact={impact} />}
      <FormActions pending={pending} saveLabel={creating ? "Add reason" : "Save reason"} onCancel={() => onDone()} state={state} />
    </DefinitionForm>
  );
}
