import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { LeadDetail } from "@/lib/leads/queries";
import type { SystemNote } from "@/lib/notify/lead-notes";
import { formatDateTime, formatDuration } from "@/lib/time";

// The handoff timeline: each fact with who did it and how long after the previous step it came.
export function LeadTimeline({ events, notes = [], timeZone }: { events: LeadDetail["events"]; notes?: SystemNote[]; timeZone: string }) {
  if (events.length === 0 && notes.length === 0) {
    return <p className="text-sm text-slate-500">No events recorded. Without a timeline the handoff cannot be shown to have worked.</p>;
  }
  // System notes (who was told what, and whether it arrived) sit among the facts in time order.
  const entries = [
    ...events.map((event, index) => ({ at: event.occurredAt.getTime(), event, index, note: null })),
    ...notes.map((note) => ({ at: note.at.getTime(), event: null, index: -1, note })),
  ].sort((a, b) => a.at - b.at);
  return (
    <ol aria-label="Timeline events" className="relative space-y-4 border-l border-slate-200 pl-5">
      {entries.map(({ event, index, note }) => {
        if (note) return <SystemNoteItem key={note.id} note={note} timeZone={timeZone} />;
        if (!event) return null;
        const previous = index > 0 ? events[index - 1] : undefined;
        const gap = previous ? event.occurredAt.getTime() - previous.occurredAt.getTime() : null;
        const actor = event.actor?.name ?? event.actorName ?? "System";
        return (
          <li key={event.id} className="relative">
            <span
              aria-hidden
              className="ring-brand-200 absolute top-1.5 -left-[26px] h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-500 ring-1"
            />
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <p className="text-sm font-medium text-slate-900">
                {EVENT_TYPE_LABELS[event.type] ?? event.type}
                {event.channel && <span className="font-normal text-slate-500"> · {event.channel}</span>}
              </p>
              <time dateTime={event.occurredAt.toISOString()} className="text-xs text-slate-500 tabular-nums">
                {formatDateTime(event.occurredAt, timeZone)}
              </time>
            </div>
            <p className="text-xs text-slate-600">
              by {actor}
              {gap !== null && (
                <span className="text-slate-400">
                  {" "}
                  · {gap === 0 ? "same time as previous step" : `${formatDuration(gap)} after previous step`}
                </span>
              )}
            </p>
            <EventDetails details={event.details} timeZone={timeZone} />
          </li>
        );
      })}
    </ol>
  );
}

function SystemNoteItem({ note, timeZone }: { note: SystemNote; timeZone: string }) {
  return (
    <li className="relative" data-testid="system-note">
      <span aria-hidden className="absolute top-1.5 -left-[25px] h-2 w-2 rounded-full bg-slate-300" />
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="text-sm text-slate-700">
          <span className="font-medium">System note:</span> {note.title}
        </p>
        <time dateTime={note.at.toISOString()} className="text-xs text-slate-500 tabular-nums">
          {formatDateTime(note.at, timeZone)}
        </time>
      </div>
      <p className="text-xs text-slate-500">Told {note.outcome}</p>
    </li>
  );
}

const DETAIL_LABELS: Record<string, string> = {
  queue: "Queue",
  reason: "Reason",
  reasonCode: "Reason code",
  reasonDetail: "Detail",
  nextAction: "Next action",
  dueAt: "Due",
  question: "Question",
  answer: "Answer",
  summary: "Summary",
  note: "Note",
};

const DATE_KEYS = new Set(["dueAt"]);

function EventDetails({ details, timeZone }: { details: unknown; timeZone: string }) {
  if (!details || typeof details !== "object") return null;
  const record = details as Record<string, unknown>;
  const lines = Object.entries(DETAIL_LABELS).flatMap(([key, label]) => {
    const value = record[key];
    if (typeof value !== "string" || !value) return [];
    const shown = DATE_KEYS.has(key) && !Number.isNaN(Date.parse(value)) ? formatDateTime(value, timeZone) : value;
    return [[label, shown] as const];
  });
  const criteria = record.criteria && typeof record.criteria === "object" ? Object.entries(record.criteria as Record<string, boolean>) : [];
  if (!lines.length && !criteria.length) return null;
  return (
    <dl className="mt-1 space-y-0.5 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700">
      {lines.map(([label, value]) => (
        <div key={label} className="flex gap-2">
          <dt className="shrink-0 font-medium text-slate-500">{label}</dt>
          <dd className="break-words whitespace-pre-wrap">{value}</dd>
        </div>
      ))}
      {criteria.length > 0 && (
        <div className="flex gap-2">
          <dt className="shrink-0 font-medium text-slate-500">Criteria</dt>
          <dd>{criteria.map(([id, met]) => `${met ? "✓" : "✗"} ${id.replaceAll("_", " ")}`).join(" · ")}</dd>
        </div>
      )}
    </dl>
  );
}
