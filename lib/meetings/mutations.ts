import "server-only";
import { notifyAgendaPublished } from "@/lib/notify/events";
import { db, type Prisma } from "@/lib/db";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { buildAgenda, moveInOrder } from "@/lib/meetings/agenda";
import { MEETING_STATE_SELECT } from "@/lib/meetings/queries";
import { fromLocalDateTime } from "@/lib/meetings/schedule";
import {
  agendaMoveSchema,
  agendaRemoveSchema,
  goToItemSchema,
  meetingCreateSchema,
  meetingStateSchema,
  meetingUpdateSchema,
} from "@/lib/meetings/schemas";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { auditMeeting } from "@/lib/meetings/audit";
import { parseInput } from "@/lib/actions/input";
import { StaleRecordError } from "@/lib/actions/result";
import { parseBoardQuery } from "@/lib/review/board-query";
import { findAgendaCandidates, getBoardCalendar, paramsFromQueryString } from "@/lib/review/queries";

// The writes of the meeting itself: create it with an agenda built from the board, edit its details,
// reorder the agenda, start, navigate and end it. Agenda and details carry the meeting's version (two
// organisers cannot silently undo each other); every change is audited in its transaction. Decisions
// on agenda items live in decisions.ts.

type Tx = Prisma.TransactionClient;
const MEETING_SELECT = MEETING_STATE_SELECT;

function meetingConflict(latest: { version: number; title: string } | null) {
  return new StaleRecordError("this meeting", {
    version: latest?.version ?? 0,
    text: latest ? `${latest.title} (agenda or details changed)` : null,
  });
}

async function checkAttendees(tx: Tx, ids: number[]) {
  const found = await tx.user.count({ where: { id: { in: ids }, active: true } });
  if (found !== ids.length)
    throw new ValidationError({ attendeeIds: ["Some attendees are no longer active users. Reload and choose again."] });
}

export async function createMeeting(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const values = parseInput(meetingCreateSchema, input);
  const calendar = await getBoardCalendar();
  const query = parseBoardQuery(paramsFromQueryString(values.board), calendar);
  const leadIds = buildAgenda(await findAgendaCandidates(query, values.onlyToReview), values.strategy, values.size);
  if (leadIds.length === 0) {
    throw new ValidationError({
      board: ["The board has no flagged leads to put on the agenda. Widen the period or the filters on the review board."],
    });
  }
  const meeting = await db.$transaction(async (tx) => {
    await checkAttendees(tx, values.attendeeIds);
    const after = await tx.meeting.create({
      data: {
        title: values.title,
        scheduledFor: fromLocalDateTime(values.scheduledFor, calendar.timeZone),
        createdById: actor.id,
        attendees: { create: values.attendeeIds.map((userId) => ({ userId })) },
        items: { create: leadIds.map((leadId, index) => ({ leadId, position: index + 1 })) },
      },
      select: MEETING_SELECT,
    });
    await auditMeeting(tx, actor, "meetings.meeting.create", after.id, {
      after: { ...after, attendeeIds: values.attendeeIds, agenda: leadIds, strategy: values.strategy, board: values.board },
    });
    return after;
  });
  await notifyAgendaPublished(meeting, values.attendeeIds, actor.id);
  return meeting;
}

async function lockedMeeting(tx: Tx, id: number, version: number) {
  const before = await tx.meeting.findUnique({ where: { id }, select: MEETING_SELECT });
  if (!before) throw new NotFoundError("That meeting");
  if (before.version !== version) throw meetingConflict(before);
  return before;
}

async function bump(tx: Tx, id: number, version: number, data: Prisma.MeetingUncheckedUpdateManyInput = {}) {
  const { count } = await tx.meeting.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw meetingConflict(await tx.meeting.findUnique({ where: { id }, select: MEETING_SELECT }));
  return tx.meeting.findUniqueOrThrow({ where: { id }, select: MEETING_SELECT });
}

export async function updateMeeting(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const { id, version, title, scheduledFor, attendeeIds } = parseInput(meetingUpdateSchema, input);
  const timeZone = await getWorkspaceTimeZone();
  return db.$transaction(async (tx) => {
    const before = await lockedMeeting(tx, id, version);
    await checkAttendees(tx, attendeeIds);
    const beforeAttendees = (await tx.meetingAttendee.findMany({ where: { meetingId: id }, select: { userId: true } })).map(
      (row) => row.userId,
    );
    await tx.meetingAttendee.deleteMany({ where: { meetingId: id } });
    await tx.meetingAttendee.createMany({ data: attendeeIds.map((userId) => ({ meetingId: id, userId })) });
    const after = await bump(tx, id, version, { title, scheduledFor: fromLocalDateTime(scheduledFor, timeZone) });
    await auditMeeting(tx, actor, "meetings.meeting.update", id, {
      before: { ...before, attendeeIds: beforeAttendees },
      after: { ...after, attendeeIds },
    });
    return after;
  });
}

