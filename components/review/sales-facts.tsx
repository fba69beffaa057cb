import { FactList, type Fact } from "@/components/review/fact-list";
import { ACCEPTANCE_STATUS_LABELS, OUTCOME_LABELS } from "@/lib/leads/labels";
import { buyerFeedbackFacts } from "@/lib/leads/buyer-feedback-facts";
import type { ReviewLeadData } from "@/lib/review/queries";
import { formatDateTime, formatDuration } from "@/lib/time";

/** The sales side: who owned it, what they decided and why, what happened first and what comes next. */
export function SalesFacts({ lead, timeZone, now }: { lead: ReviewLeadData["lead"]; timeZone: string; now: Date }) {
  const after = (from: Date | null, to: Date | null, start: string) =>
    from && to ? `${formatDuration(to.getTime() - from.getTime())} after ${start}` : undefined;
  const decided = lead.acceptanceStatus !== "pending";
  const overdue = lead.nextActionDueAt && lead.nextActionDueAt < now && lead.outcome === "open";
  const facts: Fact[] = [
    { label: "Routing", value: lead.queue ? `Queue: ${lead.queue}` : lead.owner ? "Assigned to a person" : null },
    {
      label: "Owner",
      value: lead.owner?.name ?? null,
      hint: lead.ownerAssignedAt
        ? `Assigned ${formatDateTime(lead.ownerAssignedAt, timeZone)} · ${after(lead.capturedAt, lead.ownerAssignedAt, "capture")}`
        : undefined,
    },
    {
      label: "Acceptance decision",
      value: ACCEPTANCE_STATUS_LABELS[lead.acceptanceStatus],
      hint:
        decided && lead.decidedAt
          ? `${formatDateTime(lead.decidedAt, timeZone)}${lead.decidedBy ? ` by ${lead.decidedBy.name}` : ""}`
          : undefined,
    },
    ...(lead.acceptanceStatus === "rejected"
      ? [
          {
            label: "Rejection reason",
            value: lead.rejectionReasonCode ? lead.rejectionReasonCode.replaceAll("_", " ") : null,
            hint: lead.rejectionDetail ?? "No detail given",
          } satisfies Fact,
        ]
      : []),
    ...buyerFeedbackFacts(lead).map(([label, value, hint]): Fact => ({ label, value, hint })),
    {
      label: "First sales action",
      value: lead.firstSalesActionAt ? formatDateTime(lead.firstSalesActionAt, timeZone) : null,
      hint: after(lead.ownerAssignedAt, lead.firstSalesActionAt, "assignment"),
    },
    {
      label: "Next action",
      value: lead.nextAction,
      hint: lead.nextActionDueAt ? (
        <span className={overdue ? "font-medium text-red-700" : undefined}>
          Due {formatDateTime(lead.nextActionDueAt, timeZone)}
          {overdue ? " · overdue" : ""}
        </span>
      ) : undefined,
    },
    { label: "Outcome", value: OUTCOME_LABELS[lead.outcome], hint: lead.outcomeAt ? formatDateTime(lead.outcomeAt, timeZone) : undefined },
  ];
  return <FactList facts={facts} />;
}
