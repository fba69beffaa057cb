import { FactList, type Fact } from "@/components/review/fact-list";
import { INTENT_LABELS, PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { sourceLabel } from "@/lib/leads/labels";
import type { ReviewLeadData } from "@/lib/review/queries";
import { formatDateTime } from "@/lib/time";

/** The marketing side: why this buyer entered the system, and what sales was told to expect. */
export function MarketingFacts({ lead, timeZone }: { lead: ReviewLeadData["lead"]; timeZone: string }) {
  const criteria = Array.isArray(lead.leadType?.acceptanceCriteria)
    ? (lead.leadType.acceptanceCriteria as { id?: string; label?: string }[])
    : [];
  const facts: Fact[] = [
    { label: "Captured", value: formatDateTime(lead.capturedAt, timeZone) },
    { label: "Original source", value: lead.originalSource ? sourceLabel(lead.originalSource) : null, hint: lead.sourceDetail },
    { label: "Campaign / offer", value: lead.campaign || lead.offer ? [lead.campaign, lead.offer].filter(Boolean).join(" · ") : null },
    { label: "Conversion point", value: lead.conversionPoint },
    { label: "Landing page", value: lead.landingPage ? <span className="break-all">{lead.landingPage}</span> : null },
    { label: "Buyer's message", value: lead.buyerMessage, quote: true },
    {
      label: "Lead type",
      value: lead.leadType?.name ?? null,
      hint: lead.leadType
        ? `${INTENT_LABELS[lead.leadType.intent]} · ${lead.priority ? PRIORITY_LABELS[lead.priority] : "no priority"}`
        : undefined,
    },
    {
      label: "Acceptance criteria",
      value: criteria.length ? (
        <ul className="list-disc space-y-0.5 pl-4 text-slate-800">
          {criteria.map((criterion, index) => (
            <li key={criterion.id ?? index}>{criterion.label ?? criterion.id}</li>
          ))}
        </ul>
      ) : null,
    },
  ];
  return <FactList facts={facts} />;
}
