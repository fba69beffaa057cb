import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { decisionSchema } from "@/lib/meetings/schemas";
import { DECISION_LABELS, type MeetingDecision } from "@/lib/meetings/tally";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { parseInput } from "@/lib/actions/input";
import { StaleRecordError } from "@/lib/actions/result";
import { writeLeadReview } from "@/lib/review/mutations";

// The per-item decision of the meeting (confirmed failure, not a failure, needs more data) with its note.
// Both sides decide (review.tag). Two people deciding the same item at once: the second is refused with
// the decision as it now stands. A settled decision also marks the lead reviewed on the board.

const ITEM_SELECT = {
  id: true,
  meetingId: true,
  leadId: true,
  position: true,
  decision: true,
  decisionNote: true,
  decidedById: true,
  decidedAt: true,
  version: true,
} as const;

function decisionText(item: { decision: MeetingDecision | null; decisionNote: string | null }): string {
  const label = item.decision ? DECISION_LABELS[item.decision] : "No decision";
  return item.decisionNote ? `${label}: ${item.decisionNote}` : label;
}

export async function decideAgendaItem(actor: Actor, input: unknown) {
  authorize(actor, "review.tag");
  const { itemId, version, decision, note } = parseInput(decisionSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.meetingItem.findUnique({
      where: { id: itemId },
      select: { ...ITEM_SELECT, meeting: { select: { status: true } }, decidedBy: { select: { name: true } } },
    });
    if (!before) throw new NotFoundError("That agenda item");
    const { meeting, decidedBy, ...record } = before;
    if (meeting.status === "planned") throw new ValidationError({ decision: ["Start the meeting before recording decisions."] });
    if (record.version !== version)
      throw new StaleRecordError("this decision", { version: record.version, text: decisionText(record), by: decidedBy?.name });
    if (record.decision === decision && record.decisionNote === note) return record;
    const { count } = await tx.meetingItem.updateMany({
      where: { id: itemId, version },
      data: {
        decision,
        decisionNote: note,
        decidedById: decision ? actor.id : null,
        decidedAt: decision ? new Date() : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const latest = await tx.meetingItem.findUniqueOrThrow({ where: { id: itemId }, select: ITEM_SELECT });
      throw new StaleRecordError("this decision", { version: latest.version, text: decisionText(latest) });
    }
    const after = await tx.meetingItem.findUniqueOrThrow({ where: { id: itemId }, select: ITEM_SELECT });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meetings.item.decide",
      entityType: "meeting_item",
      entityId: itemId,
      before: record,
      after,
    });
    if (decision === "confirmed_failure" || decision === "not_a_failure") {
      const review = await tx.leadReview.findUnique({ where: { leadId: record.leadId }, select: { status: true, version: true } });
      if (review?.status !== "reviewed") await writeLeadReview(tx, actor, record.leadId, review?.version ?? 0, { status: "reviewed" });
    }
    return after;
  });
}
