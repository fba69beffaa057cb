import Link from "next/link";
import { ActionForm } from "@/components/alerts/action-form";
import { EntityTable } from "@/components/ui/entity-table";
import { replayDeliveryAction } from "@/lib/alerts/settings-actions";
import { formatDateTime } from "@/lib/time";

interface DeliveryRow {
  id: number;
  channel: string;
  target: string;
  kind: string;
  leadId: number | null;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  notification: { title: string; user: { name: string } } | null;
}

const STATUS_CLASS: Record<string, string> = {
  sent: "text-emerald-700",
  queued: "text-slate-600",
  failed: "text-red-700",
  skipped: "text-amber-700",
};

export function DeliveryLog({ deliveries, timeZone }: { deliveries: DeliveryRow[]; timeZone: string }) {
  return (
    <EntityTable
      caption="Sends by email, Slack and webhook, with their outcome"
      rows={deliveries}
      rowKey={(d) => d.id}
      empty={<p className="text-sm text-slate-500">Nothing sent yet.</p>}
      columns={[
        { header: "When", cell: (d) => <span className="text-slate-600 tabular-nums">{formatDateTime(d.createdAt, timeZone)}</span> },
        { header: "Channel", cell: (d) => d.channel },
        {
          header: "To",
          className: "max-w-56 break-all",
          cell: (d) => (d.notification ? `${d.notification.user.name} (${d.target})` : d.target),
        },
        {
          header: "What",
          // One element, so a phone card keeps the title and its link on one line beside the label.
          cell: (d) => (
            <span>
              {d.notification?.title ?? d.kind}
              {d.leadId && (
                <>
                  {" "}
                  <Link href={`/leads/${d.leadId}`} className="text-brand-700 hover:underline">
                    lead
                  </Link>
                </>
              )}
            </span>
          ),
        },
        {
          header: "Outcome",
          cell: (d) => (
            <span className={STATUS_CLASS[d.status]}>
              {d.status === "sent" && d.sentAt ? `delivered ${formatDateTime(d.sentAt, timeZone)}` : d.status}
              {d.attempts > 1 && <span className="text-slate-500"> · {d.attempts} tries</span>}
              {d.lastError && d.status !== "sent" && <span className="block text-xs text-slate-500">{d.lastError}</span>}
            </span>
          ),
        },
        {
          header: "Replay",
          srOnly: true,
          cell: (d) =>
            d.status !== "queued" && (
              <ActionForm action={replayDeliveryAction} submitLabel="Replay">
                <input type="hidden" name="id" value={d.id} />
              </ActionForm>
            ),
        },
      ]}
    />
  );
}
