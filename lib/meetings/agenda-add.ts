import "server-only";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { auditMeeting } from "@/lib/meetings/audit";
import { parseInput } from "@/lib/actions/input";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { MAX_AGENDA_ITEMS } from "@/lib/meetings/agenda";
import { agendaAddSchema } from "@/lib/meetings/schemas";

// Leads chosen on a list (the lead list, Flagged) go onto a coming meeting's agenda, after what is there.
// Appending does not depend on the agenda's order, so no version is asked for: the meeting row is locked,
// and its version bumped so everyone with the meeting open picks the new items up.

export interface AgendaAddition {
  meeting: { id: number; title: string };
  added: number;
  alreadyOn: number;
}

export async function addLeadsToAgenda(actor: Actor, input: unknown): Promise<AgendaAddition> {
  authorize(actor, "meetings.manage");
  const { meetingId, leadIds } = parseInput(agendaAddSchema, input);
  return db.$transaction(async (tx) => {
    const [meeting] = await tx.$queryRaw<{ id: number; title: string; status: string }[]>`
      SELECT id, title, status::text FROM meetings WHERE id = ${meetingId} FOR UPDATE`;
    if (!meeting) throw new NotFoundError("That meeting");
    if (meeting.status === "ended")
      throw new ValidationError({ meetingId: [`“${meeting.title}” has ended; its agenda is kept as it was. Choose a coming meeting.`] });
    const items = await tx.meetingItem.findMany({ where: { meetingId }, select: { leadId: true, position: true } });
    const onAgenda = new Set(items.map((item) => item.leadId));
    const existing = await tx.lead.findMany({ where: { id: { in: leadIds } }, select: { id: true } });
    const known = new Set(existing.map((lead) => lead.id));
    // In the order the list showed them; leads erased since the page loaded are skipped.
    const fresh = leadIds.filter((id) => known.has(id) && !onAgenda.has(id));
    if (items.length + fresh.length > MAX_AGENDA_ITEMS)
      throw new ValidationError({
        leadIds: [`“${meeting.title}” holds ${items.length} leads; an agenda takes at most ${MAX_AGENDA_ITEMS}. Select fewer.`],
      });
    const last = items.reduce((max, item) => Math.max(max, item.position), 0);
    if (fresh.length) {
      await tx.meetingItem.createMany({ data: fresh.map((leadId, index) => ({ meetingId, leadId, position: last + index + 1 })) });
      await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
      await auditMeeting(tx, actor, "meetings.agenda.add", meetingId, { after: { added: fresh } });
    }
    return {
      meeting: { id: meeting.id, title: meeting.title },
      added: fresh.length,
      alreadyOn: leadIds.filter((id) => onAgenda.has(id)).length,
    };
  });
}
