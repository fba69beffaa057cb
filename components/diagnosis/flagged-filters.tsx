"use client";

import { FAILURE_POINT_LABELS, STEP_LABELS, STEP_STATUS_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS, STEP_IDS, STEP_STATUSES } from "@/lib/diagnosis/vocabulary";
import { FilterSelect } from "@/components/ui/filter-controls";
import { useAddressParams } from "@/components/ui/use-address-params";

const FAILURE_POINT_CHOICES = FAILURE_POINTS.map((point) => ({ value: point, label: FAILURE_POINT_LABELS[point] }));
/** Only the statuses that flag a lead. */
const STEP_CHOICES = STEP_IDS.flatMap((id) =>
  STEP_STATUSES.filter((status) => status === "fail" || status === "warn").map((status) => ({
    value: `${id}:${status}`,
    label: `${STEP_LABELS[id]}: ${STEP_STATUS_LABELS[status].toLowerCase()}`,
  })),
);

/** Narrows the Flagged view to one failure point and/or one step's status; held in the URL. */
export function FlaggedFilters({ failurePoint, step }: { failurePoint?: string; step?: string }) {
  const { apply, pending } = useAddressParams();
  return (
    <>
      <FilterSelect
        label="Failure point"
        anyLabel="Any failure point"
        value={failurePoint}
        onChange={(value) => apply("fp", value)}
        options={FAILURE_POINT_CHOICES}
      />
      <FilterSelect
        label="Step status"
        anyLabel="Any step"
        value={step}
        onChange={(value) => apply("step", value)}
        options={STEP_CHOICES}
      />
      {pending && <span className="sr-only">Updating…</span>}
    </>
  );
}
