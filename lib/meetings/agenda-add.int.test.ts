import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actions/authorize";
import { createActor } from "@/lib/actions/testing";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { addLeadsToAgenda } from "@/lib/meetings/agenda-add";
import { endMeeting } from "@/lib/meetings/mutations";

// Leads chosen on the lead list or Flagged join a coming meeting's agenda: after what is there, once each,
// never onto an ended meeting, and only for the people who plan meetings.

let marketer: Actor;
let rep: Actor;
const leadIds: number[] = [];

async function meetingWith(title: string, onAgenda: number[]) {
  return db.meeting.create({
    data: {
      title,
      scheduledFor: new Date("2026-12-07T09:30:00Z"),
      createdById: marketer.id,
      items: { create: onAgenda.map((leadId, index) => ({ leadId, position: index + 1 })) },
    },
    select: { id: true, version: true },
  });
}

const agenda = (meetingId: number) =>
  db.meetingItem.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { leadId: true, position: true } });

beforeAll(async () => {
  [marketer, rep] = await Promise.all([
    createActor("agenda-mia@example.com", "marketing"),
    createActor("agenda-sam@example.com", "sales_rep"),
  ]);
  for (const key of ["a", "b", "c", "d"]) {
    const lead = await db.lead.create({
      data: { externalId: `agenda-add-${key}`, name: `Lead ${key}`, capturedAt: new Date("2026-12-01T10:00:00Z") },
      select: { id: true },
    });
    leadIds.push(lead.id);
  }
});

describe("adding a list's selection to a meeting's agenda", () => {
  it("appends the new leads in the list's order, skips those already on it, and bumps the meeting's version", async () => {
    const [a, b, c, d] = leadIds as [number, number, number, number];
    const meeting = await meetingWith("Weekly alignment", [a]);

    const added = await addLeadsToAgenda(marketer, { meetingId: String(meeting.id), leadIds: [String(c), String(a), String(b)] });

    expect(added).toEqual({ meeting: { id: meeting.id, title: "Weekly alignment" }, added: 2, alreadyOn: 1 });
    expect(await agenda(meeting.id)).toEqual([
      { leadId: a, position: 1 },
      { leadId: c, position: 2 },
      { leadId: b, position: 3 },
    ]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).version).toBe(meeting.version + 1);
    const [audit] = await db.auditLog.findMany({ where: { action: "meetings.agenda.add", entityId: String(meeting.id) } });
    expect(audit?.after).toEqual({ added: [c, b] });

    // Again with the same leads: nothing changes, and nothing is audited.
    expect(await addLeadsToAgenda(marketer, { meetingId: String(meeting.id), leadIds: [String(b), String(c)] })).toMatchObject({
      added: 0,
      alreadyOn: 2,
    });
    expect(await agenda(meeting.id)).toHaveLength(3);
    void d;
  });

  it("refuses an ended meeting with its name, and a missing choice with the field's message", async () => {
    const meeting = await meetingWith("Last week's alignment", []);
    await db.meeting.update({ where: { id: meeting.id }, data: { status: "running" } });
    await endMeeting(marketer, { id: String(meeting.id), version: String(meeting.version) });
    const ended = addLeadsToAgenda(marketer, { meetingId: String(meeting.id), leadIds: [String(leadIds[3])] });
    await expect(ended).rejects.toThrow(ValidationError);
    await expect(ended).rejects.toMatchObject({
      fieldErrors: { meetingId: [expect.stringContaining("“Last week's alignment” has ended")] },
    });
    expect(await agenda(meeting.id)).toEqual([]);

    await expect(addLeadsToAgenda(marketer, { meetingId: undefined, leadIds: [String(leadIds[3])] })).rejects.toMatchObject({
      fieldErrors: { meetingId: ["Choose the meeting to add them to."] },
    });
    await expect(addLeadsToAgenda(marketer, { meetingId: String(meeting.id), leadIds: [] })).rejects.toMatchObject({
      fieldErrors: { leadIds: ["Select at least one lead."] },
    });
  });

  it("is for the people who plan meetings", async () => {
    const meeting = await meetingWith("Rep-proof", []);
    await expect(addLeadsToAgenda(rep, { meetingId: String(meeting.id), leadIds: [String(leadIds[0])] })).rejects.toThrow(ForbiddenError);
  });
});
