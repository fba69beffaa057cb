"use client";

import clsx from "clsx";
import { useState, useTransition } from "react";
import { WriteStatus } from "@/components/review/write-status";
import { changeReviewStatus } from "@/lib/review/actions";
import type { ActionResult } from "@/lib/actions/result";
import { REVIEW_STATUS_LABELS, REVIEW_STATUSES, type ReviewStatus } from "@/lib/review/sides";

/** To review / reviewed / skipped, as one segmented control. */
export function ReviewStatusControl({
  leadId,
  status,
  version,
  canEdit,
}: {
  leadId: number;
  status: ReviewStatus;
  version: number;
  canEdit: boolean;
}) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <div role="group" aria-label="Review status" className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300">
        {REVIEW_STATUSES.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={status === option}
            disabled={!canEdit || pending}
            onClick={() => startTransition(async () => setResult(await changeReviewStatus({ leadId, status: option, version })))}
            className={clsx(
              "px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-default",
              status === option ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {REVIEW_STATUS_LABELS[option]}
          </button>
        ))}
      </div>
      {result?.ok === false && <WriteStatus result={result} className="max-w-xs text-right" />}
    </div>
  );
}
