import "server-only";
import { db } from "@/lib/db";

// A lead's conversation: its comments oldest first, whether the reader follows it, and whom they can mention.

export async function findLeadConversation(leadId: number, userId: number) {
  const [comments, following, followers, people] = await Promise.all([
    db.leadComment.findMany({
      where: { leadId },
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      orderBy: { id: "asc" },
      take: 200,
    }),
    db.leadFollower.findUnique({ where: { leadId_userId: { leadId, userId } }, select: { userId: true } }),
    db.leadFollower.count({ where: { leadId } }),
    db.user.findMany({
      where: { active: true, email: { not: null }, id: { not: userId } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    comments: comments.map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() })),
    following: following !== null,
    followers,
    people,
  };
}

export type LeadConversation = Awaited<ReturnType<typeof findLeadConversation>>;
