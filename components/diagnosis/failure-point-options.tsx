import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";

/** An <option> per failure point, by its label, in the vocabulary's order: every picker lists them alike. */
export function FailurePointOptions() {
  return FAILURE_POINTS.map((point) => (
    <option key={point} value={point}>
      {FAILURE_POINT_LABELS[point]}
    </option>
  ));
}
