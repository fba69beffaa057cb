import type { SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import { OUTCOME_OF_EVENT, type EventType, type Priority } from "@/lib/diagnosis/vocabulary";
import { eventTypeOfTarget } from "@/lib/import/fields";
import type { RowIssue } from "@/lib/import/issues";
import { combineStates, isLeadState, type LeadState } from "@/lib/import/lead-states";
import { RowReader, type PendingEvent, type TransformContext } from "@/lib/import/transform-cells";
import { slugifyValue } from "@/lib/import/values";
import type { LeadUpsertInput } from "@/lib/leads/upsert";
import { normalizeEmail } from "@/lib/leads/upsert-normalize";
import type { PersonRef } from "@/lib/people/types";

// One row of a leads file -> the lead to upsert, its timeline events (capture, and one per mapped date
// column) and the row's issues. Pure: the same row always gives the same records, which is what makes
// re-importing a file a no-op. Assignment and first-action times are not set here: the diagnosis
// derives them from the events (lib/rediagnosis/save-batch.ts).

export interface LeadRowResult {
  lead: LeadUpsertInput | null;
  events: PendingEvent[];
  issues: RowIssue[];
  /** The CRM's owner when no user matched: the import resolves it to a person and sets lead.ownerId. */
  ownerRef: PersonRef | null;
}

const MAX_EXTERNAL_ID = 200;
const EVENT_STATE: Partial<Record<EventType, LeadState>> = {
  accepted: "accepted",
  rejected: "rejected",
  info_requested: "info_requested",
  ...OUTCOME_OF_EVENT,
};
const OUTCOME_EVENTS = new Set(Object.keys(OUTCOME_OF_EVENT) as EventType[]);
const DECISION_EVENTS = new Set<EventType>(["accepted", "rejected", "info_requested"]);

function earliest(dates: (Date | null)[]): Date | null {
  const valid = dates.filter((date): date is Date => date !== null);
  return valid.length ? new Date(Math.min(...valid.map((date) => date.getTime()))) : null;
}

/** What identifies a leads row: its external id, else its email (normalised). Reads no other cell. */
function identityOf(reader: RowReader) {
  const emailColumn = reader.column("email");
  const rawEmail = emailColumn ? reader.raw(emailColumn) : "";
  const email = rawEmail ? normalizeEmail(rawEmail) : null;
  return { emailColumn, rawEmail, email, externalId: reader.text("externalId") ?? email };
}

/** The id a leads row would be imported under (if the row is valid): the cheap first look of lib/import/pipeline.ts. */
export function leadIdOfRow(cells: readonly string[], row: number, context: TransformContext): string | null {
  return identityOf(new RowReader(cells, row, context)).externalId;
}

export function transformLeadRow(cells: readonly string[], row: number, context: TransformContext): LeadRowResult {
  const reader = new RowReader(cells, row, context);
  const { emailColumn, rawEmail, email, externalId } = identityOf(reader);
  if (emailColumn && rawEmail && !email) reader.warn(emailColumn, rawEmail, "Not an email address: stored without email.");

  if (!externalId) {
    reader.report(
      reader.column("externalId") ?? null,
      null,
      reader.column("externalId")
        ? "No external id: the row cannot be matched to a lead on re-import."
        : "No email to identify the lead by.",
    );
  } else if (externalId.length > MAX_EXTERNAL_ID)
    reader.report(reader.column("externalId") ?? null, externalId, `The external id is longer than ${MAX_EXTERNAL_ID} characters.`);

  // A person's name is evidence, not a precondition: an id alone identifies the lead (shown by its id).
  const fullName = reader.text("name") ?? [reader.text("firstName"), reader.text("lastName")].filter(Boolean).join(" ");
  const name = fullName || email || rawEmail || externalId;

  const capturedColumn = reader.column("capturedAt");
  const capturedAt = capturedColumn ? reader.date(capturedColumn, "error", "the row was not imported") : null;
  if (!capturedColumn || !reader.raw(capturedColumn))
    reader.report(capturedColumn ?? null, null, "No capture date: the SLA clocks start there, so the row was not imported.");

  const owner = reader.person("owner");
  const ownerId = owner?.id ?? (owner ? null : undefined);
  const ownerRef = owner?.ref ?? null;
  const leadTypeKey = reader.choiceOf("leadType", "Not a known lead type: the lead is stored without one.");
  const priority = reader.choiceOf("priority", "Not a priority (P1, P2 or P3): left empty.");
  const source = reader.choiceOf("originalSource", "Not a usable source: left empty.");
  const reasonColumn = reader.column("rejectionReason");
  const reason = reader.choiceOf("rejectionReason", "Not a defined rejection reason: the text is kept as the rejection detail.");
  // An unknown reason is still feedback: keep its text as the detail unless a detail column exists.
  const reasonText = reasonColumn && reason === "" && !reader.column("rejectionDetail") ? reader.raw(reasonColumn) || null : undefined;

  // The buyer's objection and the source-quality signal: an unknown value is refused (reported, not stored).
  const objection = reader.choiceOf(
    "objection",
    "Not a defined objection: not imported. Map it to one of the objections on the values step.",
  );
  const objectionDetail = objection ? reader.text("objectionDetail") : undefined;
  const signal = reader.choiceOf(
    "sourceSignal",
    "Not a source-quality signal (good fit, wrong person, wrong company, not a real buyer): not imported.",
  );

  // Timeline events from date columns; the same column always gives the same event id.
  const events: PendingEvent[] = [];
  const eventDates = new Map<EventType, Date[]>();
  for (const column of reader.columns((candidate) => eventTypeOfTarget(candidate.target.id) !== null)) {
    const type = eventTypeOfTarget(column.target.id)!;
    const occurredAt = reader.date(column, "warning", "this event was not added");
    if (!occurredAt || !externalId) continue;
    eventDates.set(type, [...(eventDates.get(type) ?? []), occurredAt]);
    const details: Record<string, unknown> = { column: column.header };
    const assignment = type === "assigned" || type === "reassigned";
    if (assignment && ownerId) details.ownerId = String(ownerId);
    if (type === "rejected" && reason) details.reasonCode = reason;
    events.push({
      leadExternalId: externalId,
      type,
      occurredAt,
      actorId: type === "assigned" || type === "reassigned" || type === "routed" ? null : (ownerId ?? null),
      actorName: type === "assigned" || type === "reassigned" || type === "routed" ? context.sourceSystem : null,
      channel: null,
      details,
      externalId: `${externalId}#${type}#${slugifyValue(column.header)}`,
      ...(ownerRef && type !== "routed" ? { person: { ref: ownerRef, as: assignment ? ("owner" as const) : ("actor" as const) } } : {}),
    });
  }
  if (capturedAt && externalId) {
    events.push({
      leadExternalId: externalId,
      type: "captured",
      occurredAt: capturedAt,
      actorId: null,
      actorName: context.sourceSystem,
      channel: null,
      details: {},
      externalId: `${externalId}#captured`,
    });
  }

  const states = reader
    .columns((column) => column.target.id === "status")
    .map((column) => reader.choice(column, "Not a status we know: the lead is kept as awaiting a decision. Map it on the values step."));
  const mapped = new Set(context.mapping.columns.map((column) => column.target.id));
  const eventStates = [...eventDates.keys()].flatMap((type) => (EVENT_STATE[type] ? [EVENT_STATE[type]] : []));
  const stateColumns = mapped.has("status") || [...mapped].some((id) => EVENT_STATE[eventTypeOfTarget(id) as EventType]);
  const state = stateColumns
    ? (combineStates([...states.filter(isLeadState), ...eventStates]) ?? { acceptance: "pending" as const, outcome: "open" as const })
    : undefined;
  const datesOf = (types: Set<EventType>) => [...eventDates].filter(([type]) => types.has(type)).flatMap(([, dates]) => dates);
  const mappedEventOf = (types: Set<EventType>) => [...mapped].some((id) => types.has(eventTypeOfTarget(id) as EventType));

  if (reader.failed || !externalId || !name || !capturedAt) return { lead: null, events: [], issues: reader.issues, ownerRef: null };
  const lead: LeadUpsertInput = {
    externalId,
    name: name.slice(0, 300),
    ...(emailColumn ? { email } : {}),
    ...optional("phone", reader.text("phone")),
    ...optional("company", reader.text("company")),
    ...optional("title", reader.text("title")),
    ...optional("website", reader.text("website")),
    capturedAt,
    ...optional("originalSource", source === undefined ? undefined : source || null),
    ...optional("sourceDetail", reader.text("sourceDetail")),
    ...optional("campaign", reader.text("campaign")),
    ...optional("offer", reader.text("offer")),
    ...optional("conversionPoint", reader.text("conversionPoint")),
    ...optional("landingPage", reader.text("landingPage")),
    ...optional("buyerMessage", reader.text("buyerMessage")),
    ...optional("leadTypeKey", leadTypeKey === undefined ? undefined : leadTypeKey || null),
    ...optional("priority", priority === undefined ? undefined : ((priority || null) as Priority | null)),
    ...optional("ownerId", ownerId),
    ...optional("queue", reader.text("queue")),
    ...optional("rejectionReasonCode", reason === undefined ? undefined : reason || null),
    ...optional("rejectionDetail", reader.text("rejectionDetail") ?? reasonText),
    ...optional("objectionCode", objection === undefined ? undefined : objection || null),
    ...optional("objectionDetail", objection === undefined ? undefined : (objectionDetail ?? null)),
    ...optional("sourceSignal", signal === undefined ? undefined : ((signal || null) as SourceSignal | null)),
    ...optional("nextAction", reader.text("nextAction")),
    ...optional("nextActionDueAt", reader.dateOf("nextActionDueAt")),
    ...(state ? { acceptanceStatus: state.acceptance, outcome: state.outcome } : {}),
    ...(mappedEventOf(DECISION_EVENTS) ? { decidedAt: earliest(datesOf(DECISION_EVENTS)) } : {}),
    ...(mappedEventOf(OUTCOME_EVENTS) ? { outcomeAt: latest(datesOf(OUTCOME_EVENTS)) } : {}),
  };
  return { lead, events, issues: reader.issues, ownerRef };
}

function latest(dates: Date[]): Date | null {
  return dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
}

/** `{ key: value }` when the column is mapped (value !== undefined), else nothing: unmapped fields stay untouched. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
