"use client";

import { CriteriaEditor } from "@/components/definitions/criteria-editor";
import { ActiveField, DefinitionForm, FixedCodeField, useDefinitionEditor } from "@/components/definitions/definition-form";
import { controlClass, Field, FormActions } from "@/components/ui/form";
import { validateWith } from "@/components/ui/use-action-form";
import { addLeadType, previewLeadType, saveLeadType } from "@/lib/definitions/actions";
import { EffectiveDateControls, useImpactPreview } from "@/components/definitions/effective-date-controls";
import { readLeadTypeForm } from "@/lib/definitions/form-data";
import type { LeadTypeDefinitionRow } from "@/lib/definitions/queries";
import { leadTypeCreateSchema, leadTypeUpdateSchema } from "@/lib/definitions/catalog-schemas";
import { INTENT_LABELS, PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { INTENTS, PRIORITIES } from "@/lib/diagnosis/vocabulary";

const validateCreate = validateWith(leadTypeCreateSchema, readLeadTypeForm);
const validateUpdate = validateWith(leadTypeUpdateSchema, readLeadTypeForm);

/** Adds a lead type (no `leadType`) or edits one. Closes itself through onDone after a save. */
export function LeadTypeForm({ leadType, onDone }: { leadType?: LeadTypeDefinitionRow; onDone: (message?: string) => void }) {
  const creating = !leadType;
  const { state, pending, onSubmit, errorFor, id, prefix } = useDefinitionEditor({
    creating,
    add: addLeadType,
    save: saveLeadType,
    validateCreate,
    validateUpdate,
    onDone,
  });
  const { formRef, impact, previewing, preview, clear } = useImpactPreview(previewLeadType);
  const title = creating ? "New lead type" : `Edit ${leadType.name}`;

  return (
    <DefinitionForm ref={formRef} id={id} title={title} record={leadType} onSubmit={onSubmit} onChange={clear}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={id("name")} name="name" label="Name" error={errorFor("name")}>
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={80}
              defaultValue={leadType?.name}
              placeholder="e.g. Demo request"
              className={controlClass}
            />
          )}
        </Field>
        <FixedCodeField
          id={id}
          errorFor={errorFor}
          name="key"
          label={creating ? "Key (optional)" : "Key"}
          code={leadType?.key}
          optional
          help="Leave empty to make one from the name. Imports and the API use it; it cannot be changed later."
          fixedHelp="Fixed: imports and the API refer to it."
          placeholder="e.g. demo_request"
        />
        <Field id={id("intent")} name="intent" label="Intent" error={errorFor("intent")} help="Weighs how severe a broken handoff is.">
          {(control) => (
            <select {...control} defaultValue={leadType?.intent ?? "medium"} className={controlClass}>
              {INTENTS.map((intent) => (
                <option key={intent} value={intent}>
                  {INTENT_LABELS[intent]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id("priority")} name="priority" label="Priority" error={errorFor("priority")} help="Sets which SLA targets apply.">
          {(control) => (
            <select {...control} defaultValue={leadType?.priority ?? "p2"} className={controlClass}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CriteriaEditor idPrefix={prefix} initial={leadType?.acceptanceCriteria ?? []} errorFor={errorFor} />
      <ActiveField
        id={id}
        active={leadType?.active}
        help="Turn off a type you no longer use instead of removing it: its leads keep their history and diagnosis."
      />
      {!creating && (
        <EffectiveDateControls kept="the priority, intent and criteria" preview={preview} previewing={previewing} impact={impact} />
      )}
      <FormActions pending={pending} saveLabel={creating ? "Add lead type" : "Save lead type"} onCancel={() => onDone()} state={state} />
    </DefinitionForm>
  );
}
