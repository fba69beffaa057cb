import Link from "next/link";
import { ActionForm } from "@/components/alerts/action-form";
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
  if (deliveries.length === 0) return <p className="text-sm text-slate-500">Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">When</th>
            <th className="py-1 pr-3 font-medium">Channel</th>
            <th className="py-1 pr-3 font-medium">To</th>
            <th className="py-1 pr-3 font-medium">What</th>
            <th className="py-1 pr-3 font-medium">Outcome</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Replay</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="py-1.5 pr-3 text-slate-600 tabular-nums">{formatDateTime(d.createdAt, timeZone)}</td>
              <td className="py-1.5 pr-3">{d.channel}</td>
              <td className="max-w-56 py-1.5 pr-3 break-all">{d.notification ? `${d.notification.user.name} (${d.target})` : d.target}</td>
              <td className="py-1.5 pr-3">
                {d.notification?.title ?? d.kind}
                {d.leadId && (
                  <>
                    {" "}
                    <Link href={`/leads/${d.leadId}`} className="text-brand-700 hover:underline">
                      lead
                    </Link>
                  </>
                )}
              </td>
              <td className={`py-1.5 pr-3 ${STATUS_CLASS[d.status] ?? ""}`}>
                {d.status === "sent" && d.sentAt ? `delivered ${formatDateTime(d.sentAt, timeZone)}` : d.status}
                {d.attempts > 1 && <span className="text-slate-500"> · {d.attempts} tries</span>}
                {d.lastError && d.status !== "sent" && <span className="block text-xs text-slate-500">{d.lastError}</span>}
              </td>
              <td className="py-1.5">
                {d.status !== "queued" && (
                  <ActionForm action={replayDeliveryAction} submitLabel="Replay">
                    <input type="hidden" name="id" value={d.id} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