async function agendaOrder(tx: Tx, meetingId: number) {
  return tx.meetingItem.findMany({
    where: { meetingId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, leadId: true, decision: true },
  });
}

/** One update at a time: a transaction has one connection, which runs one query at a time. */
async function writeOrder(tx: Tx, order: number[]) {
  for (const [index, itemId] of order.entries()) await tx.meetingItem.update({ where: { id: itemId }, data: { position: index + 1 } });
}

export async function moveAgendaItem(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const { meetingId, itemId, direction, version } = parseInput(agendaMoveSchema, input);
  return db.$transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, meetingId, version);
    if (meeting.status === "ended") throw new ValidationError({ form: ["The meeting has ended; its agenda is kept as it was."] });
    const before = (await agendaOrder(tx, meetingId)).map((item) => item.id);
    if (!before.includes(itemId)) throw new NotFoundError("That agenda item");
    const after = moveInOrder(before, itemId, direction);
    await writeOrder(tx, after);
    const updated = await bump(tx, meetingId, version);
    await auditMeeting(tx, actor, "meetings.agenda.reorder", meetingId, { before: { order: before }, after: { order: after } });
    return updated;
  });
}

export async function removeAgendaItem(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const { meetingId, itemId, version } = parseInput(agendaRemoveSchema, input);
  return db.$transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, meetingId, version);
    if (meeting.status === "ended") throw new ValidationError({ form: ["The meeting has ended; its agenda is kept as it was."] });
    const items = await agendaOrder(tx, meetingId);
    const index = items.findIndex((item) => item.id === itemId);
    const item = items[index];
    if (!item) throw new NotFoundError("That agenda item");
    if (item.decision)
      throw new ValidationError({ form: ["This lead already has a decision, so it stays on the record. Clear the decision first."] });
    const rest = items.filter((other) => other.id !== itemId);
    // The presenter's current lead moves on to the next one rather than pointing at nothing.
    const current = meeting.currentItemId === itemId ? ((rest[index] ?? rest[index - 1] ?? null)?.id ?? null) : meeting.currentItemId;
    await tx.meetingItem.delete({ where: { id: itemId } });
    await writeOrder(
      tx,
      rest.map((other) => other.id),
    );
    const updated = await bump(tx, meetingId, version, { currentItemId: current });
    await auditMeeting(tx, actor, "meetings.agenda.remove", meetingId, {
      before: { item },
      after: { order: rest.map((other) => other.id) },
    });
    return updated;
  });
}

export async function startMeeting(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const { id, version } = parseInput(meetingStateSchema, input);
  return db.$transaction(async (tx) => {
    const before = await lockedMeeting(tx, id, version);
    if (before.status === "running") return before;
    const first = (await agendaOrder(tx, id))[0];
    if (!first) throw new ValidationError({ form: ["The agenda is empty: add leads before starting."] });
    const after = await bump(tx, id, version, { status: "running", endedAt: null, currentItemId: before.currentItemId ?? first.id });
    await auditMeeting(tx, actor, "meetings.meeting.start", id, { before, after });
    return after;
  });
}

export async function endMeeting(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const { id, version } = parseInput(meetingStateSchema, input);
  return db.$transaction(async (tx) => {
    const before = await lockedMeeting(tx, id, version);
    if (before.status === "ended") return before;
    const after = await bump(tx, id, version, { status: "ended", endedAt: new Date() });
    await auditMeeting(tx, actor, "meetings.meeting.end", id, { before, after });
    return after;
  });
}

/**
 * Moves everyone on the meeting to another agenda item. A pointer, not content: the last move wins and
 * the meeting's version is left alone, so moving never makes someone's agenda edit stale.
 */
export async function goToAgendaItem(actor: Actor, input: unknown) {
  authorize(actor, "meetings.manage");
  const { meetingId, itemId } = parseInput(goToItemSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.meeting.findUnique({ where: { id: meetingId }, select: MEETING_SELECT });
    if (!before) throw new NotFoundError("That meeting");
    if (before.status !== "running") throw new ValidationError({ form: ["Start the meeting to present its agenda."] });
    if (!(await tx.meetingItem.findFirst({ where: { id: itemId, meetingId }, select: { id: true } })))
      throw new NotFoundError("That agenda item");
    if (before.currentItemId === itemId) return before;
    const after = await tx.meeting.update({ where: { id: meetingId }, data: { currentItemId: itemId }, select: MEETING_SELECT });
    await auditMeeting(tx, actor, "meetings.meeting.navigate", meetingId, {
      before: { currentItemId: before.currentItemId },
      after: { currentItemId: itemId },
    });
    return after;
  });
}
