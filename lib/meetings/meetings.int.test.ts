import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createFix } from "@/lib/fixes/mutations";
import { decideAgendaItem } from "@/lib/meetings/decisions";
import { createMeeting, endMeeting, goToAgendaItem, moveAgendaItem, removeAgendaItem, startMeeting } from "@/lib/meetings/mutations";
import { findMeetingSummary, meetingStamp } from "@/lib/meetings/queries";
import { renderSummaryCsv, renderSummaryMarkdown } from "@/lib/meetings/summary-render";
import { type Actor } from "@/lib/actions/authorize";
import { createActor } from "@/lib/actions/testing";
import { StaleRecordError } from "@/lib/actions/result";

// A meeting from board to summary against a real database: the agenda comes from the board's filters,
// two organisers or two deciders never silently overwrite each other, and everything is audited.

let manager: Actor;
let marketer: Actor;
let rep: Actor;
const leads: Record<string, number> = {};

async function agenda(meetingId: number) {
  return db.meetingItem.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    select: { id: true, leadId: true, position: true, version: true },
  });
}

beforeAll(async () => {
  [manager, marketer, rep] = await Promise.all([
    createActor("mo@example.com", "sales_manager"),
    createActor("mia@example.com", "marketing"),
    createActor("sam@example.com", "sales_rep"),
  ]);
  const rows: [string, number, string, string][] = [
    ["worst", 90, "webinar", "2025-05-06T10:00:00Z"],
    ["bad", 70, "paid_search", "2025-05-07T10:00:00Z"],
    ["mild", 40, "webinar", "2025-05-08T10:00:00Z"],
    ["low", 10, "event", "2025-05-09T10:00:00Z"],
    ["outside", 99, "webinar", "2025-04-20T10:00:00Z"],
  ];
  for (const [key, severity, source, at] of rows) {
    const lead = await db.lead.create({
      data: {
        externalId: `meeting-${key}`,
        name: `Lead ${key}`,
        capturedAt: new Date(at),
        originalSource: source,
        flagged: true,
        severity,
        failurePoints: ["slow_timing"],
      },
      select: { id: true },
    });
    leads[key] = lead.id;
  }
});

const plan = (changes: Record<string, unknown> = {}) => ({
  title: "Weekly alignment",
  scheduledFor: "2025-05-12T09:30",
  attendeeIds: [String(marketer.id), String(rep.id)],
  strategy: "most_severe",
  size: "3",
  onlyToReview: "on",
  board: "from=2025-05-05&to=2025-05-11",
  ...changes,
});

