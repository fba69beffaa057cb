import { Badge } from "@/components/ui/badge";
import { ACCEPTANCE_STATUS_LABELS, OUTCOME_LABELS, sourceLabel } from "@/lib/leads/labels";
import type { LeadDetail } from "@/lib/leads/queries";
import { formatDateTime } from "@/lib/time";

export function LeadSummary({ lead, timeZone, crmLink }: { lead: LeadDetail; timeZone: string; crmLink?: { label: string; href: string } | null }) {
  const facts: [string, React.ReactNode][] = [
    ["Company", lead.company ?? "—"],
    ["Email", lead.email ?? "—"],
    ["Captured", formatDateTime(lead.capturedAt, timeZone)],
    ["Source", `${sourceLabel(lead.originalSource)}${lead.campaign ? ` · ${lead.campaign}` : ""}`],
    ["Lead type", lead.leadType ? `${lead.leadType.name} (${lead.priority?.toUpperCase() ?? "no priority"})` : "Unknown"],
    ["Owner", lead.owner?.name ?? (lead.queue ? `Queue: ${lead.queue}` : "Unassigned")],
    ["Decision", ACCEPTANCE_STATUS_LABELS[lead.acceptanceStatus]],
    ["Outcome", OUTCOME_LABELS[lead.outcome]],
  ];
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
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
        {lead.flagged ? <Badge tone="bad">Flagged · severity {lead.severity}</Badge> : <Badge tone="good">No break found</Badge>}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
