"use client";

import { ActiveField, CodedEntryFields, DefinitionForm, useDefinitionEditor } from "@/components/definitions/definition-form";
import { FormActions } from "@/components/ui/form";
import { validateWith } from "@/components/ui/use-action-form";
import { addObjection, saveObjection } from "@/lib/definitions/objection-actions";
import { objectionCreateSchema, objectionUpdateSchema } from "@/lib/definitions/objection-schemas";
import { readObjectionForm } from "@/lib/definitions/form-data";
import type { ObjectionDefinitionRow } from "@/lib/definitions/objections";

const validateCreate = validateWith(objectionCreateSchema, readObjectionForm);
const validateUpdate = validateWith(objectionUpdateSchema, readObjectionForm);

/** Adds an objection (no `objection`) or edits one. Closes itself through onDone after a save. */
export function ObjectionForm(props: { objection?: ObjectionDefinitionRow; nextSortOrder: number; onDone: (message?: string) => void }) {
  const { objection, nextSortOrder, onDone } = props;
  const creating = !objection;
  const { state, pending, onSubmit, errorFor, id } = useDefinitionEditor({
    creating,
    add: addObjection,
    save: saveObjection,
    validateCreate,
    validateUpdate,
    onDone,
  });

  return (
    <DefinitionForm id={id} title={creating ? "New objection" : `Edit “${objection.label}”`} record={objection} onSubmit={onSubmit}>
      <CodedEntryFields
        id={id}
        errorFor={errorFor}
        entry={objection}
        nextSortOrder={nextSortOrder}
        codeHelp="Stored on every decision and event that uses it, so it cannot be changed later."
        codeFixedHelp="Fixed: past decisions store it."
        codePlaceholder="e.g. budget"
        labelHelp="What reps see when they record what the buyer objected to."
        labelPlaceholder="e.g. Budget"
        orderHelp="Lower numbers come first (and get the lower number keys in the queue)."
        detailLabel="Requires a short text"
        detailHelp="Tick when the label alone says nothing (as “Other” does)."
      />
      <ActiveField id={id} active={objection?.active} help="Turn off an objection reps should no longer pick; past decisions keep it." />
      <FormActions pending={pending} saveLabel={creating ? "Add objection" : "Save objection"} onCancel={() => onDone()} state={state} />
    </DefinitionForm>
  );
}
