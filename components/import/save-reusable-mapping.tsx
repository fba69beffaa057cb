"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { controlBaseClass } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { saveReusableMappingAction } from "@/lib/import/actions";

/** Keeps this mapping for next week's export of the same CRM. */
export function SaveReusableMapping({ jobId, suggestedName }: { jobId: number; suggestedName: string }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name"));
    startTransition(async () => {
      const result = await saveReusableMappingAction({ jobId, name });
      setStatus({ ok: result.ok, message: result.ok ? (result.message ?? "Saved.") : (result.fieldErrors?.name?.[0] ?? result.message) });
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          Save this mapping as
        </label>
        <input id={id} name="name" defaultValue={suggestedName} maxLength={80} className={`${controlBaseClass} mt-1 w-64`} />
      </div>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Saving…" : "Save mapping for reuse"}
      </Button>
      <p role="status" aria-live="polite" className={`text-sm ${status?.ok === false ? "text-red-700" : "text-emerald-700"}`}>
        {status?.message}
      </p>
    </form>
  );
}
