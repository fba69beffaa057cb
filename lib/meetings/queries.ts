import "server-only";
import { db, type Prisma } from "@/lib/db";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { dueDay, findCiteableFixes, findFixOwnerOptions } from "@/lib/fixes/queries";
import { FIX_FIELDS } from "@/lib/fixes/status";
import { buildMeetingSummary } from "@/lib/meetings/summary";
import { tallyItems } from "@/lib/meetings/tally";
import { effectiveFailurePoints } from "@/lib/review/failure-points";
import { parseBoardQuery } from "@/lib/review/board-query";
import { countByReviewStatus, findReviewLead, getBoardCalendar } from "@/lib/review/queries";
import { toLocalDateTime } from "@/lib/meetings/schedule";
import { formatDate } from "@/lib/time";

// Reads of the meetings pages: the list, one meeting with its agenda, the presenter view and the summary.

const ITEM_SELECT = {
  id: true,
  position: true,
  decision: true,
  decisionNote: true,
  decidedAt: true,
  version: true,
  decidedBy: { select: { name: true } },
  lead: {
    select: {
      id: true,
      name: true,
      company: true,
      originalSource: true,
      severity: true,
      failurePoints: true,
      objectionCode: true,
      objectionDetail: true,
      sourceSignal: true,
      failureTags: { select: { failurePoint: true, verdict: true } },
    },
  },
} as const satisfies Prisma.MeetingItemSelect;

/** A meeting's own state, without its people and agenda: what the mutations check, change and audit. */
export const MEETING_STATE_SELECT = {
  id: true,
  title: true,
  scheduledFor: true,
  status: true,
  currentItemId: true,
  endedAt: true,
  version: true,
} as const satisfies Prisma.MeetingSelect;

