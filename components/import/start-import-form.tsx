"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { startImportAction } from "@/lib/import/actions";

// Step 4: all or nothing, or the valid rows only. Either way the import runs in one transaction, so a
// cancellation or failure leaves nothing of the file behind.
export function StartImportForm({
  jobId,
  version,
  invalidRows,
  again,
}: {
  jobId: number;
  version: number;
  invalidRows: number;
  again: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mode = String(new FormData(event.currentTarget).get("mode"));
    startTransition(async () => {
      const result = await startImportAction({ jobId, version, mode });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">If a row is invalid</legend>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="radio" name="mode" value="valid_rows" defaultChecked className="mt-1 accent-brand-600" />
          <span>
            <strong className="font-medium text-slate-900">Import the valid rows</strong>
            <span className="block text-xs text-slate-500">
              {invalidRows
                ? `The ${invalidRows.toLocaleString("en")} invalid rows are skipped; the report lists them.`
                : "No row is invalid right now."}
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="radio" name="mode" value="all_or_nothing" className="mt-1 accent-brand-600" />
          <span>
            <strong className="font-medium text-slate-900">All or nothing</strong>
            <span className="block text-xs text-slate-500">Import nothing if any row is invalid.</span>
          </span>
        </label>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : again ? "Run the import again" : "Start the import"}
        </Button>
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      </div>
    </form>
  );
}
