import "server-only";
import { pool } from "@/lib/db";
import { notify } from "@/lib/notify/events";
import type { NewNotification } from "@/lib/notify/record";

// What a lead's followers and the people a comment mentions are told, after the write commits: the
// mentioned by a "mention" notice, every other follower by a "followed_lead" notice, the actor by neither.

async function followersOf(leadId: number, except: Set<number>): Promise<number[]> {
  const { rows } = await pool.query<{ user_id: number }>("SELECT user_id FROM lead_followers WHERE lead_id = $1 ORDER BY user_id", [
    leadId,
  ]);
  return rows.map((row) => row.user_id).filter((id) => !except.has(id));
}

export function notifyComment(lead: { id: number; name: string }, author: { id: number; name: string }, body: string, mentioned: number[]) {
  return notify(async (): Promise<NewNotification[]> => {
    const path = `/leads/${lead.id}`;
    const followers = await followersOf(lead.id, new Set([author.id, ...mentioned]));
    return [
      ...mentioned.map((userId) => ({
        userId,
        kind: "mention" as const,
        leadId: lead.id,
        title: `${author.name} mentioned you on ${lead.name}`,
        body,
        path,
      })),
      ...followers.map((userId) => ({
        userId,
        kind: "followed_lead" as const,
        leadId: lead.id,
        title: `${author.name} commented on ${lead.name}`,
        body,
        path,
      })),
    ];
  });
}

/** A decision on a followed lead (accepted, rejected, a question, a first action, a reassignment). */
export function notifyDecision(leadId: number, actor: { id: number; name: string }, message: string) {
  return notify(async (): Promise<NewNotification[]> => {
    const { rows } = await pool.query<{ name: string }>("SELECT name FROM leads WHERE id = $1", [leadId]);
    const name = rows[0]?.name ?? `lead ${leadId}`;
    return (await followersOf(leadId, new Set([actor.id]))).map((userId) => ({
      userId,
      kind: "followed_lead",
      leadId,
      title: `${actor.name} decided on ${name}`,
      body: message,
      path: `/leads/${leadId}`,
    }));
  });
}
