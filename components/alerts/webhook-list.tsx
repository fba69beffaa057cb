import { ActionForm } from "@/components/alerts/action-form";
import { controlBaseClass } from "@/components/ui/form";
import { createWebhookAction, removeWebhookAction } from "@/lib/alerts/settings-actions";
import { formatDateTime } from "@/lib/time";

interface Webhook {
  id: number;
  url: string;
  description: string;
  secret: string;
  active: boolean;
  createdAt: Date;
}

export function WebhookList({ webhooks, timeZone }: { webhooks: Webhook[]; timeZone: string }) {
  const active = webhooks.filter((hook) => hook.active);
  return (
    <div className="space-y-4">
      {active.length === 0 ? (
        <p className="text-sm text-slate-500">No endpoints yet: alerts go to people only.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {active.map((hook) => (
            <li key={hook.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
              <div className="min-w-0">
                <p className="text-sm font-medium break-all text-slate-900">{hook.url}</p>
                <p className="text-xs text-slate-500">
                  {hook.description || "No description"} · added {formatDateTime(hook.createdAt, timeZone)}
                </p>
                <p className="mt-1 text-xs text-slate-600">
                  Signing secret: <code className="rounded bg-slate-100 px-1 break-all">{hook.secret}</code>
                </p>
              </div>
              <ActionForm action={removeWebhookAction} submitLabel="Switch off">
                <input type="hidden" name="id" value={hook.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={createWebhookAction} submitLabel="Add endpoint" variant="primary">
        <div>
          <label htmlFor="webhook-url" className="block text-xs font-medium text-slate-700">
            Endpoint URL
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            placeholder="https://example.com/baton-events"
            className={`${controlBaseClass} mt-1 w-80 max-w-full`}
          />
        </div>
        <div>
          <label htmlFor="webhook-description" className="block text-xs font-medium text-slate-700">
            Description
          </label>
          <input
            id="webhook-description"
            name="description"
            maxLength={200}
            placeholder="e.g. PagerDuty bridge"
            className={`${controlBaseClass} mt-1 w-56 max-w-full`}
          />
        </div>
      </ActionForm>
    </div>
  );
}
