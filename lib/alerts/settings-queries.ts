import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_ALERT_RULES } from "@/lib/alerts/rules";

// What the alerts page shows: the rules in force, the endpoints, and the latest sends.
export const DELIVERY_LOG_SIZE = 50;

export async function findAlertSettings() {
  const [rules, webhooks, deliveries, people] = await Promise.all([
    db.alertRule.findMany({ orderBy: { priority: "asc" } }),
    db.webhookEndpoint.findMany({
      orderBy: { id: "asc" },
      select: { id: true, url: true, description: true, secret: true, active: true, createdAt: true },
    }),
    db.delivery.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DELIVERY_LOG_SIZE,
      select: {
        id: true,
        channel: true,
        target: true,
        kind: true,
        leadId: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        notification: { select: { title: true, user: { select: { name: true } } } },
      },
    }),
    db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const stored = new Map(rules.map((rule) => [rule.priority, rule]));
  return {
    rules: DEFAULT_ALERT_RULES.map((fallback) => {
      const rule = stored.get(fallback.priority);
      return rule
        ? {
            priority: rule.priority,
            enabled: rule.enabled,
            warnPercents: rule.warnPercents,
            alertAtBreach: rule.alertAtBreach,
            escalateAfterMinutes: rule.escalateAfterMinutes,
            escalateToId: rule.escalateToId,
          }
        : fallback;
    }),
    webhooks,
    deliveries,
    people,
  };
}
