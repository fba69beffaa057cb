"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, controlClass, Field, FormActions } from "@/components/ui/form";
import { TwoStepButton } from "@/components/ui/two-step-button";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { deleteViewAction, renameViewAction } from "@/lib/saved-views/actions";
import type { SavedViewItem } from "@/lib/saved-views/queries";
import { renameViewSchema, savedViewFormValues } from "@/lib/saved-views/schemas";

/** One saved view: a link that reopens it; its owner may rename, share or delete it. */
export function SavedViewEntry({ view, href }: { view: SavedViewItem; href: string }) {
  const [editing, setEditing] = useState(false);
  const router = useRouter();
  const { state, pending, onSubmit, errorFor } = useActionForm({
    action: renameViewAction,
    validate: validateWith(renameViewSchema, savedViewFormValues),
    onSuccess: () => {
      setEditing(false);
      router.refresh();
    },
  });
  if (editing)
    return (
      <li>
        <form onSubmit={onSubmit} className="space-y-2 rounded-md bg-slate-50 p-2" aria-label={`Rename ${view.name}`}>
          <input type="hidden" name="id" value={view.id} />
          <input type="hidden" name="version" value={view.version} />
          <Field id={`view-${view.id}-name`} name="name" label="Name" error={errorFor("name")}>
            {(control) => <input {...control} className={controlClass} defaultValue={view.name} maxLength={80} />}
          </Field>
          <CheckboxField id={`view-${view.id}-shared`} name="shared" label="Share with the team" help="" defaultChecked={view.shared} />
          <FormActions pending={pending} saveLabel="Save" onCancel={() => setEditing(false)} state={state} />
        </form>
      </li>
    );
  return (
    <li className="flex items-center justify-between gap-2 rounded px-1 py-1 hover:bg-slate-50">
      <Link href={href} className="min-w-0 text-sm text-brand-700 underline-offset-2 hover:underline">
        <span className="block truncate">{view.name}</span>
        <span className="block text-xs text-slate-500">
          {view.mine ? (view.shared ? "Yours, shared with the team" : "Yours, private") : `Shared by ${view.ownerName}`}
        </span>
      </Link>
      {view.mine && (
        <span className="flex shrink-0 items-center gap-1">
          <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Rename ${view.name}`}>
            Rename
          </Button>
          <TwoStepButton
            label="Delete"
            ariaLabel={`Delete ${view.name}`}
            note={`Delete “${view.name}”?`}
            cancelLabel="Keep"
            confirmLabel="Delete"
            pendingLabel="Deleting…"
            action={deleteViewAction}
            fields={{ id: String(view.id) }}
            align="end"
          />
        </span>
      )}
    </li>
  );
}
