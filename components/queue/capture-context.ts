import type { QueueItem } from "@/lib/decisions/queue-queries";
import { sourceLabel } from "@/lib/leads/labels";

/** Why the buyer entered the system, in one line: source · campaign · offer · conversion point. */
export function captureContextLine(lead: Pick<QueueItem, "originalSource" | "campaign" | "offer" | "conversionPoint">): string {
  const parts = [
    lead.originalSource ? sourceLabel(lead.originalSource) : null,
    lead.campaign,
    lead.offer,
    lead.conversionPoint?.replaceAll("_", " "),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "No capture context recorded";
}

export function statusLabel(lead: Pick<QueueItem, "acceptanceStatus" | "infoRequest">): string {
  if (lead.acceptanceStatus === "accepted") return "Accepted · needs first action";
  if (lead.acceptanceStatus === "info_requested") return "Waiting on marketing";
  if (lead.infoRequest?.answer) return "Marketing answered";
  return "Awaiting decision";
}
