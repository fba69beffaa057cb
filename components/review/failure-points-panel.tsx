import { FailurePointRow } from "@/components/review/failure-point-row";
import { RootCauseForm } from "@/components/review/root-cause-form";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import type { ReviewLeadData } from "@/lib/review/queries";

/** The six failure points with people's verdicts, then the agreed root cause. */
export function FailurePointsPanel({ data, canTag }: { data: Pick<ReviewLeadData, "lead" | "tags" | "review">; canTag: boolean }) {
  const { lead, tags, review } = data;
  return (
    <div id="failure-tags" tabIndex={-1} className="outline-none">
      <ul aria-label="Failure points" className="divide-y divide-slate-100">
        {FAILURE_POINTS.map((point) => (
          <FailurePointRow
            key={point}
            leadId={lead.id}
            point={point}
            diagnosed={lead.failurePoints.includes(point)}
            tag={tags.find((tag) => tag.failurePoint === point) ?? null}
            canTag={canTag}
          />
        ))}
      </ul>
      <div className="mt-3 border-t border-slate-200 pt-3">
        <RootCauseForm
          leadId={lead.id}
          rootCause={review?.rootCause ?? null}
          note={review?.rootCauseNote ?? null}
          version={review?.version ?? 0}
          agreedBy={review?.updatedBy?.name ?? null}
          canEdit={canTag}
        />
      </div>
    </div>
  );
}
