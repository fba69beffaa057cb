import { Badge } from "@/components/ui/badge";
import { ACCEPTANCE_STATUS_LABELS, OUTCOME_LABELS, sourceLabel } from "@/lib/leads/labels";
import type { LeadDiagnosis } from "@/lib/diagnosis/types";
import { buyerFeedbackFacts } from "@/lib/leads/buyer-feedback-facts";
import type { LeadDetail } from "@/lib/leads/queries";
import { formatDateTime } from "@/lib/time";

/** Priority as the diagnosis used it: the lead type's, or an explicit override said to be one. */
function priorityText(lead: LeadDetail, facts: LeadDiagnosis["facts"] | undefined): string {
  if (!facts) return lead.priority?.toUpperCase() ?? "no priority";
  const tier = facts.priority.toUpperCase();
  if (facts.prioritySource === "override")
    return facts.leadTypePriority && facts.leadTypePriority !== facts.priority
      ? `${tier}, override of ${facts.leadTypePriority.toUpperCase()}`
      : `${tier}, set on the lead`;
  return facts.prioritySource === "default" ? `${tier} by default` : tier;
}

/** The record as its events show it (the diagnosis's facts), so the header agrees with the steps below. */
export function LeadSummary({
  lead,
  diagnosis,
  timeZone,
  crmLink,
}: {
  lead: LeadDetail;
  diagnosis: LeadDiagnosis | null;
  timeZone: string;
  crmLink?: { label: string; href: string } | null;
}) {
  const facts = diagnosis?.facts;
  const ownerName = facts
    ? (facts.currentOwnerName ?? (facts.currentOwnerId ? "A person with no name on record" : null))
    : (lead.owner?.name ?? null);
  const queue = facts ? facts.queue : lead.queue;
  const acceptance = facts?.acceptanceStatus ?? lead.acceptanceStatus;
  const outcome =
    facts?.closedAs === "rejected" && facts.outcome === "open" ? "Closed by the rejection" : OUTCOME_LABELS[facts?.outcome ?? lead.outcome];
  const flagged = diagnosis ? diagnosis.flagged : lead.flagged;
  const severity = diagnosis ? diagnosis.severity : lead.severity;
  const rows: [string, React.ReactNode][] = [
    ["Company", lead.company ?? "—"],
    ["Email", lead.email ?? "—"],
    ["Captured", formatDateTime(lead.capturedAt, timeZone)],
    ["Source", `${sourceLabel(lead.originalSource)}${lead.campaign ? ` · ${lead.campaign}` : ""}`],
    ["Lead type", `${lead.leadType ? lead.leadType.name : "Unknown"} (${priorityText(lead, facts)})`],
    ["Owner", ownerName ?? (queue ? `Queue: ${queue}` : "Unassigned")],
    ["Decision", ACCEPTANCE_STATUS_LABELS[acceptance]],
    ["Outcome", outcome],
    ...buyerFeedbackFacts(lead).map(([label, value, hint]): [string, React.ReactNode] => [label, hint ? `${value}: “${hint}”` : value]),
  ];
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-4 [overflow-wrap:anywhere] shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{lead.name}</h1>
          <p className="text-sm text-slate-600">
            {[lead.title, lead.company].filter(Boolean).join(" at ") || "No title or company recorded"}
          </p>
          <p className="mt-1 text-xs text-slate-400">
            {lead.sourceSystem} · {lead.externalId}
            {crmLink && (
              <>
                {" · "}
                <a href={crmLink.href} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 hover:underline">
                  {crmLink.label}
                </a>
              </>
            )}
          </p>
        </div>
        {flagged ? <Badge tone="bad">Flagged · severity {severity}</Badge> : <Badge tone="good">No break found</Badge>}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {rows.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
