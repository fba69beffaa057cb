"use client";

import { FAILURE_POINT_LABELS, STEP_LABELS, STEP_STATUS_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, STEP_IDS, STEP_STATUSES } from "@/lib/diagnosis/vocabulary";
import { useAddressParams } from "@/components/ui/use-address-params";

const selectClass = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** Narrows the Flagged view to one failure point and/or one step's status; held in the URL. */
export function FlaggedFilters({ failurePoint, step }: { failurePoint?: string; step?: string }) {
  const { apply, pending } = useAddressParams();
  return (
    <>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
        Failure point
        <select value={failurePoint ?? ""} onChange={(event) => apply("fp", event.target.value)} className={selectClass}>
          <option value="">Any failure point</option>
          {FAILURE_POINTS.map((point) => (
            <option key={point} value={point}>
              {FAILURE_POINT_LABELS[point]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
        Step status
        <select value={step ?? ""} onChange={(event) => apply("step", event.target.value)} className={selectClass}>
          <option value="">Any step</option>
          {STEP_IDS.flatMap((id) =>
            STEP_STATUSES.filter((status) => status === "fail" || status === "warn").map((status) => (
              <option
                key={`${id}:${status}`}
                value={`${id}:${status}`}
              >{`${STEP_LABELS[id]}: ${STEP_STATUS_LABELS[status].toLowerCase()}`}</option>
            )),
          )}
        </select>
      </label>
      {pending && <span className="sr-only">Updating…</span>}
    </>
  );
}
