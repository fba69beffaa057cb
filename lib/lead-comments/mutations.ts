import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { parseInput } from "@/lib/actions/input";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { notifyComment } from "@/lib/lead-comments/notices";
import { commentSchema, findMentions, followSchema } from "@/lib/lead-comments/schemas";

// Comments on a lead and following it. Anyone who reads leads may comment and follow; a comment's
// author follows the lead from then on. Mentioned people and followers are told (lib/lead-comments/notices.ts)
// after the write commits. Audited.

interface Commenter {
  id: number;
  name: string;
}

export async function addComment(actor: Commenter, input: unknown) {
  const { leadId, body } = parseInput(commentSchema, input, "Some fields need attention. The comment was not saved.");
  const saved = await db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: leadId }, select: { id: true, name: true } });
    if (!lead) throw new NotFoundError("That lead");
    // People who can sign in (a CRM-only person cannot read the mention).
    const people = await tx.user.findMany({ where: { active: true, email: { not: null } }, select: { id: true, name: true } });
    const mentioned = findMentions(body, people).filter((person) => person.id !== actor.id);
    const comment = await tx.leadComment.create({ data: { leadId, authorId: actor.id, body }, select: { id: true } });
    await tx.leadFollower.createMany({ data: [{ leadId, userId: actor.id }], skipDuplicates: true });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "lead_comments.create",
      entityType: "lead_comment",
      entityId: comment.id,
      after: { leadId, body, mentioned: mentioned.map((person) => person.id) },
    });
    return { lead, commentId: comment.id, mentioned };
  });
  await notifyComment(
    saved.lead,
    actor,
    body,
    saved.mentioned.map((person) => person.id),
  );
  return saved;
}

export async function setFollowing(actorId: number, input: unknown): Promise<{ following: boolean }> {
  const { leadId, follow } = parseInput(followSchema, input);
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: leadId }, select: { id: true } });
    if (!lead) throw new NotFoundError("That lead");
    const { count } = follow
      ? await tx.leadFollower.createMany({ data: [{ leadId, userId: actorId }], skipDuplicates: true })
      : await tx.leadFollower.deleteMany({ where: { leadId, userId: actorId } });
    if (count > 0)
      await recordAudit(tx, { actorId, action: follow ? "leads.follow" : "leads.unfollow", entityType: "lead", entityId: leadId });
    return { following: follow };
  });
}
