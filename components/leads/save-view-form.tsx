"use client";

import { useRouter } from "next/navigation";
import { Field, controlClass, CheckboxField, FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { saveViewAction } from "@/lib/saved-views/actions";
import { saveViewSchema, savedViewFormValues, type SavedViewList } from "@/lib/saved-views/schemas";

/** Saves what the list shows now (its address: filters, hidden columns, sort) under a name. */
export function SaveViewForm({ list, params }: { list: SavedViewList; params: string }) {
  const router = useRouter();
  const { state, pending, onSubmit, errorFor } = useActionForm({
    action: saveViewAction,
    validate: validateWith(saveViewSchema, savedViewFormValues),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="space-y-2 border-t border-slate-100 pt-2" aria-label="Save this view">
      <input type="hidden" name="list" value={list} />
      <input type="hidden" name="params" value={params} />
      <Field id={`save-view-${list}-name`} name="name" label="Save the current filters, columns and sort as" error={errorFor("name")}>
        {(control) => <input {...control} className={controlClass} placeholder="e.g. Webinar leads awaiting a decision" maxLength={80} />}
      </Field>
      <CheckboxField
        id={`save-view-${list}-shared`}
        name="shared"
        label="Share with the team"
        help="Unticked, only you see this view."
        defaultChecked={false}
      />
      <div className="flex items-center gap-2">
        <SaveButton pending={pending} label="Save view" />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
