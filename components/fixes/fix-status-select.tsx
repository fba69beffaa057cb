"use client";

import { useState, useTransition } from "react";
import { WriteStatus } from "@/components/review/write-status";
import { changeFixStatus } from "@/lib/fixes/actions";
import { FIX_STATUS_LABELS, FIX_STATUSES, type FixStatus } from "@/lib/fixes/status";
import type { ActionResult } from "@/lib/actions/result";

/** Moves a fix along open -> in progress -> done -> verified, with the version the page showed. */
export function FixStatusSelect({ fixId, status, version, label }: { fixId: number; status: FixStatus; version: number; label: string }) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <select
        aria-label={label}
        value={status}
        disabled={pending}
        onChange={(event) =>
          startTransition(async () => setResult(await changeFixStatus({ id: fixId, version, status: event.target.value })))
        }
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {FIX_STATUSES.map((option) => (
          <option key={option} value={option}>
            {FIX_STATUS_LABELS[option]}
          </option>
        ))}
      </select>
      {result?.ok === false && <WriteStatus result={result} className="mt-1 max-w-56" />}
    </div>
  );
}
