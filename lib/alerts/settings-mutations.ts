import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/actions/audit";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { alertRuleSchema, idSchema, webhookSchema } from "@/lib/alerts/settings-schemas";
import { enqueueDeliveries } from "@/lib/notify/queue";
import { toFieldErrors } from "@/lib/actions/input";

// What revops changes on the alerts page: the rules, the webhook endpoints, and a replay of a delivery.
// Each write is audited in its own transaction.

function parse<T>(
  schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError } },
  input: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error), `Some fields need attention. ${what}`);
  return parsed.data;
}

export async function saveAlertRule(actorId: number, input: unknown): Promise<void> {
  const rule = parse(alertRuleSchema, input, "The rule was not saved.");
  if (rule.escalateToId !== null && !(await db.user.findFirst({ where: { id: rule.escalateToId, active: true }, select: { id: true } }))) {
    throw new ValidationError({ escalateToId: ["Choose an active person to escalate to."] }, "The rule was not saved.");
  }
  await db.$transaction(async (tx) => {
    const before = await tx.alertRule.findUnique({ where: { priority: rule.priority } });
    const data = {
      enabled: rule.enabled,
      warnPercents: rule.warnPercents,
      alertAtBreach: rule.alertAtBreach,
      escalateAfterMinutes: rule.escalateAfterMinutes,
      escalateToId: rule.escalateToId,
    };
    await tx.alertRule.upsert({
      where: { priority: rule.priority },
      create: { priority: rule.priority, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    await recordAudit(tx, { actorId, action: "alerts.rule", entityType: "alert_rule", entityId: rule.priority, before, after: data });
  });
  // Each lead's next alert moment follows the rules: re-diagnosing recomputes it. The rule is saved either
  // way, and if the run cannot be queued now the scheduled re-diagnosis of open leads picks it up.
  const { tryRequestFullRediagnosis } = await import("@/lib/rediagnosis/jobs");
  await tryRequestFullRediagnosis("alert rules changed");
}

export async function createWebhook(actorId: number, input: unknown): Promise<{ id: number }> {
  const hook = parse(webhookSchema, input, "No endpoint was added.");
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { url: hook.url, description: hook.description, secret },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "webhooks.create",
      entityType: "webhook_endpoint",
      entityId: created.id,
      after: { url: hook.url, description: hook.description },
    });
    return created;
  });
}

export async function removeWebhook(actorId: number, input: unknown): Promise<void> {
  const { id } = parse(idSchema, input, "Nothing was removed.");
  await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true, description: true, active: true } });
    if (!before) throw new NotFoundError("That endpoint");
    if (!before.active) throw new AppError("That endpoint was already switched off.", 409);
    await tx.webhookEndpoint.update({ where: { id }, data: { active: false } });
    await recordAudit(tx, {
      actorId,
      action: "webhooks.disable",
      entityType: "webhook_endpoint",
      entityId: id,
      before,
      after: { ...before, active: false },
    });
  });
}

/** Sends a delivery again as a new one (the log keeps both); a webhook keeps its event, re-signed. */
export async function replayDelivery(actorId: number, input: unknown): Promise<{ id: number }> {
  const { id } = parse(idSchema, input, "Nothing was sent.");
  return inTransaction(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO deliveries (notification_id, webhook_id, channel, target, kind, lead_id, payload)
       SELECT notification_id, webhook_id, channel, target, kind, lead_id, payload FROM deliveries WHERE id = $1 AND channel <> 'in_app'
       RETURNING id`,
      [id],
    );
    const created = rows[0];
    if (!created) throw new NotFoundError("That delivery");
    await client.query(
      `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after) VALUES ($1, 'deliveries.replay', 'delivery', $2, $3::jsonb)`,
      [actorId, String(created.id), JSON.stringify({ replayOf: id })],
    );
    await enqueueDeliveries(client, [created.id]);
    return created;
  });
}
