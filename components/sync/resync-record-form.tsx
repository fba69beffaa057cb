"use client";

import { useActionState, useId } from "react";
import { controlBaseClass, FormStatus, SaveButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { resyncRecordAction } from "@/lib/sync/actions";

/** Re-reads one CRM record (its history and activities) now, e.g. after fixing it in the CRM. */
export function ResyncRecordForm({ id }: { id: number }) {
  const inputId = useId();
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(resyncRecordAction, null);
  const error = state && !state.ok ? state.fieldErrors?.recordId?.[0] : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
          Re-sync one record
        </label>
        <input
          id={inputId}
          name="recordId"
          type="text"
          inputMode="numeric"
          placeholder="Record ID"
          aria-invalid={error ? true : undefined}
          className={`${controlBaseClass} mt-1 w-40`}
        />
      </div>
      <SaveButton pending={pending} label="Re-sync" pendingLabel="Queuing…" />
      <FormStatus state={state} />
    </form>
  );
}
