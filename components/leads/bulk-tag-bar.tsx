"use client";

import { FailurePointOptions } from "@/components/diagnosis/failure-point-options";
import { FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { tagLeadsForReviewAction } from "@/lib/review/bulk-actions";
import { bulkTagFormValues, bulkTagSchema } from "@/lib/review/bulk-schemas";

/** In a list's bulk actions: tag the selected leads with one failure point for the review board. */
export function BulkTagBar({ selected, onDone }: { selected: number[]; onDone: (message: string | undefined) => void }) {
  const { state, pending, onSubmit, errorFor } = useActionForm({
    action: tagLeadsForReviewAction,
    validate: validateWith(bulkTagSchema, bulkTagFormValues),
    onSuccess: (result) => onDone(result.message),
  });
  return (
    <form onSubmit={onSubmit} aria-label="Tag for the review board" className="flex min-w-0 flex-wrap items-center gap-2">
      {selected.map((id) => (
        <input key={id} type="hidden" name="leadIds" value={id} />
      ))}
      <label className="flex min-w-0 items-center gap-2 text-slate-700">
        Tag for the review board as
        <select
          name="failurePoint"
          defaultValue=""
          className="rounded-md border border-slate-300 px-2 py-1"
          aria-invalid={Boolean(errorFor("failurePoint"))}
        >
          <option value="" disabled>
            failure point…
          </option>
          <FailurePointOptions />
        </select>
      </label>
      <SaveButton pending={pending} label="Tag selected" pendingLabel="Tagging…" />
      <FormStatus state={state} />
    </form>
  );
}
