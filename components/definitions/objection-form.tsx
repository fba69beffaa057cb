"use client";

import { useId } from "react";
import { AmountInput, CheckboxField, controlClass, Field, FormActions, RecordVersion } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
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
  const { state, pending, onSubmit, errorFor } = useActionForm({
    action: creating ? addObjection : saveObjection,
    validate: creating ? validateCreate : validateUpdate,
    onSuccess: (result) => onDone(result.message),
  });
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={id("title")}
      className="space-y-4 rounded-md border border-brand-100 bg-brand-50/40 p-4"
    >
      <h3 id={id("title")} className="text-sm font-semibold text-slate-900">
        {creating ? "New objection" : `Edit “${objection.label}”`}
      </h3>
      <RecordVersion record={objection} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto]">
        {creating ? (
          <Field
            id={id("code")}
            name="code"
            label="Code"
            error={errorFor("code")}
            help="Stored on every decision and event that uses it, so it cannot be changed later."
          >
            {(control) => (
              <input
                {...control}
                type="text"
                required
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                placeholder="e.g. budget"
                className={`${controlClass} font-mono`}
              />
            )}
          </Field>
        ) : (
          <div>
            <p className="text-xs font-medium text-slate-700">Code</p>
            <p className="mt-1 py-1.5 font-mono text-sm text-slate-800">{objection.code}</p>
            <p className="mt-1 text-xs text-slate-500">Fixed: past decisions store it.</p>
          </div>
        )}
        <Field
          id={id("label")}
          name="label"
          label="Label"
          error={errorFor("label")}
          help="What reps see when they record what the buyer objected to."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={120}
              defaultValue={objection?.label}
              placeholder="e.g. Budget"
              className={controlClass}
            />
          )}
        </Field>
        <Field
          id={id("sortOrder")}
          name="sortOrder"
          label="Order"
          error={errorFor("sortOrder")}
          help="Lower numbers come first (and get the lower number keys in the queue)."
        >
          {(control) => <AmountInput control={control} unit="" min={0} max={9_999} defaultValue={objection?.sortOrder ?? nextSortOrder} />}
        </Field>
      </div>
      <CheckboxField
        id={id("requiresDetail")}
        name="requiresDetail"
        label="Requires a short text"
        defaultChecked={objection?.requiresDetail ?? false}
        help="Tick when the label alone says nothing (as “Other” does)."
      />
      <CheckboxField
        id={id("active")}
        name="active"
        label="Active"
        defaultChecked={objection?.active ?? true}
        help="Turn off an objection reps should no longer pick; past decisions keep it."
      />
      <FormActions pending={pending} saveLabel={creating ? "Add objection" : "Save objection"} onCancel={() => onDone()} state={state} />
    </form>
  );
}
