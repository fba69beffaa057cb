"use client";

import { activeColumn, EditableSection, NameWithCode, sortOrderAfter } from "@/components/definitions/editable-section";
import { RejectionReasonForm } from "@/components/definitions/rejection-reason-form";
import { Badge } from "@/components/ui/badge";
import type { EntityColumn } from "@/components/ui/entity-table";
import type { RejectionReasonDefinitionRow } from "@/lib/definitions/queries";

const COLUMNS: EntityColumn<RejectionReasonDefinitionRow>[] = [
  { header: "Order", className: "w-16 tabular-nums text-slate-500", cell: (reason) => reason.sortOrder },
  {
    header: "Reason",
    cell: (reason) => <NameWithCode name={reason.label} code={reason.code} />,
  },
  {
    header: "Detail",
    cell: (reason) => (
      <>
        {reason.requiresDetail ? <Badge tone="info">Detail required</Badge> : <span className="text-xs text-slate-500">Optional</span>}
        {reason.detailPrompt && <p className="mt-1 text-xs text-slate-600">Prompt: {reason.detailPrompt}</p>}
      </>
    ),
  },
  activeColumn(),
];

/** The rejection-reason taxonomy in its display order; one row at a time opens for editing. */
export function RejectionReasonsSection({ reasons, canEdit }: { reasons: RejectionReasonDefinitionRow[]; canEdit: boolean }) {
  const nextSortOrder = sortOrderAfter(reasons);
  return (
    <EditableSection
      caption="Rejection reasons in the order reps see them"
      rows={reasons}
      columns={COLUMNS}
      canEdit={canEdit}
      addLabel="Add reason"
      nameOf={(reason) => reason.label}
      empty={`No rejection reasons yet. ${canEdit ? "Add the reasons reps may give, so every rejection tells marketing something usable." : "Revenue operations adds them here."}`}
      form={(reason, done) =>
        reason ? (
          <RejectionReasonForm key={reason.version} reason={reason} nextSortOrder={nextSortOrder} onDone={done} />
        ) : (
          <RejectionReasonForm nextSortOrder={nextSortOrder} onDone={done} />
        )
      }
    />
  );
}
