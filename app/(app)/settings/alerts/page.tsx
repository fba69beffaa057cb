import type { Metadata } from "next";
import { AlertRuleForm } from "@/components/alerts/alert-rule-form";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { WebhookList } from "@/components/alerts/webhook-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { findAlertSettings } from "@/lib/alerts/settings-queries";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";

export const metadata: Metadata = { title: "Alerts and webhooks" };

export default async function AlertSettingsPage() {
  await requirePageUser("alerts.manage");
  const [settings, timeZone] = await Promise.all([findAlertSettings(), getWorkspaceTimeZone()]);
  return (
    <>
      <PageHeader
        title="Alerts and webhooks"
        description="When Baton warns before an SLA runs out, who hears the breach, when it escalates, which systems are told, and what was sent."
      />
      <div className="space-y-5">
        <Card
          title="Alert rules"
          description="Per priority: warnings to whoever owes the next move at shares of the SLA, the breach (also to the team's sales managers), and an escalation after it. Business-day SLAs count working time, so their alerts keep to working hours."
        >
          <div className="space-y-4">
            {settings.rules.map((rule) => (
              <AlertRuleForm key={rule.priority} rule={rule} people={settings.people} />
            ))}
          </div>
        </Card>
        <Card
          title="Webhook endpoints"
          description="Every SLA alert is POSTed to each active endpoint, signed by the Standard Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature headers) with the endpoint's secret."
        >
          <WebhookList webhooks={settings.webhooks} timeZone={timeZone} />
        </Card>
        <Card
          title="Delivery log"
          description={`The latest ${settings.deliveries.length} sends by email, Slack and webhook, with their outcome. Failed tries are retried with back-off before they are marked failed.`}
        >
          <DeliveryLog deliveries={settings.deliveries} timeZone={timeZone} />
        </Card>
      </div>
    </>
  );
}
