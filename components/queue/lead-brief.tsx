import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { captureContextLine } from "@/components/queue/capture-context";
import { SlaCountdown } from "@/components/queue/sla-countdown";
import type { QueueItem } from "@/lib/decisions/queue-queries";
import { formatDateTime } from "@/lib/time";

const SLA_NAMES = { decision: "Decision", first_action: "First action" } as const;

/** The selected lead: what the rep needs to decide, in the order they read it. */
export function LeadBrief({ lead, timeZone, now }: { lead: QueueItem; timeZone: string; now: Date }) {
  const waiting = lead.acceptanceStatus === "info_requested";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">{lead.name}</h2>
          <p className="text-sm text-slate-600">
            {[lead.title, lead.company].filter(Boolean).join(" at ") || "No title or company recorded"}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">{[lead.email, lead.phone].filter(Boolean).join(" · ") || "No contact details"}</p>
        </div>
        <Link href={`/leads/${lead.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          Open lead and timeline
        </Link>
      </div>

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-slate-500">{SLA_NAMES[lead.sla.kind]} SLA</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <SlaCountdown startedAt={lead.sla.startedAt} deadline={lead.sla.deadline} now={now} waiting={waiting} />
            <span className="text-xs text-slate-500">
              {lead.sla.priority.toUpperCase()} · {lead.sla.slaText} · due {formatDateTime(lead.sla.deadline, timeZone)}
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Captured from</dt>
          <dd className="text-slate-900">{captureContextLine(lead)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Lead type</dt>
          <dd className="text-slate-900">{lead.leadTypeName ?? "Unknown: no acceptance criteria to check"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Owner</dt>
          <dd className="text-slate-900">{lead.owner?.name ?? "Nobody"}</dd>
        </div>
      </dl>

      {lead.buyerMessage && (
        <blockquote className="border-l-2 border-slate-300 pl-3 text-sm break-words whitespace-pre-wrap text-slate-700 italic">
          {lead.buyerMessage}
        </blockquote>
      )}

      {lead.criteria.length > 0 && (
        <div>
          <h3 className="text-xs font-medium text-slate-500">{lead.leadTypeName} needs</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
            {lead.criteria.map((criterion) => (
              <li key={criterion.id}>{criterion.label}</li>
            ))}
          </ul>
        </div>
      )}

      {lead.infoRequest && <InfoExchange request={lead.infoRequest} timeZone={timeZone} />}
    </div>
  );
}

function InfoExchange({ request, timeZone }: { request: NonNullable<QueueItem["infoRequest"]>; timeZone: string }) {
  return (
    <div
      className={
        request.answer
          ? "rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm"
          : "rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      }
    >
      <p className="text-xs text-slate-500">
        {request.askedByName} asked marketing on {formatDateTime(request.askedAt, timeZone)}
      </p>
      <p className="mt-0.5 break-words whitespace-pre-wrap text-slate-900">{request.question}</p>
      {request.answer ? (
        <div className="mt-2">
          <p className="flex items-center gap-2 text-xs text-emerald-800">
            <Badge tone="good">Answered</Badge> {request.answeredByName ?? "Marketing"}
            {request.answeredAt && ` on ${formatDateTime(request.answeredAt, timeZone)}`}
          </p>
          <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{request.answer}</p>
        </div>
      ) : (
        <p className="mt-2 text-xs text-slate-600">Waiting for marketing&apos;s answer. You can still accept or reject now.</p>
      )}
    </div>
  );
}
