import "server-only";
import type pg from "pg";
import { alertBody, alertTitle, STEP_OF_CLOCK } from "@/lib/alerts/message";
import { alertRecipients, loadAlertPeople, type AlertLead } from "@/lib/alerts/recipients";
import { loadAlertRules } from "@/lib/alerts/rules";
import { allAlertMoments, dueAlertMoments, nextAlertAt, type AlertMoment } from "@/lib/alerts/stages";
import { diagnoseLead, openSlaClocks } from "@/lib/diagnosis";
import { recordNotifications, recordWebhookEvents, type NewNotification } from "@/lib/notify/record";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";

// The one alert scheduler: every few seconds, on every instance, it takes the leads whose next alert
// moment has come (sla_next_alert_at, indexed), re-reads each lead as it is now, and claims each alert
// with INSERT … ON CONFLICT DO NOTHING on (lead, clock, deadline, recipient, stage). Instances skip the
// leads another is handling (SKIP LOCKED) and the unique key settles any race, so each alert goes out
// once. A lead decided before its deadline has no open clock left, so it alerts no one.

export const SCHEDULER_BATCH = 500;

export interface SchedulerRun {
  leads: number;
  alerts: number;
  deliveries: number;
}

interface LeadInfoRow {
  id: number;
  name: string;
  owner_id: number | null;
  owner_team_id: number | null;
  queue: string | null;
}

export async function runAlertScheduler(pool: pg.Pool, options: { now?: Date; batchSize?: number } = {}): Promise<SchedulerRun> {
  const now = options.now ?? new Date();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows: due } = await client.query<{ id: number }>(
      `SELECT id FROM leads WHERE sla_next_alert_at <= $1 ORDER BY sla_next_alert_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, options.batchSize ?? SCHEDULER_BATCH],
    );
    if (due.length === 0) {
      await client.query("COMMIT");
      return { leads: 0, alerts: 0, deliveries: 0 };
    }
    const ids = due.map((row) => row.id);
    const definitions = await loadDiagnosisDefinitions(client);
    const rules = await loadAlertRules(client);
    const people = await loadAlertPeople(client);
    const inputs = await loadDiagnosisInputs(client, ids, definitions, now);
    const info = new Map(
      (
        await client.query<LeadInfoRow>(
          `SELECT l.id, l.name, l.owner_id, u.team_id AS owner_team_id, l.queue FROM leads l LEFT JOIN users u ON u.id = l.owner_id WHERE l.id = ANY($1::int[])`,
          [ids],
        )
      ).rows.map((row) => [row.id, row]),
    );

    const claims: { leadId: number; moment: AlertMoment; recipientId: number }[] = [];
    const next: { id: number; at: Date | null }[] = [];
    const evidence = new Map<number, ReturnType<typeof diagnoseLead>>();
    for (const input of inputs) {
      const leadId = Number(input.lead.id);
      const row = info.get(leadId)!;
      const lead: AlertLead = { id: leadId, name: row.name, ownerId: row.owner_id, ownerTeamId: row.owner_team_id, queue: row.queue };
      const moments = allAlertMoments(openSlaClocks(input), rules, input.settings.calendar);
      next.push({ id: leadId, at: nextAlertAt(moments, now) });
      const fire = dueAlertMoments(moments, now);
      if (fire.length > 0) evidence.set(leadId, diagnoseLead(input));
      for (const moment of fire) {
        for (const recipientId of alertRecipients(lead, moment.clock.kind, moment.type, rules.get(moment.clock.priority)!, people)) {
          claims.push({ leadId, moment, recipientId });
        }
      }
    }

    const { rows: claimed } = await client.query<{
      id: number;
      lead_id: number;
      kind: string;
      stage: string;
      recipient_id: number;
      deadline_at: Date;
    }>(
      `INSERT INTO sla_alerts (lead_id, kind, deadline_at, stage, recipient_id, fires_at)
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::text[], $5::int[], $6::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING id, lead_id, kind, stage, recipient_id, deadline_at`,
      [
        claims.map((c) => c.leadId),
        claims.map((c) => c.moment.clock.kind),
        claims.map((c) => c.moment.clock.dueAt),
        claims.map((c) => c.moment.stage),
        claims.map((c) => c.recipientId),
        claims.map((c) => c.moment.at),
      ],
    );
    const key = (leadId: number, kind: string, stage: string, recipientId: number) => `${leadId}|${kind}|${stage}|${recipientId}`;
    const won = new Set(claimed.map((row) => key(row.lead_id, row.kind, row.stage, row.recipient_id)));
    const notifications: NewNotification[] = [];
    const events = new Map<string, { type: string; leadId: number; data: Record<string, unknown> }>();
    for (const claim of claims) {
      if (!won.has(key(claim.leadId, claim.moment.clock.kind, claim.moment.stage, claim.recipientId))) continue;
      const { clock, type } = claim.moment;
      const step = evidence.get(claim.leadId)?.steps.find((s) => s.step === STEP_OF_CLOCK[clock.kind]);
      const text = {
        leadName: info.get(claim.leadId)!.name,
        priority: clock.priority,
        kind: clock.kind,
        type,
        dueAt: clock.dueAt,
        timeZone: definitions.settings.calendar.timeZone,
        evidence: step?.summary ?? "",
      };
      notifications.push({
        userId: claim.recipientId,
        kind: type === "warning" ? "sla_warning" : type === "breach" ? "sla_breach" : "sla_escalation",
        leadId: claim.leadId,
        title: alertTitle(text),
        body: alertBody(text),
        path: `/leads/${claim.leadId}`,
      });
      events.set(`${claim.leadId}|${clock.kind}|${claim.moment.stage}`, {
        type: `sla.${type}`,
        leadId: claim.leadId,
        data: {
          leadId: claim.leadId,
          leadName: text.leadName,
          priority: clock.priority,
          clock: clock.kind,
          stage: claim.moment.stage,
          dueAt: clock.dueAt.toISOString(),
          evidence: text.evidence,
        },
      });
    }
    const webhookIds = await recordWebhookEvents(client, [...events.values()]);
    const deliveryIds = await recordNotifications(client, notifications, webhookIds);
    await client.query(
      `UPDATE leads l SET sla_next_alert_at = v.at, sla_checked_at = $3 FROM unnest($1::int[], $2::timestamptz[]) AS v(id, at) WHERE l.id = v.id`,
      [next.map((n) => n.id), next.map((n) => n.at), now],
    );
    await client.query("COMMIT");
    return { leads: ids.length, alerts: claimed.length, deliveries: deliveryIds.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