describe("meetings", () => {
  it("build the agenda from the board, most severe first, and only organisers create them", async () => {
    await expect(createMeeting(rep, plan())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMeeting(manager, plan({ board: "from=2024-01-01&to=2024-01-07" }))).rejects.toBeInstanceOf(ValidationError);
    const meeting = await createMeeting(manager, plan());
    expect((await agenda(meeting.id)).map((item) => item.leadId)).toEqual([leads.worst, leads.bad, leads.mild]);
    expect(await db.meetingAttendee.count({ where: { meetingId: meeting.id } })).toBe(2);
    const perSource = await createMeeting(marketer, plan({ strategy: "per_source", size: "1" }));
    expect((await agenda(perSource.id)).map((item) => item.leadId)).toEqual([leads.worst, leads.bad, leads.low]);
  });

  it("refuse a stale agenda change and a stale decision, showing the newer decision", async () => {
    const meeting = await createMeeting(manager, plan());
    const [first, second, third] = await agenda(meeting.id);
    const moved = await moveAgendaItem(manager, { meetingId: meeting.id, itemId: third!.id, direction: "up", version: 0 });
    expect(moved.version).toBe(1);
    await expect(
      moveAgendaItem(marketer, { meetingId: meeting.id, itemId: first!.id, direction: "down", version: 0 }),
    ).rejects.toBeInstanceOf(StaleRecordError);
    expect((await agenda(meeting.id)).map((item) => item.id)).toEqual([first!.id, third!.id, second!.id]);

    await expect(decideAgendaItem(rep, { itemId: first!.id, version: 0, decision: "confirmed_failure" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const started = await startMeeting(manager, { id: meeting.id, version: 1 });
    expect(started).toMatchObject({ status: "running", currentItemId: first!.id });
    const stampBefore = await meetingStamp(meeting.id);
    await goToAgendaItem(manager, { meetingId: meeting.id, itemId: third!.id });
    expect(await meetingStamp(meeting.id)).not.toBe(stampBefore);

    const decided = await decideAgendaItem(rep, {
      itemId: first!.id,
      version: 0,
      decision: "confirmed_failure",
      note: "Waited two days for an owner",
    });
    expect(decided).toMatchObject({ decision: "confirmed_failure", decidedById: rep.id, version: 1 });
    const stale = await decideAgendaItem(marketer, {
      itemId: first!.id,
      version: 0,
      decision: "not_a_failure",
      note: "Looks fine to me",
    }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleRecordError);
    expect((stale as StaleRecordError).latest).toMatchObject({
      version: 1,
      text: "Confirmed failure: Waited two days for an owner",
      by: "sam",
    });
    expect(await db.leadReview.findUnique({ where: { leadId: leads.worst }, select: { status: true } })).toEqual({ status: "reviewed" });

    await expect(removeAgendaItem(manager, { meetingId: meeting.id, itemId: first!.id, version: 2 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const trail = (
      await db.auditLog.findMany({
        where: { entityType: "meeting", entityId: String(meeting.id) },
        orderBy: { id: "asc" },
        select: { action: true },
      })
    ).map((row) => row.action);
    expect(trail).toEqual(["meetings.meeting.create", "meetings.agenda.reorder", "meetings.meeting.start", "meetings.meeting.navigate"]);
    expect(
      await db.auditLog.count({ where: { entityType: "meeting_item", entityId: String(first!.id), action: "meetings.item.decide" } }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: "lead_review", entityId: String(leads.worst) } })).toBeGreaterThanOrEqual(1);
  });

  it("end with a summary holding the decisions, the fixes and what is unresolved", async () => {
    const meeting = await createMeeting(manager, plan({ title: "Summary check" }));
    // The earlier meeting reviewed the worst lead, so this agenda (leads still to review) starts lower.
    const [first, second, third] = await agenda(meeting.id);
    expect(first?.leadId).toBe(leads.bad);
    await startMeeting(manager, { id: meeting.id, version: 0 });
    await decideAgendaItem(marketer, { itemId: first!.id, version: 0, decision: "confirmed_failure" });
    await decideAgendaItem(marketer, { itemId: second!.id, version: 0, decision: "needs_more_data", note: "Ask for the call recording" });
    const base = {
      fixType: "routing_rule",
      description: "Send P1 demo requests to the on-duty rep.",
      ownerId: rep.id,
      dueDate: "2025-05-30",
      meetingId: meeting.id,
    };
    await createFix(manager, { ...base, title: "On-duty routing for P1", leadIds: [first!.leadId] });
    await createFix(marketer, {
      ...base,
      title: "=Webinar title mapping",
      fixType: "field_mapping",
      leadIds: [first!.leadId, second!.leadId],
    });
    const ended = await endMeeting(manager, { id: meeting.id, version: 1 });
    expect(ended.status).toBe("ended");

    const result = await findMeetingSummary(meeting.id);
    expect(result?.summary.fixes.map((fix) => fix.title)).toEqual(["On-duty routing for P1", "=Webinar title mapping"]);
    expect(result?.summary.unresolved.map((item) => item.leadId)).toEqual([second!.leadId, third!.leadId]);
    const markdown = renderSummaryMarkdown(result!.summary, result!.timeZone);
    expect(markdown).toContain("On-duty routing for P1");
    expect(markdown).toContain("Owner: sam · due: 30 May 2025");
    const csv = renderSummaryCsv(result!.summary);
    expect(csv).toContain("'=Webinar title mapping");
    expect(csv).toContain("On-duty routing for P1");
  });
});
