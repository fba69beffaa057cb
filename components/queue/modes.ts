import type { QueueItem } from "@/lib/decisions/queue-queries";

export type Mode = "accept" | "reject" | "info" | "action" | "reassign";

const KEYS: Record<string, Mode> = { a: "accept", r: "reject", i: "info", l: "action", o: "reassign" };

export function modeForKey(key: string): Mode | null {
  return KEYS[key] ?? null;
}

/**
 * What can be done with a lead in its state: decide while undecided; once accepted, its owner logs the
 * first action (the diagnosis counts only the owner's touches).
 */
export function allowedModes(lead: Pick<QueueItem, "acceptanceStatus" | "owner">, canReassign: boolean, userId: number): Mode[] {
  const accepted: Mode[] = lead.owner?.id === userId ? ["action"] : [];
  const modes: Mode[] =
    lead.acceptanceStatus === "accepted"
      ? accepted
      : lead.acceptanceStatus === "info_requested"
        ? ["accept", "reject"]
        : ["accept", "reject", "info"];
  return canReassign ? [...modes, "reassign"] : modes;
}
