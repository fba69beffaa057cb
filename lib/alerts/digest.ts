import "server-only";
import type pg from "pg";
import { formatMoment } from "@/lib/alerts/message";
import { recordNotifications, type NewNotification } from "@/lib/notify/record";
import type { Queryable } from "@/lib/db/queryable";

// The managers' daily digest, sent at the start of the working day in the workspace's zone: what
// breached yesterday and who is waiting now, for the manager's team (leads its people own, and leads
// nobody owns yet). The same run tells fix owners whose fix falls due today. Each is sent once a day,
// however many instances run the job.

const LIST_LIMIT = 15;

const CLOCK_LABEL: Record<string, string> = {
  owner: "no owner",
  decision: "no decision",
  first_action: "no first action",
  next_action: "next action overdue",
  info_request: "info request unanswered",
};

interface Calendar {
  timeZone: string;
}

/** The workspace-local calendar day of `now` as YYYY-MM-DD, and the instants where yesterday began and ended. */
async function localDays(
  client: Queryable,
  now: Date,
  timeZone: string,
): Promise<{ today: string; yesterdayStart: Date; todayStart: Date }> {
  const { rows } = await client.query<{ today: string; yesterday_start: Date; today_start: Date }>(
    `SELECT to_char(($1::timestamptz AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS today,
            ((($1::timestamptz AT TIME ZONE $2)::date - 1)::timestamp AT TIME ZONE $2) AS yesterday_start,
            ((($1::timestamptz AT TIME ZONE $2)::date)::timestamp AT TIME ZONE $2) AS today_start`,
    [now, timeZone],
  );
  const row = rows[0]!;
  return { today: row.today, yesterdayStart: row.yesterday_start, todayStart: row.today_start };
}

export interface DigestContent {
  title: string;
  body: string;
  breached: { leadId: number; name: string; kind: string; dueAt: Date }[];
  waiting: { leadId: number; name: string; kind: string; dueAt: Date; unowned: boolean }[];
  waitingTotal: number;
}

/** Leads the manager answers for: owned by their team, or owned by nobody. A manager without a team sees all. */
const TEAM_SCOPE = `($2::int IS NULL OR l.owner_id IS NULL OR o.team_id = $2::int)`;

export async function buildManagerDigest(
  client: Queryable,
  manager: { teamId: number | null },
  now: Date,
  calendar: Calendar,
): Promise<DigestContent> {
  const { today, yesterdayStart, todayStart } = await localDays(client, now, calendar.timeZone);
  const breached = await client.query<{ lead_id: number; name: string; kind: string; deadline_at: Date }>(
    `SELECT DISTINCT ON (a.lead_id, a.kind) a.lead_id, l.name, a.kind, a.deadline_at
     FROM sla_alerts a JOIN leads l ON l.id = a.lead_id LEFT JOIN users o ON o.id = l.owner_id
     WHERE a.stage = 'breach' AND a.deadline_at >= $1 AND a.deadline_at < $3 AND ${TEAM_SCOPE}
     ORDER BY a.lead_id, a.kind, a.deadline_at LIMIT 500`,
    [yesterdayStart, manager.teamId, todayStart],
  );
  const waiting = await client.query<{
    id: number;
    name: string;
    sla_deadline_kind: string;
    sla_deadline_at: Date;
    unowned: boolean;
    total: number;
  }>(
    `SELECT l.id, l.name, l.sla_deadline_kind, l.sla_deadline_at, l.owner_id IS NULL AS unowned, count(*) OVER ()::int AS total
     FROM leads l LEFT JOIN users o ON o.id = l.owner_id
     WHERE l.outcome = 'open' AND l.sla_deadline_at < $1 AND ${TEAM_SCOPE}
     ORDER BY l.sla_deadline_at LIMIT ${LIST_LIMIT}`,
    [now, manager.teamId],
  );
  const content: DigestContent = {
    title: `Daily digest for ${today}: ${breached.rows.length} breached yesterday, ${waiting.rows[0]?.total ?? 0} waiting now`,
    body: "",
    breached: breached.rows.map((r) => ({ leadId: r.lead_id, name: r.name, kind: r.kind, dueAt: r.deadline_at })),
    waiting: waiting.rows.map((r) => ({
      leadId: r.id,
      name: r.name,
      kind: r.sla_deadline_kind,
      dueAt: r.sla_deadline_at,
      unowned: r.unowned,
    })),
    waitingTotal: waiting.rows[0]?.total ?? 0,
  };
  const line = (item: { name: string; kind: string; dueAt: Date }) =>
    `- ${item.name}: ${CLOCK_LABEL[item.kind] ?? item.kind}, due ${formatMoment(item.dueAt, calendar.timeZone)}`;
  content.body = [
    `Breached yesterday (${content.breached.length}):`,
    ...(content.breached.length ? content.breached.slice(0, LIST_LIMIT).map(line) : ["- none"]),
    "",
    `Waiting now, past their deadline (${content.waitingTotal}):`,
    ...(content.waiting.length ? content.waiting.map((item) => `${line(item)}${item.unowned ? " (nobody owns it)" : ""}`) : ["- none"]),
  ].join("\n");
  return content;
}

/** Sends today's digests and fix-due notices that have not gone out yet. Safe to run on several instances at once. */
export async function sendDailyDigests(pool: pg.Pool, now = new Date()): Promise<{ digests: number; fixesDue: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One run at a time across instances; a second waits and then finds today's digests already sent.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('baton-daily-digest'))");
    const { rows: settings } = await client.query<{ time_zone: string }>("SELECT time_zone FROM workspace_settings WHERE id = 1");
    const calendar = { timeZone: settings[0]?.time_zone ?? "UTC" };
    const { today, todayStart } = await localDays(client, now, calendar.timeZone);
    const { rows: managers } = await client.query<{ id: number; team_id: number | null }>(
      `SELECT u.id, u.team_id FROM users u WHERE u.active AND u.role = 'sales_manager'
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.kind = 'digest' AND n.created_at >= $1)
       ORDER BY u.id`,
      [todayStart],
    );
    const items: NewNotification[] = [];
    for (const manager of managers) {
      const digest = await buildManagerDigest(client, { teamId: manager.team_id }, now, calendar);
      items.push({ userId: manager.id, kind: "digest", leadId: null, title: digest.title, body: digest.body, path: "/queue" });
    }
    const { rows: fixes } = await client.query<{ id: number; title: string; owner_id: number }>(
      `SELECT f.id, f.title, f.owner_id FROM fixes f
       WHERE f.owner_id IS NOT NULL AND f.status IN ('open', 'in_progress') AND f.due_date = $1::date
         AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = f.owner_id AND n.kind = 'fix_due' AND n.path = '/fixes/' || f.id)`,
      [today],
    );
    for (const fix of fixes) {
      items.push({
        userId: fix.owner_id,
        kind: "fix_due",
        leadId: null,
        title: `Your fix is due today: ${fix.title}`,
        body: "Mark it done, or move its due date, so the meeting sees where it stands.",
        path: `/fixes/${fix.id}`,
      });
    }
    await recordNotifications(client, items);
    await client.query("COMMIT");
    return { digests: managers.length, fixesDue: fixes.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
