import Link from "next/link";
import { LiveRefresh } from "@/components/review/live-refresh";
import { ReviewStatusControl } from "@/components/review/review-status-control";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { sourceLabel } from "@/lib/leads/labels";
import type { ReviewLeadData } from "@/lib/review/queries";

// The top of the side-by-side view: who the lead is, where it sits on the board (previous / next keep the
// board's filters), its review status and the live-update indicator.

export function ReviewLeadHeader(props: {
  data: Pick<ReviewLeadData, "lead" | "review">;
  board: { position: number | null; total: number; previousId: number | null; nextId: number | null };
  boardParams: string;
  canEdit: boolean;
  stamp: string | null;
}) {
  const { data, board, boardParams, canEdit, stamp } = props;
  const { lead, review } = data;
  const suffix = boardParams ? `?${boardParams}` : "";
  return (
    <header className="space-y-3">
      <Breadcrumb trail={[{ href: `/review${suffix}`, label: "Review board" }]} current={lead.name} />
      <div className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{lead.name}</h1>
            {lead.flagged ? <Badge tone="bad">Flagged · severity {lead.severity}</Badge> : <Badge tone="good">No break found</Badge>}
          </div>
          <p className="text-sm text-slate-600">
            {[lead.title, lead.company].filter(Boolean).join(" at ") || "No title or company recorded"} · {sourceLabel(lead.originalSource)}{" "}
            ·{" "}
            <Link href={`/leads/${lead.id}`} className="text-brand-700 hover:underline">
              lead record
            </Link>
          </p>
          <div className="mt-2">
            <LiveRefresh url={`/api/review/leads/${lead.id}/stamp`} stamp={stamp} />
          </div>
        </div>
        <div className="flex flex-col items-end gap-2">
          <ReviewStatusControl leadId={lead.id} status={review?.status ?? "to_review"} version={review?.version ?? 0} canEdit={canEdit} />
          <div className="flex items-center gap-2 text-sm text-slate-600">
            {board.position !== null ? (
              <span className="tabular-nums">
                {board.position} of {board.total} on the board
              </span>
            ) : (
              <span>Not on the current board</span>
            )}
            {board.previousId && (
              <ButtonLink href={`/review/${board.previousId}${suffix}`} size="sm" variant="secondary" rel="prev">
                ← Previous
              </ButtonLink>
            )}
            {board.nextId && (
              <ButtonLink href={`/review/${board.nextId}${suffix}`} size="sm" variant="secondary" rel="next">
                Next →
              </ButtonLink>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
