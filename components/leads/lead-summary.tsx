import { Badge } from "@/components/ui/badge";
import { ACCEPTANCE_STATUS_LABELS, OUTCOME_LABELS, sourceLabel } from "@/lib/leads/labels";
import type { LeadDiagnosis } from "@/lib/diagnosis/types";
import { buyerFeedbackFacts } from "@/lib/leads/buyer-feedback-facts";
import type { LeadDetail } from "@/lib/leads/queries";
import type { CrmRecordView } from "@/lib/sync/crm-record";
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
  crm,
}: {
  lead: LeadDetail;
  diagnosis: LeadDiagnosis | null;
  timeZone: string;
  crm?: CrmRecordView | null;
}) {
  const crmLink = crm?.link;
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
    ["Owner", <OwnerWithCrm key="owner" name={ownerName ?? (queue ? `Queue: ${queue}` : "Unassigned")} crm={ownerName ? crm : null} />],
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
        {crm?.removal && (
          <Badge tone="warn">{crm.removal.mergedInto ? `Merged in ${crm.removal.crm}` : `Deleted in ${crm.removal.crm}`}</Badge>
        )}
        {flagged ? <Badge tone="bad">Flagged · severity {severity}</Badge> : <Badge tone="good">No break found</Badge>}
      </div>
      {crm?.removal && <RemovalNote removal={crm.removal} timeZone={timeZone} />}
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

/** The owner, with their identity in the CRM when the sync knows it (the lead's owner as the CRM names them). */
function OwnerWithCrm({ name, crm }: { name: string; crm: CrmRecordView | null | undefined }) {
  const owner = crm?.owner;
  if (!owner) return <>{name}</>;
  return (
    <>
      {name}{" "}
      {owner.link ? (
        <a href={owner.link.href} target="_blank" rel="noopener noreferrer" className="text-xs font-medium text-brand-700 hover:underline">
          ({owner.link.label})
        </a>
      ) : null}
    </>
  );
}

/** The CRM deleted this record or merged it into another: the lead stays, marked, and points at the survivor. */
function RemovalNote({ removal, timeZone }: { removal: NonNullable<CrmRecordView["removal"]>; timeZone: string }) {
  return (
    <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {removal.mergedInto ? (
        <>
          {removal.crm} merged this record into record {removal.mergedInto} on {formatDateTime(removal.at, timeZone)}.{" "}
          {removal.survivorLeadId ? (
            <a href={`/leads/${removal.survivorLeadId}`} className="font-medium underline">
              Open the surviving lead
            </a>
          ) : (
            "The surviving record is not synced into Baton yet."
          )}
        </>
      ) : (
        <>
          {removal.crm} deleted this record on {formatDateTime(removal.at, timeZone)}. Baton keeps the lead and its timeline for the
          diagnosis; the sync no longer changes it.
        </>
      )}
    </p>
  );
}
