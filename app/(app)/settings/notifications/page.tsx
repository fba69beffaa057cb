import type { Metadata } from "next";
import { ActionForm } from "@/components/alerts/action-form";
import { controlBaseClass } from "@/components/ui/form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { savePreferencesAction } from "@/lib/notify/actions";
import { CHANNEL_LABELS, KIND_LABELS, NOTIFICATION_KINDS, PERSONAL_CHANNELS } from "@/lib/notify/kinds";
import { findPreferences } from "@/lib/notify/preferences";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage() {
  const user = await requirePageUser("notifications.read");
  const prefs = await findPreferences(user.id);
  return (
    <>
      <PageHeader title="Notifications" description="What Baton tells you, and where. Everything you are told is also kept in the bell." />
      <Card
        title="Your choices"
        description={
          prefs.teamSlack
            ? "Your team has a Slack channel: Slack notices go there unless you set your own webhook."
            : "Slack notices need a webhook: your own below, or your team's."
        }
      >
        <ActionForm action={savePreferencesAction} submitLabel="Save" variant="primary" className="space-y-4">
          <div className="overflow-x-auto">
            <table className="text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-6 text-left font-medium">Kind</th>
                  {PERSONAL_CHANNELS.map((channel) => (
                    <th key={channel} className="px-3 py-1 font-medium">
                      {CHANNEL_LABELS[channel]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {NOTIFICATION_KINDS.map((kind) => (
                  <tr key={kind}>
                    <th scope="row" className="py-1.5 pr-6 text-left font-normal text-slate-800">
                      {KIND_LABELS[kind]}
                    </th>
                    {PERSONAL_CHANNELS.map((channel) => (
                      <td key={channel} className="px-3 py-1.5 text-center">
                        <input
                          type="checkbox"
                          name={`${kind}:${channel}`}
                          defaultChecked={prefs.enabled[kind][channel]}
                          aria-label={`${KIND_LABELS[kind]}: ${CHANNEL_LABELS[channel]}`}
                          className="accent-brand-600"
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <label htmlFor="slack-webhook" className="block text-xs font-medium text-slate-700">
              Your Slack incoming webhook
            </label>
            <input
              id="slack-webhook"
              name="slackWebhookUrl"
              type="url"
              defaultValue={prefs.slackWebhookUrl ?? ""}
              placeholder="https://hooks.slack.com/services/…"
              className={`${controlBaseClass} mt-1 w-full max-w-xl`}
            />
          </div>
        </ActionForm>
      </Card>
    </>
  );
}
