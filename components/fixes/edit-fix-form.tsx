"use client";

import { FixFields, type FixValues } from "@/components/fixes/fix-fields";
import { DraftActions } from "@/components/review/draft-actions";
import { useVersionedDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { saveFix } from "@/lib/fixes/actions";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import { FIX_STATUS_LABELS, FIX_STATUSES } from "@/lib/fixes/status";

// Edits a fix. Changes are a draft (kept through a reload) carrying the version they started from; if
// someone else saved first, the save is refused with their text shown and this text kept.

interface Draft extends FixValues {
  status: string;
  version: number;
}

export function EditFixForm({ id, saved, owners, canEdit }: { id: number; saved: Draft; owners: FixOwnerOption[]; canEdit: boolean }) {
  const { draft, values, edit, save, discard, result, pending } = useVersionedDraft(`fix:${id}`, saved, { refresh: true });
  const stale = draft !== null && draft.version !== saved.version;

  return (
    <form
      aria-label="Edit fix"
      onSubmit={(event) => {
        event.preventDefault();
        save((values) => saveFix({ id, ...values }));
      }}
    >
      <fieldset disabled={!canEdit} className="space-y-3">
        {stale && result?.ok !== false && (
          <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
            <p className="font-medium">Someone changed this fix after you started editing. It now reads:</p>
            <p className="mt-1 whitespace-pre-wrap text-slate-800">
              {saved.title} — {saved.description} ({FIX_STATUS_LABELS[saved.status as keyof typeof FIX_STATUS_LABELS] ?? saved.status})
            </p>
            <p className="mt-1">Your changes are below; the first save is refused so you can compare, the next one replaces theirs.</p>
          </div>
        )}
        <FixFields
          idPrefix="fix-edit"
          values={values}
          onChange={edit}
          owners={owners}
          errors={result?.ok === false ? result.fieldErrors : undefined}
          extra={
            <div>
              <label htmlFor="fix-edit-status" className="block text-xs font-medium text-slate-700">
                Status
              </label>
              <select
                id="fix-edit-status"
                value={values.status}
                onChange={(event) => edit({ status: event.target.value })}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                {FIX_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {FIX_STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </div>
          }
        />
        {canEdit && (
          <DraftActions
            dirty={draft !== null}
            pending={pending}
            saveLabel="Save fix"
            onDiscard={discard}
            unsavedNote={<span className="text-xs text-slate-500">Unsaved changes are kept on this device.</span>}
          />
        )}
      </fieldset>
      <WriteStatus result={result} className="mt-2" />
    </form>
  );
}
