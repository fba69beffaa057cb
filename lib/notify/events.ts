import "server-only";
import { pool } from "@/lib/db";
import { recordNotifications, type NewNotification } from "@/lib/notify/record";

// Notices that follow a person's write (a question to marketing, its answer, a fix handed over, an
// agenda published). Written right after the write commits, in a transaction of their own with their
// sends' jobs; a failure here is logged and never fails the write that triggered it.

export async function notify(build: () => Promise<NewNotification[]>): Promise<void> {
  const client = await pool.connect().catch((error: unknown) => {
    console.error(`notify: no connection (${error instanceof Error ? error.message : String(error)})`);
    return null;
  });
  if (!client) return;
  try {
    const items = await build();
    if (items.length === 0) return;
    await client.query("BEGIN");
    await recordNotifications(client, items);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    console.error(`notify: not recorded (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    client.release();
  }
}

async function usersWithRole(role: "marketing"): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>('SELECT id FROM users WHERE active AND role = $1::"Role"', [role]);
  return rows.map((row) => row.id);
}

export function notifyInfoRequested(
  lead: { id: number; name: string },
  question: string,
  askerName: string,
  actorId: number,
): Promise<void> {
  return notify(async () =>
    (await usersWithRole("marketing"))
      .filter((id) => id !== actorId)
      .map((userId) => ({
        userId,
        kind: "info_requested",
        leadId: lead.id,
        title: `${askerName} asks about ${lead.name}`,
        body: `Question: ${question}\nAnswer it in the inbox; the lead waits in sales' queue until you do.`,
        path: "/inbox",
      })),
  );
}

export function notifyInfoAnswered(
  lead: { id: number; name: string },
  answer: string,
  answererName: string,
  recipients: (number | null)[],
  actorId: number,
): Promise<void> {
  const ids = [...new Set(recipients.filter((id): id is number => id !== null && id !== actorId))];
  return notify(async () =>
    ids.map((userId) => ({
      userId,
      kind: "info_answered",
      leadId: lead.id,
      title: `${answererName} answered your question on ${lead.name}`,
      body: `Answer: ${answer}\nThe lead is back in the queue for a decision.`,
      path: `/leads/${lead.id}`,
    })),
  );
}

export function notifyFixAssigned(
  fix: { id: number; title: string; ownerId: number | null; dueDate: Date | null },
  actorId: number,
  previousOwnerId: number | null = null,
): Promise<void> {
  if (fix.ownerId === null || fix.ownerId === actorId || fix.ownerId === previousOwnerId) return Promise.resolve();
  const ownerId = fix.ownerId;
  const due = fix.dueDate ? ` It is due ${fix.dueDate.toISOString().slice(0, 10)}.` : "";
  return notify(async () => [
    {
      userId: ownerId,
      kind: "fix_assigned",
      leadId: null,
      title: `Fix assigned to you: ${fix.title}`,
      body: `You own this fix.${due}`,
      path: `/fixes/${fix.id}`,
    },
  ]);
}

export function notifyAgendaPublished(meeting: { id: number; title: string }, attendeeIds: number[], actorId: number): Promise<void> {
  return notify(async () =>
    attendeeIds
      .filter((id) => id !== actorId)
      .map((userId) => ({
        userId,
        kind: "agenda_published",
        leadId: null,
        title: `Agenda published: ${meeting.title}`,
        body: "The leads to walk through are on the agenda; add your notes before the meeting.",
        path: `/meetings/${meeting.id}`,
      })),
  );
}