const MEETING_SELECT = {
  ...MEETING_STATE_SELECT,
  createdBy: { select: { name: true } },
  attendees: { select: { user: { select: { id: true, name: true, role: true } } }, orderBy: { user: { name: "asc" } } },
  items: { select: ITEM_SELECT, orderBy: [{ position: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.MeetingSelect;

type MeetingRecord = Prisma.MeetingGetPayload<{ select: typeof MEETING_SELECT }>;
export type AgendaItem = ReturnType<typeof toAgendaItems>[number];

/** Agenda items with the failure points that stand after people's tags. */
function toAgendaItems(items: MeetingRecord["items"]) {
  return items.map(({ lead: { failureTags, ...lead }, ...item }) => ({
    ...item,
    lead: { ...lead, failurePoints: effectiveFailurePoints(lead.failurePoints, failureTags) },
  }));
}

export async function findMeetings() {
  const [meetings, timeZone] = await Promise.all([
    db.meeting.findMany({
      orderBy: [{ scheduledFor: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        scheduledFor: true,
        status: true,
        attendees: { select: { user: { select: { name: true } } } },
        items: { select: { decision: true } },
        _count: { select: { fixes: true } },
      },
    }),
    getWorkspaceTimeZone(),
  ]);
  return { meetings, timeZone };
}

export interface ComingMeeting {
  id: number;
  title: string;
  scheduledFor: string;
}

/** Meetings whose agenda can still grow (planned or running), soonest first: the lists' "add to agenda". */
export async function findComingMeetings(): Promise<ComingMeeting[]> {
  const meetings = await db.meeting.findMany({
    where: { status: { not: "ended" } },
    orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, title: true, scheduledFor: true },
  });
  return meetings.map((meeting) => ({ ...meeting, scheduledFor: meeting.scheduledFor.toISOString() }));
}

async function findMeetingRecord(id: number) {
  const meeting = await db.meeting.findUnique({ where: { id }, select: MEETING_SELECT });
  return meeting ? { ...meeting, items: toAgendaItems(meeting.items) } : null;
}

function tallyAgenda(items: AgendaItem[]) {
  return tallyItems(items.map((item) => ({ decision: item.decision, failurePoints: item.lead.failurePoints })));
}

export async function findMeetingPage(id: number) {
  // Fingerprint first, data after: see findReviewPage.
  const stamp = await meetingStamp(id);
  const meeting = await findMeetingRecord(id);
  if (!meeting) return null;
  const [users, timeZone, fixes] = await Promise.all([
    db.user.findMany({ where: { active: true }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
    getWorkspaceTimeZone(),
    db.fix.count({ where: { meetingId: id } }),
  ]);
  return { meeting, users, timeZone, stamp, fixCount: fixes, tally: tallyAgenda(meeting.items) };
}

/** The presenter view: the meeting, the lead on screen (the shared current item) and the running tally. */
export async function findPresenterPage(id: number) {
  // Fingerprint first, data after: see findReviewPage.
  const stamp = await meetingStamp(id);
  const meeting = await findMeetingRecord(id);
  if (!meeting) return null;
  const current = meeting.items.find((item) => item.id === meeting.currentItemId) ?? meeting.items[0] ?? null;
  const [lead, owners, citeableFixes, timeZone, meetingFixes] = await Promise.all([
    current ? findReviewLead(current.lead.id) : null,
    findFixOwnerOptions(),
    current ? findCiteableFixes(current.lead.id) : [],
    getWorkspaceTimeZone(),
    db.fix.findMany({
      where: { meetingId: id },
      orderBy: { id: "asc" },
      select: { id: true, title: true, owner: { select: { name: true } }, dueDate: true },
    }),
  ]);
  return {
    meeting,
    current,
    lead,
    owners,
    citeableFixes,
    timeZone,
    now: new Date(),
    stamp,
    tally: tallyAgenda(meeting.items),
    meetingFixes: meetingFixes.map((fix) => ({ ...fix, dueDate: dueDay(fix.dueDate) })),
  };
}

export async function findMeetingSummary(id: number) {
  const [meeting, fixes, timeZone] = await Promise.all([
    db.meeting.findUnique({ where: { id }, select: MEETING_SELECT }),
    db.fix.findMany({
      where: { meetingId: id },
      orderBy: { id: "asc" },
      select: {
        ...FIX_FIELDS,
        owner: { select: { name: true } },
        leads: { select: { lead: { select: { id: true, name: true } } }, orderBy: { leadId: "asc" } },
      },
    }),
    getWorkspaceTimeZone(),
  ]);
  if (!meeting) return null;
  const summary = buildMeetingSummary({
    meeting: {
      id: meeting.id,
      title: meeting.title,
      scheduledFor: meeting.scheduledFor,
      status: meeting.status,
      endedAt: meeting.endedAt,
      attendees: meeting.attendees.map((row) => row.user.name),
    },
    items: meeting.items.map((item) => ({
      position: item.position,
      lead: item.lead,
      tags: item.lead.failureTags,
      decision: item.decision,
      decisionNote: item.decisionNote,
      decidedBy: item.decidedBy?.name ?? null,
    })),
    fixes: fixes.map((fix) => ({
      ...fix,
      owner: fix.owner?.name ?? null,
      dueDate: dueDay(fix.dueDate),
      leads: fix.leads.map((row) => row.lead),
    })),
  });
  return { summary, timeZone };
}

/**
 * A fingerprint of everything on a meeting that people change: details, agenda, decisions, the shared
 * current item, its fixes, and the notes, tags, reviews and fixes of every lead on the agenda. Polled by
 * the meeting pages; read from PostgreSQL, so every app instance sees the same value.
 */
export async function meetingStamp(id: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ stamp: string | null }[]>`
    WITH agenda AS (SELECT lead_id FROM meeting_items WHERE meeting_id = ${id})
    SELECT md5(concat_ws('|',
      (SELECT concat(m.version, ':', m.status, ':', m.current_item_id, ':', m.updated_at) FROM meetings m WHERE m.id = ${id}),
      (SELECT string_agg(concat(i.id, '@', i.position, ':', i.version), ',' ORDER BY i.id) FROM meeting_items i WHERE i.meeting_id = ${id}),
      (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = ${id}),
      (SELECT concat(count(*), ':', max(f.updated_at)) FROM fixes f WHERE f.meeting_id = ${id}
         OR f.id IN (SELECT fl.fix_id FROM fix_leads fl WHERE fl.lead_id IN (SELECT lead_id FROM agenda))),
      (SELECT concat(count(*), ':', max(a.updated_at)) FROM annotations a WHERE a.lead_id IN (SELECT lead_id FROM agenda)),
      (SELECT concat(count(*), ':', max(t.updated_at)) FROM lead_failure_tags t WHERE t.lead_id IN (SELECT lead_id FROM agenda)),
      (SELECT concat(count(*), ':', max(r.updated_at)) FROM lead_reviews r WHERE r.lead_id IN (SELECT lead_id FROM agenda))
    )) AS stamp
    WHERE EXISTS (SELECT 1 FROM meetings WHERE id = ${id})`;
  return rows[0]?.stamp ?? null;
}

/** The new-meeting form: the board it will draw from (with counts), who can attend, sensible defaults. */
export async function findNewMeetingPage(params: Record<string, string | string[] | undefined>) {
  const calendar = await getBoardCalendar();
  const query = parseBoardQuery(params, calendar);
  const [counts, users] = await Promise.all([
    countByReviewStatus(query),
    db.user.findMany({
      where: { active: true, role: { not: "viewer" } },
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
    }),
  ]);
  // Defaults: the next full hour today, in the workspace time zone.
  const nextHour = new Date(Math.ceil(calendar.now.getTime() / 3_600_000) * 3_600_000);
  return {
    query,
    counts,
    users,
    timeZone: calendar.timeZone,
    defaultScheduledFor: toLocalDateTime(nextHour, calendar.timeZone),
    today: formatDate(calendar.now, calendar.timeZone),
  };
}
